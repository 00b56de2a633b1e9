import { resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * `astro dev` for pages that read content/ themselves (collection.ts): Vite does not know they depend on
 * the folder, so on any change under it this plugin drops every server-side module (collection.ts keeps
 * the content it read) and reloads the browser. An editor's save shows on the next page view.
 */
export function contentReload(contentDir: string): Plugin {
  const root = resolve(contentDir);
  return {
    name: 'peg-content-reload',
    apply: 'serve',
    configureServer(server) {
      server.watcher.add(root);
      const changed = (file: string) => {
        if (file !== root && !file.startsWith(root + sep)) return;
        for (const environment of Object.values(server.environments)) environment.moduleGraph.invalidateAll();
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', changed).on('change', changed).on('unlink', changed);
    },
  };
}
