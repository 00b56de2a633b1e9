/**
 * URLs of the Performance section of Amministrazione trasparente. Contract: once published these never
 * change (the labels are the words ANAC's crawler looks for, src/i18n/it.json `performance.*`).
 */
export const PERFORMANCE = {
  home: '/performance/',
  sistema: '/performance/sistema-di-misurazione-e-valutazione/',
  piano: '/performance/piano/',
  relazione: '/performance/relazione/',
  premiAmmontare: '/performance/premi/ammontare/',
  premiDati: '/performance/premi/dati/',
} as const;

/** Page of the Relazione sulla Performance generated for `anno`. */
export function relazioneUrl(anno: number): string {
  return `${PERFORMANCE.relazione}${anno}/`;
}

/** PDF of the Relazione generated for `anno`, beside its page. */
export function relazionePdfUrl(anno: number): string {
  return `${relazioneUrl(anno)}relazione-performance-${anno}.pdf`;
}

/** A PDF of content/performance/documenti/, as published. */
export function documentoUrl(file: string): string {
  return `/performance/documenti/${file}`;
}
