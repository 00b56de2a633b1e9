/**
 * npm run editor: the form editor on the checkout, without login.
 *   - the site (astro dev) on http://localhost:4321, the editor at /admin/;
 *   - decap-server (Decap's local backend) on port 8081, reading and writing content/ directly;
 *   - the validator, run again on every change under content/, its lines printed here.
 * PEG_CONTENT_DIR picks another content folder (it must be called `content`: the editor's paths are
 * content/…); PEG_EDITOR_PORT and PEG_DECAP_PORT change the ports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { IMPORT_STAGING_DIR } from '../src/lib/content/entries';
import { runValidate } from '../src/lib/validate/cli';

const contentDir = resolve(process.env.PEG_CONTENT_DIR ?? 'content');
const port = Number(process.env.PEG_EDITOR_PORT ?? 4321);
const decapPort = Number(process.env.PEG_DECAP_PORT ?? 8081);
if (basename(contentDir) !== 'content') {
  console.error(`errore  ${contentDir}: la cartella dei contenuti per l'editor deve chiamarsi «content»`);
  process.exit(1);
}
const children: ChildProcess[] = [];
function start(name: string, args: string[], env: NodeJS.ProcessEnv): void {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `[${name}] ${line}\n`)
      .join('');
  child.stdout!.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  child.once('exit', (code) => {
    console.error(`[${name}] terminato (uscita ${code}): chiudo l'editor`);
    stop(1);
  });
  children.push(child);
}

function stop(code: number): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
}
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));

start('decap-server', [resolve('node_modules/decap-server/dist/index.js')], {
  PORT: String(decapPort),
  MODE: 'fs',
  GIT_REPO_DIRECTORY: dirname(contentDir),
  BIND_HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
});
start('sito', [resolve('node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
  PEG_CONTENT_DIR: contentDir,
  PEG_EDITOR_LOCAL_PORT: String(decapPort),
  ASTRO_TELEMETRY_DISABLED: '1',
});

// The validator after each save: Decap writes one file per save, editors of other tools several; runs
// are queued so that each change is checked once, after the previous run.
let running = false;
let pending: string | undefined;
async function validate(file: string): Promise<void> {
  if (running) {
    pending = file;
    return;
  }
  running = true;
  try {
    const { stdout } = await runValidate(['--content', contentDir], process.env, { parallel: false });
    console.log(`\n— controllo dopo la modifica di ${file} —\n${stdout}`);
  } catch (error) {
    console.error(`validate: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    running = false;
    const next = pending;
    pending = undefined;
    if (next) void validate(next);
  }
}
// A save is several write events (decap-server writes in place): check once they have settled.
const SETTLE_MS = 300;
const timers = new Map<string, NodeJS.Timeout>();
watch(contentDir, { recursive: true }, (_, name) => {
  if (!name || name.startsWith(IMPORT_STAGING_DIR)) return;
  clearTimeout(timers.get(name));
  timers.set(
    name,
    setTimeout(() => {
      timers.delete(name);
      void validate(`content/${name}`);
    }, SETTLE_MS),
  );
});

console.log(
  `Editor degli obiettivi: http://localhost:${port}/admin/ (nessun accesso richiesto; salva direttamente in ${contentDir}).\n` +
    'A ogni salvataggio il controllo (npm run validate) scrive qui i suoi messaggi. Ctrl+C per chiudere.',
);
