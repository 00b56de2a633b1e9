/**
 * A small HTML tokenizer for the built pages: finds the inline code a Content-Security-Policy must
 * allow by hash, so tests can check that the policy Astro wrote covers exactly that. It reads tags with quoted attribute values correctly (a `>` or `<script` inside a
 * quoted value is not a tag) and skips comments, so content text can never pose as a script.
 */

export interface InlineCode {
  /** Text of every inline `<script>` the browser would execute (no src, not a JSON data block). */
  scripts: string[];
  /** Text of every `<style>` element. */
  styles: string[];
  /** Decoded value of every `style="…"` attribute. */
  styleAttributes: string[];
  /** Names of event-handler attributes (`onclick`…): a policy without 'unsafe-inline' blocks them. */
  eventHandlers: string[];
  /** URL attributes whose scheme runs code or a document: javascript:, vbscript:, data:text/html… */
  scriptUrls: string[];
  /** Every element name in the document, lower-case. */
  tags: Set<string>;
}

// Data blocks the browser never executes: hashing them would be harmless but misleading.
const DATA_TYPES = new Set(['application/ld+json', 'application/json']);

const TOKEN =
  /<!--[\s\S]*?-->|<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?|\s*\/)*)\s*>/g;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster']);
// Browsers strip whitespace and control characters inside a scheme, so `java\tscript:` counts too.
const SCRIPT_URL = /^(javascript:|vbscript:|data:(?!image\/(png|jpeg|gif|webp|avif)[;,]))/i;
const SCRIPT_END = /<\/script/gi;
const STYLE_END = /<\/style/gi;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Attribute name → decoded value (lower-case names, as HTML treats them). */
export function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (name === '/' || attributes.has(name)) continue;
    attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities Astro writes into attribute values (named basics and numeric references). */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Scans one HTML document for the inline code its policy must cover. */
export function scanInlineCode(html: string): InlineCode {
  const found: InlineCode = {
    scripts: [],
    styles: [],
    styleAttributes: [],
    eventHandlers: [],
    scriptUrls: [],
    tags: new Set(),
  };
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(html))) {
    const tag = match[1]?.toLowerCase();
    if (!tag) continue; // a comment
    found.tags.add(tag);
    const attributes = parseAttributes(match[2] ?? '');
    const style = attributes.get('style');
    if (style !== undefined) found.styleAttributes.push(style);
    for (const [name, value] of attributes) {
      if (name.startsWith('on')) found.eventHandlers.push(name);
      if (URL_ATTRIBUTES.has(name) && SCRIPT_URL.test(value.replace(/[\u0000-\u0020]/g, ''))) {
        found.scriptUrls.push(`${tag} ${name}="${value}"`);
      }
    }
    if (tag === 'script' || tag === 'style') {
      // Raw-text elements end at the first matching end tag, whatever they contain.
      const closing = tag === 'script' ? SCRIPT_END : STYLE_END;
      closing.lastIndex = TOKEN.lastIndex;
      const end = closing.exec(html)?.index ?? html.length;
      const text = html.slice(TOKEN.lastIndex, end);
      TOKEN.lastIndex = end;
      if (tag === 'style') found.styles.push(text);
      else if (!attributes.has('src') && !DATA_TYPES.has((attributes.get('type') ?? '').trim().toLowerCase())) {
        found.scripts.push(text);
      }
    }
  }
  return found;
}
