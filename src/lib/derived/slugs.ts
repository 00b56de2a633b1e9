/**
 * Slugs: the URL-safe names of objectives, offices, people and DUP nodes. Pure functions, no Astro
 * imports; the URLs built from them are in src/lib/routes.ts.
 */

/**
 * Longest slug, in characters (= bytes: slugs are ASCII). A slug is a folder name in the built site and
 * file systems allow 255 bytes; 150 keeps room below that and above the real offices' names (124).
 */
export const MAX_SLUG_LENGTH = 150;

/** FNV-1a, 32 bits, as 8 hex digits: a stable short hash that needs no Node or browser API. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Cuts a slug longer than MAX_SLUG_LENGTH and appends the hash of the whole slug, so two long names
 * that share their beginning still get two addresses, and the same name always gets the same one.
 */
export function limitSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const hash = shortHash(slug);
  return `${slug.slice(0, MAX_SLUG_LENGTH - hash.length - 1).replace(/[-_.]+$/, '')}-${hash}`;
}

/**
 * One URL-safe slug function for offices and people: lower case, no accents, words joined by `-`,
 * at most MAX_SLUG_LENGTH characters. It is also the grouping key, so "caruso  gianluca" and
 * "CARUSO GIANLUCA" are one person, and two spellings that would share a URL always share a page.
 * The validator refuses names whose slug is empty, a placeholder or reserved (validate/url-values.ts).
 */
export function slugify(text: string): string {
  return limitSlug(fullSlug(text));
}

/** slugify before the length limit (the validator warns when the limit applies). */
export function fullSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Folder name of a DUP page: the code itself (already URL-safe, case kept), limited in length. */
export function dupSlug(codice: string): string {
  return limitSlug(codice);
}

/** URL slug of a code: `2020_A01_00` → `a01-00` (docs/contract.md: part of every objective URL). */
export function slugFromCodice(codice: string): string {
  return codice
    .replace(/^\d{4}_/, '')
    .toLowerCase()
    .replaceAll('_', '-');
}
