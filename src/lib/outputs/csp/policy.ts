import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy every page carries, through Astro's built-in `security.csp`: Astro
 * hashes the scripts and styles it bundles itself, so only code from our own components can run.
 * A step that hashed every inline script found in the built HTML was tried and dropped: it would
 * also have hashed a script injected through content, making the policy useless exactly when needed.
 *
 * Not here on purpose: frame-ancestors, report-uri and sandbox (browsers ignore them in a <meta>
 * policy and Chromium logs an error; hosts send them as headers, docs/security.md), and
 * 'unsafe-inline' (stylesheets are files: build.inlineStylesheets 'never').
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

export const cspConfig = {
  algorithm: 'SHA-256' as const,
  directives: [...CSP_DIRECTIVES],
  // 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search; it does not allow eval().
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'"] },
};

/** A CSP source expression for inline code: 'sha256-<base64>'. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * What the form editor at /admin/ adds to the public policy (only on that page, through Astro.csp):
 * Decap CMS compiles its configuration schema with ajv (`new Function`: 'unsafe-eval'), its styling
 * library and widgets set inline styles ('unsafe-inline' for styles only), it talks to the GitHub API
 * and shows avatars. Scripts still come only from the site itself: no CDN, no inline script.
 */
export const ADMIN_CSP = {
  scriptResources: ["'unsafe-eval'"],
  styleResources: ["'unsafe-inline'"],
  directives: [
    'connect-src https://api.github.com',
    'img-src blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com',
  ],
} as const;
