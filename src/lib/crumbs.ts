import type { Ente } from '../schemas/ente';

export interface Crumb {
  label: string;
  href?: string;
}

/**
 * The trail every page starts from, with the exact section names of the ANAC "Amministrazione
 * trasparente" tree (D.Lgs. 33/2013, allegato A): Amministrazione trasparente › Performance ›
 * Piano della Performance (this site's home).
 */
export function rootCrumbs(ente: Ente): Crumb[] {
  return [
    { label: 'Amministrazione trasparente', href: ente.amministrazione_trasparente },
    { label: 'Performance', href: ente.link.performance ?? ente.amministrazione_trasparente },
    { label: 'Piano della Performance', href: '/' },
  ];
}

/** Root trail followed by `rest`; the last crumb is the current page (no href). */
export function crumbs(ente: Ente, ...rest: Crumb[]): Crumb[] {
  return [...rootCrumbs(ente), ...rest];
}

/** schema.org BreadcrumbList for a trail; relative links become absolute on `site`. */
export function breadcrumbJsonLd(trail: readonly Crumb[], site: string, currentPath: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.label,
      item: new URL(crumb.href ?? currentPath, site).href,
    })),
  };
}

/** The home page's own trail: the root trail with "Piano della Performance" as the current page. */
export function homeCrumbs(ente: Ente): Crumb[] {
  return rootCrumbs(ente).map((crumb, i, all) => (i === all.length - 1 ? { label: crumb.label } : crumb));
}

/** Path of a year's overview: the latest year is the home page, earlier years /panoramica/<anno>/. */
export function overviewPath(anno: number, anni: readonly number[]): string {
  return anno === anni[0] ? '/' : `/panoramica/${anno}/`;
}
