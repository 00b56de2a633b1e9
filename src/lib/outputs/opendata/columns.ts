import type { z } from 'astro/zod';
import { DupLinkSchema, ObiettivoSchema } from '../../../schemas/obiettivo';
import { FaseSchema } from '../../../schemas/fase';
import { IndicatoreSchema } from '../../../schemas/indicatore';
import type { OpenDataIndicatore, OpenDataObiettivo } from './records';
import type { Fase } from '../../../schemas/fase';
import { SoggettoSchema } from '../../../schemas/soggetto';

/**
 * The columns of the three CSV tables. Descriptions are read from the Zod schema (`.describe()`),
 * never retyped: the /opendata/ page and the CSV header come from this one list.
 */

export interface Column<R> {
  name: string;
  description: string;
  /** True for values computed by src/lib/derived/metrics.ts or by the site, not written by editors. */
  derived: boolean;
  value: (row: R) => unknown;
}

export type FaseRow = { codice: string; fase: Fase };
export type IndicatoreRow = { codice: string; indicatore: OpenDataIndicatore };

/** Texts for the values that are not in the content files (the schema has no field to describe them). */
export const DERIVED_DESCRIPTIONS = {
  url: 'Indirizzo della pagina dell’obiettivo su questo sito (percorso canonico)',
  avanzamento_ponderato:
    'Avanzamento ponderato dell’obiettivo da 0 a 100: somma di peso × avanzamento divisa per la somma dei pesi delle fasi che riportano un avanzamento; vuoto se nessuna fase lo riporta',
  copertura_avanzamento:
    'Quota del peso delle fasi, da 0 a 100, su cui poggia avanzamento_ponderato: somma dei pesi delle fasi che riportano un avanzamento divisa per la somma dei pesi di tutte le fasi; 100 se tutte lo riportano; vuoto se l’obiettivo non ha fasi o i pesi sommano a 0',
  fasi_senza_avanzamento:
    'Numero di fasi dell’obiettivo che non riportano un avanzamento (escluse dal calcolo di avanzamento_ponderato)',
  grado_raggiungimento:
    'Grado di raggiungimento come rapporto (1 = 100%): raggiunto/atteso se crescente, atteso/raggiunto se decrescente, 1 o 0 se binario; vuoto se un valore manca o se i valori sono da verificare',
  esito:
    'Esito dell’indicatore secondo le soglie dell’ente: raggiunto, parzialmente raggiunto, non raggiunto, non rilevato; da verificare se un valore è poco plausibile (per esempio raggiunto 100 contro atteso 1) e l’ente non l’ha ancora confermato: allora il grado è vuoto',
  codice: 'Codice dell’obiettivo a cui appartiene la riga',
} as const;

type Shape = Record<string, z.ZodType>;

function describe(shape: Shape, key: string): string {
  const description = shape[key]?.description;
  if (!description) throw new Error(`opendata: schema field ${key} has no .describe() text`);
  return description;
}

/** Columns for every schema key of `shape` except `skip`, reading `pick(row)[key]`. */
function schemaColumns<R, S>(shape: Shape, pick: (row: R) => S, skip: readonly string[] = []): Column<R>[] {
  return Object.keys(shape)
    .filter((key) => !skip.includes(key))
    .map((key) => ({
      name: key,
      description: describe(shape, key),
      derived: false,
      value: (row: R) => (pick(row) as Record<string, unknown>)[key],
    }));
}

const codiceColumn = <R extends { codice: string }>(): Column<R> => ({
  name: 'codice',
  description: DERIVED_DESCRIPTIONS.codice,
  derived: false,
  value: (row) => row.codice,
});

/** obiettivi.csv: nested `dup` becomes dup_mandato, dup_missione, dup_programma; soggetti a JSON cell. */
export function obiettiviColumns(): Column<OpenDataObiettivo>[] {
  const shape = ObiettivoSchema.shape as unknown as Shape;
  const columns: Column<OpenDataObiettivo>[] = [];
  for (const column of schemaColumns(shape, (row: OpenDataObiettivo) => row, ['fasi', 'indicatori'])) {
    if (column.name !== 'dup') {
      columns.push(column);
      continue;
    }
    const dupShape = DupLinkSchema.shape as unknown as Shape;
    for (const key of Object.keys(dupShape)) {
      columns.push({
        name: `dup_${key}`,
        description: describe(dupShape, key),
        derived: false,
        value: (row) => row.dup[key as keyof OpenDataObiettivo['dup']],
      });
    }
  }
  columns.push(
    { name: 'url', description: DERIVED_DESCRIPTIONS.url, derived: true, value: (row) => row.url },
    {
      name: 'avanzamento_ponderato',
      description: DERIVED_DESCRIPTIONS.avanzamento_ponderato,
      derived: true,
      value: (row) => row.avanzamento_ponderato,
    },
    {
      name: 'copertura_avanzamento',
      description: DERIVED_DESCRIPTIONS.copertura_avanzamento,
      derived: true,
      value: (row) => row.copertura_avanzamento,
    },
    {
      name: 'fasi_senza_avanzamento',
      description: DERIVED_DESCRIPTIONS.fasi_senza_avanzamento,
      derived: true,
      value: (row) => row.fasi_senza_avanzamento,
    },
  );
  return columns;
}

/** fasi.csv: one row per fase, keyed by codice + id. */
export function fasiColumns(): Column<FaseRow>[] {
  return [codiceColumn<FaseRow>(), ...schemaColumns(FaseSchema.shape as unknown as Shape, (row: FaseRow) => row.fase)];
}

/** indicatori.csv: `storico` becomes one column per year present in the data (storico_2019 …). */
export function indicatoriColumns(anniStorico: readonly string[]): Column<IndicatoreRow>[] {
  const shape = IndicatoreSchema.shape as unknown as Shape;
  const columns: Column<IndicatoreRow>[] = [codiceColumn<IndicatoreRow>()];
  for (const column of schemaColumns(shape, (row: IndicatoreRow) => row.indicatore)) {
    if (column.name !== 'storico') {
      columns.push(column);
      continue;
    }
    for (const anno of anniStorico) {
      columns.push({
        name: `storico_${anno}`,
        description: `${describe(shape, 'storico')}: valore del ${anno}`,
        derived: false,
        value: (row) => row.indicatore.storico[anno] ?? null,
      });
    }
  }
  columns.push(
    {
      name: 'grado_raggiungimento',
      description: DERIVED_DESCRIPTIONS.grado_raggiungimento,
      derived: true,
      value: (row) => row.indicatore.grado_raggiungimento,
    },
    { name: 'esito', description: DERIVED_DESCRIPTIONS.esito, derived: true, value: (row) => row.indicatore.esito },
  );
  return columns;
}

/** Years that appear in any indicator's storico, ascending. */
export function anniStorico(obiettivi: readonly OpenDataObiettivo[]): string[] {
  const years = new Set<string>();
  for (const o of obiettivi) for (const i of o.indicatori) for (const year of Object.keys(i.storico)) years.add(year);
  return [...years].sort();
}

/** Keys of each element of soggetti_coinvolti (the JSON cell of obiettivi.csv), described by the schema. */
export function soggettiFields(): Pick<Column<unknown>, 'name' | 'description' | 'derived'>[] {
  const shape = SoggettoSchema.shape as unknown as Shape;
  return Object.keys(shape).map((name) => ({ name, description: describe(shape, name), derived: false }));
}
