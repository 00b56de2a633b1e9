import { posix } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import JSZip from 'jszip';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/**
 * A few named columns of a workbook's sheets, read as streams: each part of the zip is inflated and
 * parsed as XML a chunk at a time, and only the cells of the wanted columns are kept, with the shared
 * strings they point to. exceljs's reader builds the whole workbook as objects (≈2 GB for the all-years
 * workbook of 10,000 objectives), and its streaming reader fails on these workbooks now and then
 * (docs/benchmarks.md).
 *
 * A cell's text is what exceljs gives as `String(cell.value ?? '')`: a shared or inline string as its
 * text, a number as JavaScript prints it, a boolean as `true`/`false`, an empty cell as ''. Styles are
 * not read, so a date cell gives its serial number where exceljs gives a Date: the columns read here
 * (codici and ids) are text. A row counts when one of its cells has a value, as in exceljs's `eachRow`;
 * row 1 names the columns.
 */

/** For each wanted sheet, its rows after the first as column name → text; null when the sheet is missing. */
export type SheetColumns<S extends string, C extends string> = Record<S, Record<C, string>[] | null>;

/** A cell's value as parsed: a shared-string index until the shared strings are read, or its text. */
type Token = number | string;

/** A row as read: column number → token, for the columns kept. */
type Cells = Map<number, Token>;

/** Local name of a possibly prefixed XML name (some writers prefix every element, e.g. `x:row`). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** 1-based column number of a cell reference such as `AB12`; undefined when it has no column letters. */
function columnOf(ref: string): number | undefined {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return i === 0 ? undefined : column;
}

/**
 * Streams one part of the zip through an XML parser; false when the zip has no such part. `listen` may
 * call `stop` from a handler: the part is then left unread from the next chunk on.
 */
