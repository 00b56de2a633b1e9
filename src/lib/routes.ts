import { dupSlug, slugFromCodice, slugify } from './derived/slugs';

/**
 * Every address of the site and every source path of an objective, in one module: pages, components,
 * open data, the build's reconciliation and the validator ask here, so a URL is never written inline.
 * The addresses are a public contract (docs/contract.md): journalists and other sites link to them.
 */

export const HOME_URL = '/';
export const OBIETTIVI_URL = '/obiettivi/';
export const CENTRI_URL = '/centri-di-responsabilita/';
export const PERSONE_URL = '/responsabili/';
export const DUP_URL = '/dup/';
export const OPENDATA_URL = '/opendata/';
export const SEARCH_URL = '/cerca/';

/** The objectives of a PEG year: /obiettivi/<anno>/ */
export function yearUrl(anno: number): string {
  return `${OBIETTIVI_URL}${anno}/`;
}

/** Canonical path of an objective's page: /obiettivi/<anno>/<slug>/ */
export function objectiveUrl({ codice, anno }: { codice: string; anno: number }): string {
  return `${yearUrl(anno)}${slugFromCodice(codice)}/`;
}

/** An objective's share image (Open Graph, Twitter), beside its page: /obiettivi/<anno>/<slug>/anteprima.png */
export function objectiveShareImageUrl(obiettivo: { codice: string; anno: number }): string {
  return `${objectiveUrl(obiettivo)}anteprima.png`;
}

/** The share image of every page that is not an objective. */
export const SITE_SHARE_IMAGE_URL = '/anteprima.png';

/** Path of a year's overview: the latest year is the home page, earlier years /panoramica/<anno>/. */
export function overviewPath(anno: number, anni: readonly number[]): string {
  return anno === anni[0] ? HOME_URL : `/panoramica/${anno}/`;
}

/** Path of the office page of a centro di responsabilità as written in an objective. */
export function centroUrl(nome: string): string {
  return `${CENTRI_URL}${slugify(nome)}/`;
}

/** Path of the page of a person (responsabile of objectives or fasi). */
export function personaUrl(nome: string): string {
  return `${PERSONE_URL}${slugify(nome)}/`;
}

/** Path of the page of a DUP node (mandato, missione or programma). */
export function dupUrl(codice: string): string {
  return `${DUP_URL}${dupSlug(codice)}/`;
}

/** The DCAT-AP_IT catalogue of the open data (docs/opendata.md). */
export const OPENDATA_CATALOGUE_URL = `${OPENDATA_URL}catalogo.jsonld`;

/** One objective's open-data file: /opendata/obiettivi/<codice>.json or .csv */
export function objectiveDataUrl(codice: string, format: 'json' | 'csv'): string {
  return `${OPENDATA_URL}obiettivi/${codice}.${format}`;
}

/** One objective's rows of a CSV table: /opendata/obiettivi/<codice>.csv, <codice>-fasi.csv, <codice>-indicatori.csv */
export function objectiveTableUrl(codice: string, tabella: 'obiettivi' | 'fasi' | 'indicatori'): string {
  return tabella === 'obiettivi'
    ? objectiveDataUrl(codice, 'csv')
    : `${OPENDATA_URL}obiettivi/${codice}-${tabella}.csv`;
}

/** Where an objective's file lives, relative to content/: obiettivi/<anno>/<slug>.md */
export function objectiveSourcePath({ codice, anno }: { codice: string; anno: number }): string {
  return `obiettivi/${anno}/${slugFromCodice(codice)}.md`;
}

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

/**
 * PDF of the Relazione generated for `anno`, beside its page; with `parte`, that part of a Relazione printed
 * in several (src/lib/view/relazione.ts `relazioneParti`).
 */
export function relazionePdfUrl(anno: number, parte?: number): string {
  return `${relazioneUrl(anno)}relazione-performance-${anno}${parte === undefined ? '' : `-parte-${parte}`}.pdf`;
}

/** Every PDF of the Relazione of `anno` printed in `parti` parts: the one PDF, or one per part. */
export function relazionePdfUrls(anno: number, parti: number): string[] {
  if (parti === 1) return [relazionePdfUrl(anno)];
  return Array.from({ length: parti }, (_, index) => relazionePdfUrl(anno, index + 1));
}

/** A PDF of content/performance/documenti/, as published. */
export function documentoUrl(file: string): string {
  return `/performance/documenti/${file}`;
}
