import matter from 'gray-matter';
import { matterOptions } from '../../content/load';
import { ObiettivoSchema } from '../../../schemas/obiettivo';
import { formatDateShort, formatNumber } from '../../view/format';
import { t } from '../../view/i18n';

/**
 * What changed in the DATA of an objective between two versions of its file, compared structurally
 * (objective fields, fasi and indicatori matched by id, narrative sections by heading), never as text:
 * reformatting, comments and the importer's fingerprint change nothing here.
 */

export type Valore = string | number | boolean | null;
export type Elemento = 'fase' | 'indicatore';

export type Modifica =
  /** The file's first version: in a shallow clone, the first one available (`disponibile`). */
  | { tipo: 'pubblicato'; disponibile: boolean }
  | { tipo: 'campo'; elemento: Elemento | null; id: string | null; campo: string; da: Valore; a: Valore }
  | { tipo: 'aggiunto' | 'eliminato'; elemento: Elemento; id: string }
  /** A narrative section (by its heading, "" before the first heading) added, changed or removed. */
  | { tipo: 'testo'; sezione: string };

/** One version of an objective file, reduced to what the comparison needs. */
export interface Versione {
  fields: Map<string, Valore>;
  fasi: Map<string, Map<string, Valore>>;
  indicatori: Map<string, Map<string, Valore>>;
  sezioni: Map<string, string>;
}

/** Flattens nested values to dotted keys (dup.programma, storico.2019); lists become one JSON value. */
function flatten(record: Record<string, unknown>, skip: readonly string[] = []): Map<string, Valore> {
  const out = new Map<string, Valore>();
  for (const [key, value] of Object.entries(record)) {
    if (skip.includes(key)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, v] of Object.entries(value as Record<string, unknown>)) {
        out.set(`${key}.${inner}`, scalar(v));
      }
    } else out.set(key, scalar(value));
  }
  return out;
}

function scalar(value: unknown): Valore {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return JSON.stringify(value);
}

function byId(list: unknown): Map<string, Map<string, Valore>> {
  const out = new Map<string, Map<string, Valore>>();
  if (!Array.isArray(list)) return out;
  for (const item of list as unknown[]) {
    if (!item || typeof item !== 'object') continue;
    const record = item as Record<string, unknown>;
    if (typeof record.id !== 'string') continue;
    out.set(record.id, flatten(record, ['id']));
  }
  return out;
}

/** Narrative sections by heading, whitespace collapsed (re-wrapping a paragraph is not a change). */
function sections(body: string): Map<string, string> {
  const out = new Map<string, string>();
  let heading = '';
  let lines: string[] = [];
  const flush = () => {
    const text = lines.join(' ').replace(/\s+/g, ' ').trim();
    if (text !== '' || heading !== '') out.set(heading, text);
  };
  for (const line of body.split('\n')) {
    const match = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (match) {
      flush();
      heading = match[1]!;
      lines = [];
    } else lines.push(line);
  }
  flush();
  return out;
}

/**
 * Reads one version with the project's reader (gray-matter + js-yaml) and, when it passes, the schema (so
 * defaults and trimming count as no change); an old version that no longer passes is compared as written.
 * Null when the YAML itself does not parse.
 */
export function readVersione(source: string): Versione | null {
  let parsed: { data: Record<string, unknown>; content: string };
  try {
    parsed = matter(source, matterOptions) as unknown as typeof parsed;
  } catch {
    return null;
  }
  const checked = ObiettivoSchema.safeParse(parsed.data);
  const data = (checked.success ? checked.data : parsed.data) as Record<string, unknown>;
  return {
    fields: flatten(data, ['fasi', 'indicatori']),
    fasi: byId(data.fasi),
    indicatori: byId(data.indicatori),
    sezioni: sections(parsed.content),
  };
}

function compareFields(
  before: Map<string, Valore>,
  after: Map<string, Valore>,
  elemento: Elemento | null,
  id: string | null,
): Modifica[] {
  const changes: Modifica[] = [];
  const keys = [...after.keys(), ...[...before.keys()].filter((k) => !after.has(k))];
  for (const campo of keys) {
    const da = before.get(campo) ?? null;
    const a = after.get(campo) ?? null;
    if (da !== a) changes.push({ tipo: 'campo', elemento, id, campo, da, a });
  }
  return changes;
}

function compareItems(
  before: Map<string, Map<string, Valore>>,
  after: Map<string, Map<string, Valore>>,
  elemento: Elemento,
): Modifica[] {
  const changes: Modifica[] = [];
  for (const [id, now] of after) {
    const old = before.get(id);
    if (old) changes.push(...compareFields(old, now, elemento, id));
    else changes.push({ tipo: 'aggiunto', elemento, id });
  }
  for (const id of before.keys()) if (!after.has(id)) changes.push({ tipo: 'eliminato', elemento, id });
  return changes;
}

/** The data changes from `before` to `after`, in page order: objective, fasi, indicatori, narrative. */
export function diffVersioni(before: Versione, after: Versione): Modifica[] {
  const changes = [
    ...compareFields(before.fields, after.fields, null, null),
    ...compareItems(before.fasi, after.fasi, 'fase'),
    ...compareItems(before.indicatori, after.indicatori, 'indicatore'),
  ];
  const headings = [...after.sezioni.keys(), ...[...before.sezioni.keys()].filter((k) => !after.sezioni.has(k))];
  for (const sezione of headings) {
    if (before.sezioni.get(sezione) !== after.sezioni.get(sezione)) changes.push({ tipo: 'testo', sezione });
  }
  return changes;
}

