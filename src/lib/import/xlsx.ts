import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { load as loadYaml } from 'js-yaml';
import { DupSchema } from '../../schemas/dup';
import { DupLinkSchema, ObiettivoSchema } from '../../schemas/obiettivo';
import { slugFromCodice } from '../derived/slugs';
import { FaseSchema } from '../../schemas/fase';
import { IndicatoreSchema } from '../../schemas/indicatore';
import { fasiColumns, indicatoriColumns, obiettiviColumns } from '../outputs/opendata/columns';
import { looksLikeFormula } from '../outputs/opendata/formula';
import { inShapeOrder } from '../outputs/opendata/records';
import { bodyFromSections, columnKinds, FOGLI, TESTI_COLUMNS, type Kind } from '../outputs/xlsx';
import type { BuiltObjective } from './build';
import { planFile } from './files';
import { readTipi, startImport, type ImportOptions, type ImportResult } from './run';
import { serializeObjective } from './serialize';
import { writePlanned } from './write';

/**
 * `npm run import -- obiettivi.xlsx`: reads a workbook in the form /opendata/obiettivi.xlsx publishes
 * (src/lib/outputs/xlsx.ts) or `npm run modello-xlsx` writes, into objective files. Every problem is
 * one Italian line naming the cell (`fasi!F12`); any error and nothing is written.
 */

type Table = 'obiettivi' | 'fasi' | 'indicatori' | 'testi';

interface Problem {
  ref: string;
  message: string;
}

interface Row {
  /** Worksheet row number (1 is the header). */
  number: number;
  values: Map<string, unknown>;
}

interface SheetData {
  name: Table;
  /** Column name → column letter. */
  letters: Map<string, string>;
  rows: Row[];
}

const NUMERO =
  'deve essere un numero: scrivi solo cifre, con la virgola o il punto come Excel li mostra (per esempio 40 o 12,5)';

/** Editable columns of each table (the derived ones are written by the site and ignored here). */
function tableColumns(): Record<Table, { editable: string[]; derived: string[]; kinds: Map<string, Kind> }> {
  const kinds = columnKinds();
  const split = (columns: { name: string; derived: boolean }[]) => ({
    editable: columns.filter((c) => !c.derived).map((c) => c.name),
    derived: columns.filter((c) => c.derived).map((c) => c.name),
  });
  return {
    obiettivi: { ...split(obiettiviColumns()), kinds: kinds.obiettivi },
    fasi: { ...split(fasiColumns()), kinds: kinds.fasi },
    // storico_<anno> columns are matched by pattern: a workbook has one per year of its data.
    indicatori: { ...split(indicatoriColumns([])), kinds: kinds.indicatori },
    testi: {
      editable: TESTI_COLUMNS.map((c) => c.name),
      derived: [],
      kinds: new Map(TESTI_COLUMNS.map((c) => [c.name, 'text'] as const)),
    },
  };
}

const STORICO = /^storico_(\d{4})$/;

/** A text cell: a leading `'` the writer added before `=`, `+`, `-`, `@` is removed (src/lib/outputs/opendata/formula.ts). */
function unneutralise(text: string): string {
  return text.startsWith("'") && looksLikeFormula(text.slice(1)) ? text.slice(1) : text;
}

function plainText(value: ExcelJS.CellValue): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (value && typeof value === 'object' && 'hyperlink' in value) return String(value.text);
  return undefined;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Converts one cell to its YAML value, or returns the problem. */
