// Checks the front matter of objective files while typing in VS Code (extension unifiedjs.vscode-remark,
// recommended in .vscode/extensions.json): the YAML extension does not look inside Markdown files.
// Only content/obiettivi is checked; the complete check stays `npm run validate`.
import remarkFrontmatter from 'remark-frontmatter';
import remarkPegFrontmatter from './src/lib/editor/remark-frontmatter.mjs';

/** @param {import('vfile').VFile} file */
const isObjective = (file) => /(^|\/)content\/obiettivi\/.+\.md$/.test(file.path.replaceAll('\\', '/'));

/** @type {import('unified').Preset} */
export default {
  plugins: [
    remarkFrontmatter,
    [
      remarkPegFrontmatter,
      { schema: new URL('./schema/obiettivo.schema.json', import.meta.url), applies: isObjective },
    ],
  ],
};
