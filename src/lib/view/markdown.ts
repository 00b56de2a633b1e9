import { remark } from 'remark';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { isSafeUrl } from '../../schemas/url-policy';

/**
 * Markdown of the objective body → HTML string. Content is written by staff and imported from exports,
 * so it is untrusted: raw HTML becomes visible text (escaped, never parsed), and links or images whose
 * URL scheme is not allowed (src/schemas/url-policy.ts: javascript:, data:, vbscript:, …) lose their target.
 */

interface Node {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

function walk(node: Node, visit: (node: Node) => void) {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem']);

/**
 * remark plugin: `html` nodes become text nodes with the same source text; a block of HTML becomes
 * a paragraph of text, inline HTML stays inline.
 */
function rawHtmlAsText() {
  return (tree: Node) =>
    walk(tree, (node) => {
      node.children = node.children?.map((child) => {
        if (child.type !== 'html') return child;
        const text = { type: 'text', value: child.value ?? '' };
        return FLOW_PARENTS.has(node.type) ? { type: 'paragraph', children: [text] } : text;
      });
    });
}

/**
 * remark plugin: the page title is the only h1 and sections are h2, so the body's headings are moved
 * down until the highest one is an h2 (`# Titolo` in content becomes an h2, `##` stays an h2).
 */
function headingsFromLevelTwo() {
  return (tree: Node & { depth?: number }) => {
    let highest = 6;
    walk(tree, (node) => {
      const depth = (node as { depth?: number }).depth;
      if (node.type === 'heading' && depth !== undefined) highest = Math.min(highest, depth);
    });
    const shift = Math.max(0, 2 - highest);
    if (shift === 0) return;
    walk(tree, (node) => {
      const heading = node as { depth?: number };
      if (node.type === 'heading' && heading.depth !== undefined) heading.depth = Math.min(6, heading.depth + shift);
    });
  };
}

/** rehype plugin: drops href/src values whose scheme could run code. */
function neutraliseUrls() {
  return (tree: Node) =>
    walk(tree, (node) => {
      if (node.type !== 'element' || !node.properties) return;
      for (const attribute of ['href', 'src']) {
        const url = node.properties[attribute];
        if (typeof url === 'string' && !isSafeUrl(url)) delete node.properties[attribute];
      }
    });
}

/**
 * rehype plugin: an image from another host becomes a link to it. The Content-Security-Policy
 * (img-src 'self') would block it anyway, and a page must not make citizens' browsers call other hosts.
 */
function remoteImagesAsLinks() {
  return (tree: Node) =>
    walk(tree, (node) => {
      node.children = node.children?.map((child) => {
        const src = child.properties?.src;
        if (
          child.type !== 'element' ||
          child.tagName !== 'img' ||
          typeof src !== 'string' ||
          !/^([a-z][a-z0-9+.-]*:)?\/\//i.test(src)
        )
          return child;
        const alt =
          typeof child.properties?.alt === 'string' && child.properties.alt !== '' ? child.properties.alt : src;
        return { type: 'element', tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: alt }] };
      });
    });
}

const processor = remark()
  .use(rawHtmlAsText)
  .use(headingsFromLevelTwo)
  .use(remarkRehype)
  .use(neutraliseUrls)
  .use(remoteImagesAsLinks)
  .use(rehypeStringify);

/** Renders Markdown to an HTML string that is safe to insert into the page. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
