import type { Ente } from '../../schemas/ente';
import type { Obiettivo } from '../../schemas/obiettivo';
import { summarize } from '../derived/summary';
import { slugify } from '../derived/slugs';
import { centroUrl } from '../routes';

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
