/** decap-cms-locales ships no types: each export is a locale's phrase tree for CMS.registerLocale. */
declare module 'decap-cms-locales' {
  export const it: Record<string, unknown>;
}
