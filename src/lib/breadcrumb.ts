import type { Ente } from '../schemas/ente';
import { t } from './i18n';
import { PERFORMANCE } from './routes';

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
