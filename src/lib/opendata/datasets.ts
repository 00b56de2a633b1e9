import type { Ente } from '../../schemas/ente';
import { TABELLE } from './csv';
import type { DatasetSpec } from './dcat';

/** The files of one dataset: all years (`anno` undefined) or one year. */
export function datasetFiles(anno?: number) {
  const dir = anno === undefined ? '/opendata/' : `/opendata/${anno}/`;
  return [
    { path: `${dir}obiettivi.json`, format: 'JSON' as const, title: 'Obiettivi con fasi e indicatori (JSON)' },
    ...TABELLE.map((tabella) => ({
      path: `${dir}${tabella}.csv`,
      format: 'CSV' as const,
      title: `Tabella ${tabella} (CSV)`,
    })),
    {
      path: `${dir}obiettivi.xlsx`,
      format: 'XLSX' as const,
      title: 'Obiettivi, fasi, indicatori e testi in un file Excel (XLSX)',
    },
  ];
}

/**
 * The datasets of the catalogue: all years together, then one per year. `modified` is the latest git
 * update date of the objectives in it (from git, src/lib/updated.ts), so the same commit builds the same catalogue.
 */
export function datasetSpecs(
  ente: Ente,
  items: readonly { anno: number; modified: string }[],
  anni: readonly number[],
): DatasetSpec[] {
  const latest = (list: readonly { modified: string }[]) =>
    list
      .map((i) => i.modified)
      .sort()
      .at(-1) ?? '';
  const all: DatasetSpec = {
    id: 'obiettivi-peg',
    title: `Obiettivi di PEG – ${ente.nome}`,
    description: `Obiettivi del Piano esecutivo di gestione del ${ente.nome} (${anni.length === 1 ? 'anno' : 'anni'} ${[...anni].sort().join(', ')}), con fasi, indicatori, avanzamento ponderato ed esiti.`,
    modified: latest(items),
    distributions: datasetFiles(),
  };
  return [
    all,
    ...anni.map((anno) => ({
      id: `obiettivi-peg-${anno}`,
      title: `Obiettivi di PEG ${anno} – ${ente.nome}`,
      description: `Obiettivi del Piano esecutivo di gestione ${anno} del ${ente.nome}, con fasi, indicatori, avanzamento ponderato ed esiti.`,
      modified: latest(items.filter((i) => i.anno === anno)),
      distributions: datasetFiles(anno),
    })),
  ];
}
