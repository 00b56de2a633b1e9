import { createHash } from 'node:crypto';
import type { Ente } from '../../../schemas/ente';
import { DupLinkSchema, ObiettivoSchema, type Obiettivo } from '../../../schemas/obiettivo';
import { FaseSchema, type Fase } from '../../../schemas/fase';
import { IndicatoreSchema, type Indicatore } from '../../../schemas/indicatore';
import { SoggettoSchema } from '../../../schemas/soggetto';
import { avanzamentoPonderato, coperturaAvanzamento, valutazioneIndicatore, type Esito } from '../../derived/metrics';

/**
 * Open-data records (docs/contract.md §4): exactly the front-matter keys, in the schema's
 * order, plus `url` and the derived values, which come only from src/lib/derived/metrics.ts.
 */

export type OpenDataIndicatore = Indicatore & { grado_raggiungimento: number | null; esito: Esito };
export type OpenDataObiettivo = Omit<Obiettivo, 'indicatori'> & {
  indicatori: OpenDataIndicatore[];
  url: string;
  avanzamento_ponderato: number | null;
  copertura_avanzamento: number | null;
  fasi_senza_avanzamento: number;
};

export interface OpenDataDocument {
  ente: string;
  licenza: Ente['licenza'];
  obiettivi: OpenDataObiettivo[];
}

/** Copies `source`'s keys in the order of `shape`, so the output order never depends on the YAML. */
export function inShapeOrder<T extends object>(shape: object, source: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) out[key] = (source as Record<string, unknown>)[key];
  return out as T;
}

function toIndicatore(indicatore: Indicatore, soglie: Ente['soglie_esito']): OpenDataIndicatore {
  // Implausible unconfirmed values: grado null and esito "da verificare", as on the page.
  const { grado, esito } = valutazioneIndicatore(indicatore, soglie);
  return { ...inShapeOrder(IndicatoreSchema.shape, indicatore), grado_raggiungimento: grado, esito };
}

/** One objective as published in obiettivi.json. */
export function toOpenData(item: { data: Obiettivo; url: string }, soglie: Ente['soglie_esito']): OpenDataObiettivo {
  const data = item.data;
  const copertura = coperturaAvanzamento(data.fasi);
  return {
    ...inShapeOrder(ObiettivoSchema.shape, data),
    dup: inShapeOrder(DupLinkSchema.shape, data.dup),
    soggetti_coinvolti: data.soggetti_coinvolti.map((s) => inShapeOrder(SoggettoSchema.shape, s)),
    fasi: data.fasi.map((fase: Fase) => inShapeOrder(FaseSchema.shape, fase)),
    indicatori: data.indicatori.map((indicatore) => toIndicatore(indicatore, soglie)),
    url: item.url,
    avanzamento_ponderato: avanzamentoPonderato(data.fasi),
    // Percent like peso and avanzamento_ponderato; two decimals drop float noise (81.00000000000001).
    copertura_avanzamento: copertura.quotaPeso === null ? null : Math.round(copertura.quotaPeso * 10000) / 100,
    fasi_senza_avanzamento: copertura.fasiSenzaDato,
  };
}

const digests = new WeakMap<OpenDataObiettivo, string>();

/**
 * SHA-256 of a record's JSON, once per record: what the cache keys of the files it appears in are made
 * of (files.ts, workbook-cache.ts). Plain JSON.stringify, not a key-sorted one: toOpenData fixes the key
 * order, and the files print the keys in that order, so a different order must be a different key.
 */
export function recordDigest(record: OpenDataObiettivo): string {
  let digest = digests.get(record);
  if (digest === undefined) {
    digest = createHash('sha256').update(JSON.stringify(record)).digest('hex');
    digests.set(record, digest);
  }
  return digest;
}

/** The obiettivi.json document for a set of objectives. */
export function openDataDocument(ente: Ente, items: readonly { data: Obiettivo; url: string }[]): OpenDataDocument {
  return {
    ente: ente.nome,
    licenza: ente.licenza,
    obiettivi: items.map((item) => toOpenData(item, ente.soglie_esito)),
  };
}

/** Serialises a document as UTF-8 JSON (2-space indentation: readable, and diffs between builds stay small). */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * toJson of `{ ...envelope, obiettivi }`, byte for byte, one piece per objective: the document is never
 * one string in memory (obiettivi.json of every year is ~150 MB at 10,000 objectives). The envelope is
 * serialised around a marker that JSON.stringify escapes, so its keys and indentation are JSON.stringify's own.
 */
export function* jsonDocumentChunks(
  envelope: Omit<OpenDataDocument, 'obiettivi'>,
  obiettivi: Iterable<OpenDataObiettivo>,
): Generator<string> {
  const MARKER = '\u0000obiettivi\u0000';
  const [head, tail] = toJson({ ...envelope, obiettivi: [MARKER] }).split(JSON.stringify(MARKER)) as [string, string];
  // Inside the list an objective sits two levels deep; its strings hold no raw line breaks (JSON escapes them).
  const indent = head.slice(head.lastIndexOf('\n') + 1);
  let first = true;
  for (const obiettivo of obiettivi) {
    yield `${first ? head : `,\n${indent}`}${JSON.stringify(obiettivo, null, 2).replaceAll('\n', `\n${indent}`)}`;
    first = false;
  }
  yield first ? toJson({ ...envelope, obiettivi: [] }) : tail;
}
