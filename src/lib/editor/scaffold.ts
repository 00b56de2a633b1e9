import { FaseSchema } from '../../schemas/fase';
import { IndicatoreSchema } from '../../schemas/indicatore';
import { DupLinkSchema, ObiettivoSchema } from '../../schemas/obiettivo';
import { objectiveSourcePath } from '../routes';

/**
 * The skeleton of a new objective file (`npm run nuovo -- <codice>`): every key of the schema, in the
 * schema's order, with the keys an editor must fill left empty (`""`) so the validator points at each
 * one until it is written. Optional keys start as `null`, lists with one fase and one indicatore.
 */

/** Bad input from the editor: the message is Italian and printed as it is. */
export class ScaffoldError extends Error {}

/** Marks a value the editor must write; emitted as `""` with the field's description as comment. */
const TODO = Symbol('da compilare');

type Value = typeof TODO | string | number | boolean | null | Value[] | { [key: string]: Value };
type Shape = Record<string, { description?: string }>;

/** Path (relative to the content folder) and text of the new objective file. */
export interface Scaffold {
  file: string;
  source: string;
}

function checkKeys(value: Record<string, Value>, shape: Shape, where: string) {
  const keys = Object.keys(value).join(',');
  if (keys !== Object.keys(shape).join(',')) {
    throw new Error(`scaffold: keys of ${where} (${keys}) differ from the schema (${Object.keys(shape).join(',')})`);
  }
}

function scalar(value: string | number | boolean | null): string {
  if (typeof value === 'string' && !/^[\p{L}\p{N}_][\p{L}\p{N}_ .-]*$/u.test(value)) return JSON.stringify(value);
  return String(value);
}

/** Emits `key: value` lines for one object, nested shapes given for objects and lists of objects. */
function emit(value: Record<string, Value>, shape: Shape, nested: Record<string, Shape>, indent: string): string[] {
  const lines: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item === TODO) {
      lines.push(`${indent}${key}: ""  # da compilare: ${shape[key]?.description ?? key}`);
    } else if (Array.isArray(item)) {
      if (item.length === 0) lines.push(`${indent}${key}: []`);
      else {
        lines.push(`${indent}${key}:`);
        for (const element of item as Record<string, Value>[]) {
          const [first = '', ...rest] = emit(element, nested[key]!, nested, `${indent}    `);
          lines.push(`${indent}  - ${first.trimStart()}`, ...rest);
        }
      }
    } else if (item !== null && typeof item === 'object' && Object.keys(item).length === 0) {
      lines.push(`${indent}${key}: {}`);
    } else if (item !== null && typeof item === 'object') {
      lines.push(`${indent}${key}:`, ...emit(item, nested[key]!, nested, `${indent}  `));
    } else {
      lines.push(`${indent}${key}: ${scalar(item)}`);
    }
  }
  return lines;
}

/**
 * The one fase a new objective starts with (here and in the XLSX template's example): the whole year,
 * all the weight, nothing done yet.
 */
export function primaFase<T>(anno: number, titolo: T) {
  return {
    id: 'F01',
    titolo,
    inizio_previsto: `${anno}-01-01`,
    fine_prevista: `${anno}-12-31`,
    inizio_effettivo: null,
    fine_effettiva: null,
    peso: 100,
    avanzamento: null,
    responsabile: null,
    centro_di_responsabilita: null,
    note: null,
  };
}

/** Builds the new objective file for `codice` (e.g. 2021_B03_00 → obiettivi/2021/b03-00.md). */
export function scaffoldObiettivo(codice: string): Scaffold {
  const checked = ObiettivoSchema.shape.codice.safeParse(codice);
  if (!checked.success) {
    throw new ScaffoldError(`codice «${codice}» non valido: ${checked.error.issues[0]?.message ?? ''}`);
  }
  const anno = Number(codice.slice(0, 4));
  const fase: Record<string, Value> = primaFase(anno, TODO);
  const indicatore: Record<string, Value> = {
    id: 'I01',
    descrizione: TODO,
    tipo: TODO,
    direzione: 'crescente',
    unita_di_misura: null,
    valore_atteso: null,
    valore_raggiunto: null,
    storico: {},
    note: null,
    verificato: false,
  };
  const dup: Record<string, Value> = { mandato: TODO, missione: TODO, programma: TODO };
  const obiettivo: Record<string, Value> = {
    codice,
    anno,
    titolo: TODO,
    assessorato: null,
    centro_di_responsabilita: TODO,
    responsabile: TODO,
    stato: null,
    dup,
    soggetti_coinvolti: [],
    fasi: [fase],
    indicatori: [indicatore],
  };
  checkKeys(obiettivo, ObiettivoSchema.shape, 'obiettivo');
  checkKeys(dup, DupLinkSchema.shape, 'dup');
  checkKeys(fase, FaseSchema.shape, 'fase');
  checkKeys(indicatore, IndicatoreSchema.shape, 'indicatore');
  const frontMatter = emit(
    obiettivo,
    ObiettivoSchema.shape,
    {
      dup: DupLinkSchema.shape,
      fasi: FaseSchema.shape,
      indicatori: IndicatoreSchema.shape,
    },
    '',
  );
  const body = ['## Modalità di attuazione', '', '', '## Stato di attuazione', ''];
  return {
    file: objectiveSourcePath({ codice, anno }),
    source: ['---', ...frontMatter, '---', '', ...body].join('\n'),
  };
}
