import { createHash } from 'node:crypto';
import type { InlineCode } from './scan';

/**
 * The Content-Security-Policy of a built page. Nothing inline runs unless its sha256 is listed:
 * scripts and `<style>` elements by element hash, `style` attributes by 'unsafe-hashes' (which
 * only ever allows those exact declarations, never script). 'wasm-unsafe-eval' lets Pagefind's
 * WebAssembly search run; it allows compiling WebAssembly, not eval of JavaScript.
 * frame-ancestors is not here: browsers ignore it in a <meta> policy, so hosts must send it as a
 * header (docs/security.md).
 */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function sources(texts: string[]): string[] {
  return [...new Set(texts.map(cspHash))].sort();
}

export function buildPolicy(code: Pick<InlineCode, 'scripts' | 'styles' | 'styleAttributes'>): string {
  const styleAttributes = sources(code.styleAttributes);
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...sources(code.scripts)].join(' '),
    ["style-src 'self'", ...sources(code.styles)].join(' '),
    // Without this directive style-src would govern attributes too and block every one of them.
    ['style-src-attr', ...(styleAttributes.length ? ["'unsafe-hashes'", ...styleAttributes] : ["'none'"])].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Puts the policy first in <head>, so it governs every element after it. A leading
 * <meta charset> stays first: the browser must find it in the first 1024 bytes.
 */
export function injectPolicy(html: string, headEnd: number, policy: string): string {
  if (headEnd < 0) throw new Error(`csp: page has no <head> to carry the policy`);
  const meta = `<meta http-equiv="content-security-policy" content="${policy.replace(/"/g, '&quot;')}">`;
  const charset = /^\s*<meta\s+charset=["']?[\w-]+["']?\s*\/?>/i.exec(html.slice(headEnd));
  const at = headEnd + (charset ? charset[0].length : 0);
  return html.slice(0, at) + meta + html.slice(at);
}
