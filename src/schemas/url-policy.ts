/**
 * The one policy of link schemes, for everything content can link to: the narrative rendered by
 * src/lib/view/markdown.ts, the validator's warnings (src/lib/validate/html.ts) and the addresses of
 * ente.yaml (src/schemas/ente.ts). A scheme not listed here could run code (javascript:, vbscript:,
 * data:) or open something a citizen's browser cannot (file:, ftp:): the page drops the link's target
 * and the validator says so.
 */

/** Schemes a link in the narrative may use: web pages, e-mail, telephone. Relative links are always kept. */
export const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

/** Schemes of the addresses in ente.yaml: web sites, linked from every page's header and footer. */
export const WEB_SCHEMES = ['http', 'https'] as const;

/** For `z.url({ protocol })`: the protocol of a web address. */
export const WEB_PROTOCOL = new RegExp(`^(?:${WEB_SCHEMES.join('|')})$`);

/**
 * The scheme of a URL in lower case (`javascript`), or null for a relative URL (path, #fragment, ?query).
 * Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so this does too.
 */
export function urlScheme(url: string): string | null {
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]!.toLowerCase() ?? null;
}

/** A link target is kept when it is relative or uses one of LINK_SCHEMES. */
export function isSafeUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === null || (LINK_SCHEMES as readonly string[]).includes(scheme);
}