function convert(cell: ExcelJS.Cell, kind: Kind): { value: unknown } | { message: string } {
  const value = cell.value;
  if (value === null || value === undefined) return { value: null };
  if (cell.type === ExcelJS.ValueType.Formula)
    return {
      message: `la cella contiene una formula (=${cell.formula ?? ''}): scrivi il valore, non la formula (in Excel: Copia, poi Incolla speciale → Valori)`,
    };
  if (typeof value === 'object' && 'error' in value)
    return { message: `la cella contiene un errore di Excel (${value.error}): scrivi il valore` };
  const text = plainText(value);
  if (text !== undefined && text.trim() === '') return { value: null };
  switch (kind) {
    case 'number':
      if (typeof value === 'number') return { value };
      return { message: `«${text ?? String(value)}» è un testo: ${NUMERO}` };
    case 'boolean':
      if (typeof value === 'boolean') return { value };
      return { message: `«${text ?? String(value)}» non è VERO o FALSO: scegli VERO oppure FALSO` };
    case 'date':
      if (value instanceof Date) return { value: isoDate(value) };
      if (text !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(text.trim())) return { value: text.trim() };
      return {
        message: `«${text ?? String(value)}» non è una data: scrivi la data come data di Excel (per esempio 31/12/2025) o come AAAA-MM-GG`,
      };
    case 'json':
      try {
        return { value: JSON.parse(unneutralise(text ?? String(value))) };
      } catch {
        return { message: `«${text}» non è un elenco JSON come quello del file pubblicato (per esempio [])` };
      }
    case 'text':
      if (text !== undefined) return { value: unneutralise(text.trim()) };
      if (typeof value === 'number') return { value: String(value) };
      if (value instanceof Date) return { value: isoDate(value) };
      return { value: String(value) };
  }
}

function readSheet(
  workbook: ExcelJS.Workbook,
  name: Table,
  spec: ReturnType<typeof tableColumns>[Table],
  problems: Problem[],
): SheetData | undefined {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) {
    problems.push({
      ref: name,
      message: `manca il foglio «${name}»: la cartella di lavoro deve avere i fogli ${Object.values(FOGLI).slice(0, 4).join(', ')} (parti da npm run modello-xlsx)`,
    });
    return undefined;
  }
  for (const range of (sheet.model as { merges?: string[] }).merges ?? [])
    problems.push({
      ref: `${name}!${range}`,
      message:
        'celle unite: dividile (in Excel: Unisci e allinea al centro → Dividi celle) e scrivi il valore in ogni riga',
    });
  const letters = new Map<string, string>();
  const header = sheet.getRow(1);
  header.eachCell((cell) => {
    const title = plainText(cell.value)?.trim();
    if (!title) return;
    const known =
      spec.editable.includes(title) || spec.derived.includes(title) || (name === 'indicatori' && STORICO.test(title));
    if (!known)
      problems.push({
        ref: `${name}!${cell.address}`,
        message: `colonna «${title}» sconosciuta: i suoi valori non avrebbero un posto nei file; togli la colonna o correggi il nome (le colonne sono nel foglio «colonne»)`,
      });
    else if (letters.has(title))
      problems.push({ ref: `${name}!${cell.address}`, message: `la colonna «${title}» è ripetuta: tienine una sola` });
    else letters.set(title, cell.address.replace(/\d+$/, ''));
  });
  for (const column of spec.editable)
    if (column !== 'storico' && !letters.has(column))
      problems.push({
        ref: `${name}!1`,
        message: `manca la colonna «${column}» nella riga 1: aggiungila (anche vuota)`,
      });
  const rows: Row[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = new Map<string, unknown>();
    let filled = false;
    for (const [title, letter] of letters) {
      if (spec.derived.includes(title)) continue;
      const cell = row.getCell(letter);
      const kind = STORICO.test(title) ? 'number' : (spec.kinds.get(title) ?? 'text');
      const converted = convert(cell, kind);
      if ('message' in converted) {
        problems.push({ ref: `${name}!${cell.address}`, message: `${title}: ${converted.message}` });
        filled = true;
        continue;
      }
      if (converted.value !== null) filled = true;
      values.set(title, converted.value);
    }
    // A row with only empty cells (or only computed ones) carries nothing to import.
    if (filled) rows.push({ number, values });
  });
  return { name, letters, rows };
}

/** Reads the DUP codes of dup.yaml next to the objectives folder (undefined: no or invalid dup.yaml). */
function dupCodes(contentDir: string): Set<string> | undefined {
  const path = join(contentDir, 'dup.yaml');
  if (!existsSync(path)) return undefined;
  try {
    const dup = DupSchema.parse(loadYaml(readFileSync(path, 'utf8')) ?? { mandati: [] });
    const codes = new Set<string>();
    for (const m of dup.mandati) {
      codes.add(m.codice);
      for (const mi of m.missioni) {
        codes.add(mi.codice);
        for (const p of mi.programmi) codes.add(p.codice);
      }
    }
    return codes;
  } catch {
    return undefined;
  }
}

