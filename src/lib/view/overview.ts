import type { Ente } from '../../schemas/ente';
import type { Obiettivo } from '../../schemas/obiettivo';
import { summarize } from '../derived/summary';
import { groupBy } from '../derived/indexes';
import { centroUrl } from '../routes';

/** Rows of the "avanzamento per centro di responsabilità" chart and table: one summary per office. */
export function centriRows(obiettivi: readonly { data: Obiettivo }[], soglie: Ente['soglie_esito']) {
  return [...groupBy(obiettivi, (item) => item.data.centro_di_responsabilita).values()]
    .map((g) => ({ label: g.label, href: centroUrl(g.label), summary: summarize(g.obiettivi, soglie) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'it'));
}