/** Field names in Italian: the page's own labels where they exist. */
const LABELS: Record<string, string> = {
  codice: 'codice',
  anno: 'anno',
  titolo: 'titolo',
  assessorato: 'assessorato',
  centro_di_responsabilita: 'centro di responsabilità',
  responsabile: 'responsabile',
  stato: 'stato',
  'dup.mandato': 'obiettivo di mandato (DUP)',
  'dup.missione': 'obiettivo di missione (DUP)',
  'dup.programma': 'obiettivo di programma (DUP)',
  soggetti_coinvolti: 'soggetti coinvolti',
  inizio_previsto: 'inizio previsto',
  fine_prevista: 'fine prevista',
  inizio_effettivo: 'inizio effettivo',
  fine_effettiva: 'fine effettiva',
  peso: 'peso',
  avanzamento: 'avanzamento',
  note: 'note',
  descrizione: 'descrizione',
  tipo: 'tipo',
  direzione: 'direzione',
  unita_di_misura: 'unità di misura',
  valore_atteso: 'valore atteso',
  valore_raggiunto: 'valore raggiunto',
  verificato: 'valore verificato',
};

function label(campo: string): string {
  const year = /^storico\.(\d{4})$/.exec(campo);
  if (year) return t('storico.campo.storico', { anno: year[1]! });
  return LABELS[campo] ?? campo.replaceAll('_', ' ');
}

/** Long or multi-line texts are named, not quoted: the page shows the current text. */
const QUOTABLE = 60;
const PERCENT_FIELDS = new Set(['peso', 'avanzamento']);

function value(campo: string, v: Valore): string {
  if (v === null) return t('storico.valore.none');
  if (typeof v === 'boolean') return v ? 'sì' : 'no';
  if (typeof v === 'number') return `${formatNumber(v)}${PERCENT_FIELDS.has(campo) ? '%' : ''}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDateShort(v);
  return v;
}

const isLong = (v: Valore) => typeof v === 'string' && (v.length > QUOTABLE || v.includes('\n') || v.startsWith('['));

/** One change in Italian: "Indicatore I02, valore raggiunto: 70 → 80", "Fase F03 aggiunta". */
export function describeModifica(m: Modifica): string {
  switch (m.tipo) {
    case 'pubblicato':
      return t(m.disponibile ? 'storico.disponibile' : 'storico.pubblicato');
    case 'aggiunto':
    case 'eliminato':
      return t(`storico.${m.elemento}.${m.tipo}`, { id: m.id });
    case 'testo':
      return m.sezione === '' ? t('storico.testo') : t('storico.sezione', { sezione: m.sezione });
    case 'campo': {
      const subject = m.elemento === null ? '' : `${t(`storico.${m.elemento}`, { id: m.id! })}, `;
      const text = `${subject}${describeCampo(m)}`;
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
  }
}

type CampoModificato = Extract<Modifica, { tipo: 'campo' }>;

/** A field change without its subject: "valore raggiunto: 70 → 80". */
export function describeCampo(m: CampoModificato): string {
  const what =
    isLong(m.da) || isLong(m.a) ? t('storico.testoModificato') : `${value(m.campo, m.da)} → ${value(m.campo, m.a)}`;
  return `${label(m.campo)}: ${what}`;
}

/**
 * A line of the page: one change, or the same field change (same old and new value) on several fasi or
 * indicatori of one date, so that a unit added to 18 indicators is one line naming the 18, not 18 lines.
 */
export type Riga =
  | { tipo: 'singola'; modifica: Modifica }
  | { tipo: 'gruppo'; modifica: CampoModificato & { elemento: Elemento }; ids: string[] };

export function righe(modifiche: readonly Modifica[]): Riga[] {
  const rows: Riga[] = [];
  const groups = new Map<string, Extract<Riga, { tipo: 'gruppo' }>>();
  for (const m of modifiche) {
    if (m.tipo !== 'campo' || m.elemento === null || m.id === null) {
      rows.push({ tipo: 'singola', modifica: m });
      continue;
    }
    const key = JSON.stringify([m.elemento, m.campo, m.da, m.a]);
    const group = groups.get(key);
    if (group) group.ids.push(m.id);
    else {
      const row = { tipo: 'gruppo' as const, modifica: { ...m, elemento: m.elemento }, ids: [m.id] };
      groups.set(key, row);
      rows.push(row);
    }
  }
  // A group of one is a single change, worded as such.
  return rows.map((row) =>
    row.tipo === 'gruppo' && row.ids.length === 1 ? { tipo: 'singola', modifica: row.modifica } : row,
  );
}

/** The plural subject of a group ("Indicatori"), followed on the page by its ids. */
export function soggettoGruppo(elemento: Elemento): string {
  return t(`storico.${elemento}.plurale`);
}

/** A line in words: "Indicatori I01, I02, unità di misura: non indicato → %". */
export function describeRiga(riga: Riga): string {
  if (riga.tipo === 'singola') return describeModifica(riga.modifica);
  return `${soggettoGruppo(riga.modifica.elemento)} ${riga.ids.join(', ')}, ${describeCampo(riga.modifica)}`;
}
