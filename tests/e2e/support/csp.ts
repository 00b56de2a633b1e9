/** Reading the Content-Security-Policy that Astro writes into each built page's head. */

/** The policy of a built page's `<meta http-equiv>`, with its quotes decoded; undefined when it has none. */
export function policyOf(html: string): string | undefined {
  return /<meta http-equiv="content-security-policy" content="([^"]*)">/i.exec(html)?.[1]?.replace(/&quot;/g, '"');
}

/** The sources of one directive of `policy` (empty when the directive is missing). */
export function directive(policy: string, name: string): string[] {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find((parts) => parts[0] === name);
  return found ? found.slice(1) : [];
}