function parsePart(
  zip: JSZip,
  path: string,
  listen: (parser: SaxesParser, stop: () => void) => void,
): Promise<boolean> {
  const file = zip.file(path);
  if (file === null) return Promise.resolve(false);
  const parser = new SaxesParser({ position: false });
  let stopped = false;
  listen(parser, () => (stopped = true));
  const decoder = new StringDecoder('utf8');
  return new Promise((resolve, reject) => {
    const stream = file.nodeStream('nodebuffer');
    // Paused, the stream stops asking JSZip to inflate more: what is left of the part is never inflated.
    const end = (error?: unknown) => {
      stream.pause();
      stream.removeAllListeners('data');
      if (error === undefined) resolve(true);
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    stream.on('data', (chunk: Buffer) => {
      try {
        parser.write(decoder.write(chunk));
      } catch (error) {
        end(error);
        return;
      }
      if (stopped) end();
    });
    stream.on('error', end);
    stream.on('end', () => {
      try {
        parser.write(decoder.end());
        parser.close();
      } catch (error) {
        end(error);
        return;
      }
      end();
    });
  });
}

/** The relationships of a part (its `_rels/<name>.rels`): id → path in the zip, and type → path. */
async function relationships(zip: JSZip, part: string) {
  const base = posix.dirname(part);
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  await parsePart(zip, posix.join(base, '_rels', `${posix.basename(part)}.rels`), (parser) =>
    parser.on('opentag', (tag: SaxesTagPlain) => {
      const { Id, Target, Type, TargetMode } = tag.attributes;
      if (local(tag.name) !== 'Relationship' || Target === undefined || TargetMode === 'External') return;
      const path = Target.startsWith('/') ? Target.slice(1) : posix.join(base, Target);
      if (Id !== undefined) byId.set(Id, path);
      if (Type !== undefined) byType.set(Type.slice(Type.lastIndexOf('/') + 1), path);
    }),
  );
  return { byId, byType };
}

/** The workbook's sheets: name → path of the sheet's part. */
async function sheetParts(zip: JSZip, workbook: string, rels: Map<string, string>) {
  const sheets = new Map<string, string>();
  const found = await parsePart(zip, workbook, (parser) =>
    parser.on('opentag', (tag: SaxesTagPlain) => {
      if (local(tag.name) !== 'sheet') return;
      // The relationship id is the attribute `id` of the relationships namespace, whatever its prefix.
      const id = Object.entries(tag.attributes).find(([name]) => name !== 'id' && local(name) === 'id')?.[1];
      const path = id === undefined ? undefined : rels.get(id);
      if (tag.attributes.name !== undefined && path !== undefined) sheets.set(tag.attributes.name, path);
    }),
  );
  if (!found) throw new Error(`${workbook} missing`);
  return sheets;
}

/** A cell's token: shared strings by index, the rest as exceljs would print their value. */
function tokenOf(type: string | undefined, text: string, hasValue: boolean): Token {
  if (!hasValue) return '';
  switch (type) {
    case 's': {
      const index = Number(text);
      if (!Number.isInteger(index) || index < 0) throw new Error(`shared string ${text}`);
      return index;
    }
    case 'b':
      return text.trim() === '1' ? 'true' : 'false';
    case 'inlineStr':
    case 'str':
    case 'e':
      return text;
    default:
      return String(Number(text));
  }
}

/**
 * The rows of a sheet that have a value, with the cells of the columns `keep` accepts. With `onlyRow`,
 * only that row is read, and the rest of the sheet is left uninflated.
 */
async function readRows(
  zip: JSZip,
  path: string,
  keep: (column: number) => boolean,
  onlyRow?: number,
): Promise<Map<number, Cells>> {
  const rows = new Map<number, Cells>();
  let lastRow = 0;
  let row: { number: number; cells: Cells; hasValue: boolean } | undefined;
  let lastColumn = 0;
  let cell: { column: number; type: string | undefined; text: string; hasValue: boolean } | undefined;
  // Text is captured inside <v>, and inside <t> of an inline string except its phonetic runs (<rPh>).
  let capture = false;
  let phonetic = 0;
  let done = false;
  const found = await parsePart(zip, path, (parser, stop) => {
    parser.on('opentag', (tag: SaxesTagPlain) => {
      if (done) return;
      switch (local(tag.name)) {
        case 'row': {
          const number = tag.attributes.r === undefined ? lastRow + 1 : Number(tag.attributes.r);
          // Rows come in order (ECMA-376 §18.3.1.73): one out of order is a damaged sheet.
          if (!Number.isInteger(number) || number <= lastRow) throw new Error(`${path}: row ${number} out of order`);
          if (onlyRow !== undefined && number > onlyRow) {
            done = true;
            stop();
            return;
          }
          lastRow = number;
          lastColumn = 0;
          row = { number, cells: new Map(), hasValue: false };
          break;
        }
        case 'c': {
          const column = tag.attributes.r === undefined ? lastColumn + 1 : columnOf(tag.attributes.r);
          if (column === undefined) throw new Error(`${path}: cell ${tag.attributes.r}`);
          lastColumn = column;
          cell = { column, type: tag.attributes.t, text: '', hasValue: false };
          break;
        }
        case 'v':
          if (cell) cell.hasValue = capture = true;
          break;
        case 'is':
          if (cell) cell.hasValue = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          capture = cell !== undefined && phonetic === 0;
          break;
      }
    });
    parser.on('text', (text) => {
      if (capture && cell) cell.text += text;
    });
    parser.on('closetag', (tag: SaxesTagPlain) => {
      if (done) return;
      switch (local(tag.name)) {
        case 'v':
        case 't':
          capture = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (cell && row) {
            if (cell.hasValue) row.hasValue = true;
            if (keep(cell.column)) row.cells.set(cell.column, tokenOf(cell.type, cell.text, cell.hasValue));
          }
          cell = undefined;
          break;
        case 'row':
          if (row?.hasValue && (onlyRow === undefined || row.number === onlyRow)) rows.set(row.number, row.cells);
          row = undefined;
          break;
      }
    });
  });
  if (!found) throw new Error(`${path} missing`);
  return rows;
}

/**
 * Reads the shared strings at `indices` into `known`: one pass over the table, which stops once the
 * last of them is read. Throws when one is not in the table.
 */
async function readStrings(zip: JSZip, path: string | undefined, indices: Set<number>, known: Map<number, string>) {
  const wanted = new Set([...indices].filter((index) => !known.has(index)));
  if (wanted.size === 0) return;
  if (path === undefined) throw new Error('no shared strings');
  let index = -1;
  let text: string | undefined;
  let phonetic = 0;
  let capture = false;
  await parsePart(zip, path, (parser, stop) => {
    parser.on('opentag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      if (name === 'si') {
        index++;
        text = wanted.has(index) ? '' : undefined;
      } else if (name === 'rPh') phonetic++;
      else if (name === 't') capture = text !== undefined && phonetic === 0;
    });
    parser.on('text', (chunk) => {
      if (capture) text += chunk;
    });
    parser.on('closetag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      if (name === 't') capture = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && text !== undefined) {
        known.set(index, text);
        wanted.delete(index);
        text = undefined;
        if (wanted.size === 0) stop();
      }
    });
  });
  if (wanted.size > 0) throw new Error(`shared string ${[...wanted][0]} missing`);
}

