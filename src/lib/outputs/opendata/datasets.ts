import type { Ente } from '../../../schemas/ente';
import { TABELLE } from './csv';
import type { DatasetSpec } from './dcat';
import { OPENDATA_URL } from '../../routes';

/** The files of one dataset: all years (`anno` undefined) or one year. */
export function datasetFiles(anno?: number) {
  const dir = anno === undefined ? OPENDATA_URL : `${OPENDATA_URL}${anno}/`;
  const which = anno === undefined ? 'di tutti gli anni' : `del ${anno}`;
  const righe: Record<(typeof TABELLE)[number], string> = {
    obiettivi: 'una riga per obiettivo, con avanzamento ponderato ed esiti degli indicatori',
    fasi: 'una riga per fase, con date previste ed effettive, peso e avanzamento',
    indicatori: 'una riga per indicatore, con valori atteso e raggiunto, grado di raggiungimento ed esito',
  };
  return [
    {
      path: `${dir}obiettivi.json`,
      format: 'JSON' as const,
      title: 'Obiettivi con fasi e indicatori (JSON)',
      description: `Gli obiettivi ${which} in JSON, ciascuno con le sue fasi e i suoi indicatori.`,
    },
    ...TABELLE.map((tabella) => ({
      path: `${dir}${tabella}.csv`,
      format: 'CSV' as const,
      tabella,
      title: `Tabella ${tabella} (CSV)`,
      description: `Tabella ${tabella} ${which} in CSV (UTF-8, separatore virgola): ${righe[tabella]}.`,
    })),
    {
      path: `${dir}obiettivi.xlsx`,
      format: 'XLSX' as const,
      title: 'Obiettivi, fasi, indicatori e testi in un file Excel (XLSX)',
      description: `Gli obiettivi ${which} in un file Excel: un foglio per obiettivi, fasi, indicatori e testi, e uno che descrive le colonne.`,
    },
  ];
}

/**
 * The datasets of the catalogue: all years together, then one per year. `modified` is the latest git
 * update date of the objectives in it (from git, src/lib/derived/updated.ts), so the same commit builds the same catalogue.
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
  const earliest = (list: readonly { modified: string }[]) =>
    list
      .map((i) => i.modified)
      .sort()
      .at(0) ?? '';
  const keywords = (anno?: number) => [
    'PEG',
    'piano esecutivo di gestione',
    'obiettivi',
    'performance',
    'indicatori',
    ...(anno === undefined ? [] : [String(anno)]),
  ];
  const sorted = [...anni].sort();
  const all: DatasetSpec = {
    id: 'obiettivi-peg',
    title: `Obiettivi di PEG – ${ente.nome}`,
    description: `Obiettivi del Piano esecutivo di gestione del ${ente.nome} (${anni.length === 1 ? 'anno' : 'anni'} ${[...anni].sort().join(', ')}), con fasi, indicatori, avanzamento ponderato ed esiti.`,
    modified: latest(items),
    issued: earliest(items),
    anni: sorted.length > 0 ? { dal: sorted[0]!, al: sorted.at(-1)! } : null,
    keywords: keywords(),
    distributions: datasetFiles(),
  };
  return [
    all,
    ...anni.map((anno) => ({
      id: `obiettivi-peg-${anno}`,
      title: `Obiettivi di PEG ${anno} – ${ente.nome}`,
      description: `Obiettivi del Piano esecutivo di gestione ${anno} del ${ente.nome}, con fasi, indicatori, avanzamento ponderato ed esiti.`,
      modified: latest(items.filter((i) => i.anno === anno)),
      issued: earliest(items.filter((i) => i.anno === anno)),
      anni: { dal: anno, al: anno },
      keywords: keywords(anno),
      distributions: datasetFiles(anno),
    })),
  ];
}
