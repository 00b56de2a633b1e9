import type { Ente } from '../../schemas/ente';
import type { Obiettivo } from '../../schemas/obiettivo';
import { summarize } from '../derived/summary';
import { centroUrl, slugify } from '../derived/indexes';

/** Rows of the "avanzamento per centro di responsabilità" chart and table: one summary per office. */
export function centriRows(obiettivi: readonly { data: Obiettivo }[], soglie: Ente['soglie_esito']) {
  const groups = new Map<string, { label: string; items: { data: Obiettivo }[] }>();
  for (const item of obiettivi) {
    const key = slugify(item.data.centro_di_responsabilita);
    const group = groups.get(key) ?? { label: item.data.centro_di_responsabilita, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({ label: g.label, href: centroUrl(g.label), summary: summarize(g.items, soglie) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'it'));
}

/** schema.org GovernmentOrganization of the comune. */
export function organizationJsonLd(ente: Ente) {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    name: ente.nome,
    url: ente.url,
    ...(ente.contatti.indirizzo ? { address: ente.contatti.indirizzo } : {}),
    ...(ente.contatti.email ? { email: ente.contatti.email } : {}),
    ...(ente.contatti.telefono ? { telephone: ente.contatti.telefono } : {}),
  };
}