/**
 * The `columns` of each of `sheets` in the workbook `bytes`. Throws when the bytes are not a readable
 * workbook (not a zip, no workbook part, malformed XML, a shared string out of range).
 *
 * Row 1 of each sheet is read first, and its shared strings, to know which columns to keep; then the
 * sheets whole, keeping those columns; then the shared strings of the cells kept.
 */
export async function readSheetColumns<S extends string, C extends string>(
  bytes: Uint8Array,
  sheets: readonly S[],
  columns: readonly C[],
): Promise<SheetColumns<S, C>> {
  const zip = await JSZip.loadAsync(bytes);
  const root = await relationships(zip, '');
  const workbook = root.byType.get('officeDocument') ?? 'xl/workbook.xml';
  const rels = await relationships(zip, workbook);
  const parts = await sheetParts(zip, workbook, rels.byId);
  const stringsPart = rels.byType.get('sharedStrings');
  const known = new Map<number, string>();
  const text = (token: Token) => (typeof token === 'number' ? known.get(token)! : token);
  const tokens = (rows: Iterable<Cells>) =>
    new Set([...rows].flatMap((cells) => [...cells.values()].filter((token) => typeof token === 'number')));

  const headers = new Map<S, Cells>();
  for (const sheet of sheets) {
    const path = parts.get(sheet);
    if (path !== undefined) headers.set(sheet, (await readRows(zip, path, () => true, 1)).get(1) ?? new Map());
  }
  await readStrings(zip, stringsPart, tokens(headers.values()), known);

  const read = new Map<S, { names: Map<number, C>; rows: Cells[] }>();
  for (const [sheet, header] of headers) {
    // A name repeated in row 1 means its last column, as in a lookup by header filled left to right.
    const byName = new Map<C, number>();
    for (const [column, token] of header) {
      const name = text(token) as C;
      if (columns.includes(name)) byName.set(name, column);
    }
    const names = new Map([...byName].map(([name, column]) => [column, name]));
    const rows = await readRows(zip, parts.get(sheet)!, (column) => names.has(column));
    rows.delete(1);
    read.set(sheet, { names, rows: [...rows.values()] });
  }
  await readStrings(zip, stringsPart, tokens([...read.values()].flatMap(({ rows }) => rows)), known);

  const result = {} as SheetColumns<S, C>;
  for (const sheet of sheets) {
    const sheetRead = read.get(sheet);
    result[sheet] =
      sheetRead === undefined
        ? null
        : sheetRead.rows.map((cells) => {
            const values = Object.fromEntries(columns.map((column) => [column, ''])) as Record<C, string>;
            for (const [column, name] of sheetRead.names) values[name] = text(cells.get(column) ?? '');
            return values;
          });
  }
  return result;
}