/** Objectives read from the sheets; problems name the cells. */
export function objectivesFromWorkbook(
  workbook: ExcelJS.Workbook,
  context: { tipi: readonly string[]; dupCodes: Set<string> | undefined },
): { built: BuiltObjective[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const specs = tableColumns();
  const sheets = {} as Record<Table, SheetData | undefined>;
  for (const table of ['obiettivi', 'fasi', 'indicatori', 'testi'] as const)
    sheets[table] = readSheet(workbook, table, specs[table], problems);
  if (Object.values(sheets).some((s) => !s) || problems.length > 0) return { built: [], problems };
  const ref = (sheet: SheetData, row: Row, column: string) =>
    `${sheet.name}!${sheet.letters.get(column) ?? 'A'}${row.number}`;

  const obiettivi = new Map<string, { row: Row; fasi: Row[]; indicatori: Row[]; testi?: Row }>();
  for (const row of sheets.obiettivi!.rows) {
    const codice = row.values.get('codice');
    if (typeof codice !== 'string') {
      problems.push({ ref: ref(sheets.obiettivi!, row, 'codice'), message: 'codice: manca il codice dell’obiettivo' });
      continue;
    }
    if (obiettivi.has(codice)) {
      problems.push({
        ref: ref(sheets.obiettivi!, row, 'codice'),
        message: `codice: ${codice} è già alla riga ${obiettivi.get(codice)!.row.number}: ogni obiettivo ha una riga sola`,
      });
      continue;
    }
    obiettivi.set(codice, { row, fasi: [], indicatori: [] });
  }
  for (const table of ['fasi', 'indicatori', 'testi'] as const) {
    const sheet = sheets[table]!;
    for (const row of sheet.rows) {
      const codice = row.values.get('codice');
      const owner = typeof codice === 'string' ? obiettivi.get(codice) : undefined;
      if (!owner) {
        problems.push({
          ref: ref(sheet, row, 'codice'),
          message:
            typeof codice === 'string'
              ? `codice: l’obiettivo ${codice} non è nel foglio «obiettivi»: aggiungilo o correggi il codice`
              : 'codice: manca il codice dell’obiettivo a cui appartiene la riga',
        });
        continue;
      }
      if (table === 'testi') {
        if (owner.testi)
          problems.push({
            ref: ref(sheet, row, 'codice'),
            message: `codice: i testi di ${String(codice)} sono già alla riga ${owner.testi.number}`,
          });
        owner.testi = row;
      } else owner[table].push(row);
    }
  }

  const built: BuiltObjective[] = [];
  for (const [codice, item] of obiettivi) {
    const pick = (row: Row, keys: string[]) =>
      Object.fromEntries(keys.filter((key) => row.values.has(key)).map((key) => [key, row.values.get(key)]));
    const o = item.row.values;
    const dup = Object.fromEntries(Object.keys(DupLinkSchema.shape).map((key) => [key, o.get(`dup_${key}`)]));
    const fasi = item.fasi.map((row) => inShapeOrder(FaseSchema.shape, pick(row, Object.keys(FaseSchema.shape))));
    const indicatori = item.indicatori.map((row) => {
      const storico: Record<string, number> = {};
      for (const [title, value] of row.values) {
        const year = STORICO.exec(title)?.[1];
        if (year && typeof value === 'number') storico[year] = value;
      }
      const values = pick(row, Object.keys(IndicatoreSchema.shape));
      return inShapeOrder(IndicatoreSchema.shape, {
        ...values,
        direzione: values.direzione ?? 'crescente',
        unita_di_misura: values.unita_di_misura ?? null,
        storico,
        verificato: values.verificato ?? false,
      });
    });
    const data = inShapeOrder(ObiettivoSchema.shape, {
      ...pick(item.row, Object.keys(ObiettivoSchema.shape)),
      dup,
      soggetti_coinvolti: o.get('soggetti_coinvolti') ?? [],
      fasi,
      indicatori,
    });
    const result = ObiettivoSchema.safeParse(data);
    const before = problems.length;
    if (!result.success)
      for (const issue of result.error.issues) {
        const [first, index, key] = issue.path as (string | number)[];
        const at =
          first === 'fasi' && typeof index === 'number' && item.fasi[index]
            ? ref(sheets.fasi!, item.fasi[index], String(key ?? 'codice'))
            : first === 'indicatori' && typeof index === 'number' && item.indicatori[index]
              ? ref(sheets.indicatori!, item.indicatori[index], String(key ?? 'codice'))
              : first === 'dup'
                ? ref(sheets.obiettivi!, item.row, `dup_${String(index)}`)
                : ref(sheets.obiettivi!, item.row, String(first));
        problems.push({ ref: at, message: `${issue.path.join('.')}: ${issue.message}` });
      }
    indicatori.forEach((indicatore, index) => {
      const tipo = (indicatore as { tipo?: unknown }).tipo;
      if (typeof tipo === 'string' && !context.tipi.includes(tipo))
        problems.push({
          ref: ref(sheets.indicatori!, item.indicatori[index]!, 'tipo'),
          message: `tipo: «${tipo}» non è un tipo di indicatore di ente.yaml: scegli tra ${context.tipi.join(', ')}`,
        });
    });
    if (context.dupCodes)
      for (const key of Object.keys(DupLinkSchema.shape)) {
        const code = dup[key];
        if (typeof code === 'string' && !context.dupCodes.has(code))
          problems.push({
            ref: ref(sheets.obiettivi!, item.row, `dup_${key}`),
            message: `dup_${key}: il codice ${code} non è in dup.yaml: aggiungilo a content/dup.yaml o correggi il codice`,
          });
      }
    if (problems.length > before || !result.success) continue;
    const text = (key: string) => {
      const value = item.testi?.values.get(key);
      return typeof value === 'string' ? value : '';
    };
    built.push({
      codice,
      anno: result.data.anno,
      slug: slugFromCodice(codice),
      data: data as BuiltObjective['data'],
      body: bodyFromSections({
        introduzione: text('introduzione'),
        modalita_di_attuazione: text('modalita_di_attuazione'),
        stato_di_attuazione: text('stato_di_attuazione'),
      }),
      paragraphs: 0,
    });
  }
  return { built, problems };
}

/** The whole command for a workbook: read, check, plan, write all files or none. */
export async function runXlsxImport(options: ImportOptions): Promise<ImportResult> {
  const source = options.exportPath;
  const started = startImport(options);
  if ('exitCode' in started) return started;
  const { contentDir, out } = started;
  out.unshift(`Importazione di ${source} in ${options.outDir}`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(readFileSync(source) as unknown as ArrayBuffer);
  } catch {
    out.push(`${source}  errore  non riesco a leggere il file: è una cartella di lavoro Excel (.xlsx)?`);
    return { exitCode: 1, output: out };
  }
  const { built, problems } = objectivesFromWorkbook(workbook, {
    tipi: readTipi(contentDir),
    dupCodes: dupCodes(contentDir),
  });
  if (problems.length > 0) {
    out.push(`Errori (${problems.length}):`);
    for (const problem of problems) out.push(`  ${source} ${problem.ref}  errore  ${problem.message}`);
    out.push(
      `✖ ${problems.length} ${problems.length === 1 ? 'errore' : 'errori'}: nessun file scritto. Correggi la cartella di lavoro e riprova.`,
    );
    return { exitCode: 1, output: out };
  }
  const planned = built.map((objective) =>
    planFile(
      join(options.outDir, String(objective.anno), `${objective.slug}.md`),
      serializeObjective(objective, basename(source)),
      options.force,
    ),
  );
  if (!writePlanned(contentDir, planned, out)) return { exitCode: 1, output: out };
  const count = (action: string) => planned.filter((file) => file.action === action).length;
  const fasi = built.reduce((sum, b) => sum + (b.data.fasi?.length ?? 0), 0);
  const indicatori = built.reduce((sum, b) => sum + (b.data.indicatori?.length ?? 0), 0);
  out.push(
    `Riepilogo: ${built.length} obiettivi, ${fasi} fasi, ${indicatori} indicatori`,
    `File degli obiettivi: ${count('nuovo')} nuovi, ${count('aggiornato')} aggiornati, ${count('invariato')} invariati, ${count('sovrascritto')} sovrascritti con --force`,
  );
  return { exitCode: 0, output: out };
}
