import type { Ente } from '../../schemas/ente';
import { t } from './i18n';

export interface Crumb {
  label: string;
  href?: string;
}

/**
 * Start of every breadcrumb: Home › Amministrazione trasparente › Performance, with the ANAC section
 * names linking to the comune's own site (ente.yaml). Pages append their own crumbs.
 */
export function trasparenzaTrail(ente: Pick<Ente, 'amministrazione_trasparente' | 'link'>): Crumb[] {
  return [
    { label: t('breadcrumb.home'), href: '/' },
    { label: t('breadcrumb.trasparente'), href: ente.amministrazione_trasparente },
    ...(ente.link.performance ? [{ label: t('breadcrumb.performance'), href: ente.link.performance }] : []),
  ];
}
