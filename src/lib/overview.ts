import type { Ente } from '../schemas/ente';
import type { Obiettivo } from '../schemas/obiettivo';
import { avanzamentoPonderato } from './metrics';
import { centroUrl, personKey } from './queries';

/** Rows of the "avanzamento per centro di responsabilità" chart for one year's objectives. */
export function centriRows(obiettivi: readonly { data: Obiettivo }[]) {
  const groups = new Map<string, { label: string; obiettivi: number; sum: number; counted: number }>();
  for (const { data } of obiettivi) {
    const key = personKey(data.centro_di_responsabilita);
    const group = groups.get(key) ?? { label: data.centro_di_responsabilita, obiettivi: 0, sum: 0, counted: 0 };
    group.obiettivi += 1;
    const avanzamento = avanzamentoPonderato(data.fasi);
    if (avanzamento !== null) {
      group.sum += avanzamento;
      group.counted += 1;
    }
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({
      label: g.label,
      href: centroUrl(g.label),
      obiettivi: g.obiettivi,
      avanzamento: g.counted > 0 ? g.sum / g.counted : null,
    }))
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
