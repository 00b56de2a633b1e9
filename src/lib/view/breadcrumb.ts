import type { Ente } from '../../schemas/ente';
import { PERFORMANCE } from '../routes';
import { t } from './i18n';

export interface Crumb {
  label: string;
  href?: string;
}

/**
 * Start of every breadcrumb: Home › Amministrazione trasparente › Performance, with the ANAC section
 * names; Amministrazione trasparente links to the comune's own site (ente.yaml), Performance to this
 * site's section (/performance/). Pages append their own crumbs.
 */
export function trasparenzaTrail(ente: Pick<Ente, 'amministrazione_trasparente'>): Crumb[] {
  return [
    { label: t('breadcrumb.home'), href: '/' },
    { label: t('breadcrumb.trasparente'), href: ente.amministrazione_trasparente },
    { label: t('breadcrumb.performance'), href: PERFORMANCE.home },
  ];
}

/** Trail of a page of this site: the shared start (Home › Amministrazione trasparente › Performance), then `rest`. */
export function crumbs(ente: Ente, ...rest: Crumb[]): Crumb[] {
  return [...trasparenzaTrail(ente), ...rest];
}

/**
 * The home page's own trail: where this site sits in the ANAC tree of "Amministrazione trasparente"
 * (D.Lgs. 33/2013, allegato A), with the exact section names, ending at "Piano della Performance".
 */
export function homeCrumbs(ente: Ente): Crumb[] {
  return [...trasparenzaTrail(ente).slice(1), { label: 'Piano della Performance' }];
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
