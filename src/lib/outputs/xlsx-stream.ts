import { EventEmitter, once } from 'node:events';
import { createRequire } from 'node:module';
import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/**
 * A workbook written row by row, with the bytes exceljs's in-memory writer (`Workbook.xlsx.writeBuffer`)
 * gives for the same cells, zip dates fixed. The in-memory workbook holds every cell as an object: the
 * all-years workbook of 10,000 objectives took a process from ≈0.6 to ≈3 GB (docs/benchmarks.md).
 *
 * exceljs's streaming `WorkbookWriter` renders each row with the same code as the in-memory writer
 * (shared strings and styles numbered in the same order, cell by cell), but packs the parts in another
 * order with archiver and the current time, and leaves out the sheets' `<dimension>` and a few empty
 * document properties. So its parts are taken as they are rendered and zipped here, with JSZip (the
 * in-memory writer's zip library) in the in-memory writer's order: each sheet is compressed while its rows
 * are written, and the writer waits when the zip falls behind. What stays in memory grows with the
 * distinct strings (the shared-string table), not with the cells. Relies on exceljs 4.4's internals
 * (tests/lib/opendata-workbook-cache.test.ts compares the bytes with the in-memory writer's).
 */

const require = createRequire(import.meta.url);
type Xform = { toXml(model: unknown): string };
const AppXform = require('exceljs/lib/xlsx/xform/core/app-xform.js') as new () => Xform;
const CoreXform = require('exceljs/lib/xlsx/xform/core/core-xform.js') as new () => Xform;
const SharedStringsXform = require('exceljs/lib/xlsx/xform/strings/shared-strings-xform.js') as new () => Xform;

/** The parts of the in-memory writer (exceljs lib/xlsx/xlsx.js `write`), in its order. */
function partOrder(sheets: number): string[] {
  return [
    '[Content_Types].xml',
    '_rels/.rels',
    'xl/_rels/workbook.xml.rels',
    ...Array.from({ length: sheets }, (_, i) => `xl/worksheets/sheet${i + 1}.xml`),
    'xl/sharedStrings.xml',
    'xl/theme/theme1.xml',
    'xl/styles.xml',
    'docProps/app.xml',
    'docProps/core.xml',
    'xl/workbook.xml',
  ];
}

/** What this module uses of exceljs's WorkbookWriter beyond its typings. */
interface WriterInternals {
  sharedStrings: { count: number; totalRefs: number; values: string[] };
  addContentTypes(this: unknown): Promise<void>;
  addWorkbookRels(this: unknown): Promise<void>;
}

type Chunk = string | { toBuffer(): Buffer };

/** The writer's options that are used here (its typings leave out the document properties). */
interface WriterOptions {
  useSharedStrings: boolean;
  useStyles: boolean;
  creator: string;
  created: Date;
  modified: Date;
}

const WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter as unknown as new (
  options: WriterOptions,
) => ExcelJS.stream.xlsx.WorkbookWriter;

export interface StreamedSheet {
  name: string;
  /** The sheet's used range, e.g. `A1:O12`: the in-memory writer puts it first, before any row is known. */
  dimension: string;
}

/**
 * Writes one workbook to `out`. Add the sheets in order with `addSheet`, commit every row as it is added
 * (`row.commit()`) and `await pace()` after each; then `finish()`.
 */
export class StreamedWorkbook {
  private readonly parts = new Map<string, PassThrough>();
  /** The parts rendered before the sheets by writeLeadingParts. */
  private readonly leading = new Map<string, string>();
  private readonly zipped: Promise<void>;
  private readonly writer: ExcelJS.stream.xlsx.WorkbookWriter;
  private current: PassThrough | undefined;
  private pendingDimension: string | undefined;

  constructor(
    out: Writable,
    private readonly sheets: readonly StreamedSheet[],
    private readonly properties: { creator: string; date: Date },
  ) {
    const zip = new JSZip();
    for (const name of partOrder(sheets.length)) {
      const part = new PassThrough();
      this.parts.set(name, part);
      zip.file(name, part, { binary: true });
    }
    // Folders are entries of their own (JSZip adds them as the in-memory writer's zip did): fix them too.
    zip.forEach((_, file) => {
      file.date = properties.date;
    });
    this.zipped = pipeline(zip.generateNodeStream({ type: 'nodebuffer', compression: 'DEFLATE' }), out);
    this.zipped.catch(() => {}); // reported by finish()
    this.writer = this.createWriter();
    this.writeLeadingParts();
  }

  private createWriter(): ExcelJS.stream.xlsx.WorkbookWriter {
    // exceljs assigns `zip` and opens sheet streams in its constructor: a subclass is the only way in.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    const collector = {
      pipe() {},
      append: (content: string, { name }: { name: string }) => self.append(name, content),
    };
    const { creator, date } = this.properties;
    const documentModel = () => ({ ...shadowModel(this.sheets), creator, created: date, modified: date });
    class PartsWriter extends WorkbookWriter {
      get zip() {
        return collector;
      }
      set zip(_archiver: unknown) {}
      _openStream(path: string) {
        return self.openSheet(path);
      }
      _finalize() {
        return Promise.resolve();
      }
      addApp() {
        self.append('docProps/app.xml', new AppXform().toXml(documentModel()));
        return Promise.resolve();
      }
      addSharedStrings() {
        // `count` is every reference to a shared string in the in-memory writer, the distinct ones here.
        const strings = (this as unknown as WriterInternals).sharedStrings;
        const model = { count: strings.totalRefs, values: strings.values };
        self.append('xl/sharedStrings.xml', new SharedStringsXform().toXml(model));
        return Promise.resolve();
      }
      addCore() {
        self.append('docProps/core.xml', new CoreXform().toXml(documentModel()));
        return Promise.resolve();
      }
    }
    return new PartsWriter({ useSharedStrings: true, useStyles: true, creator, created: date, modified: date });
  }

  /**
   * The content types and the workbook's relationships come before the sheets but exceljs renders them
   * at commit: they depend only on the sheets and on there being shared strings (every sheet has a
   * header row of text), so they are rendered now from a stand-in; at commit the real ones must match.
   */
  private writeLeadingParts(): void {
    const standIn = {
      zip: {
        append: (content: string, { name }: { name: string }) => {
          this.leading.set(name.replace(/^\//, ''), content);
          this.append(name, content);
        },
      },
      _worksheets: [undefined, ...this.sheets.map((sheet, i) => ({ id: i + 1, name: sheet.name }))],
      sharedStrings: { count: 1 },
      commentRefs: [],
      media: [],
    };
    const internals = WorkbookWriter.prototype as unknown as WriterInternals;
    void internals.addContentTypes.call(standIn);
    void internals.addWorkbookRels.call(standIn);
  }

  private append(path: string, content: string): void {
    const name = path.replace(/^\//, '');
    const part = this.parts.get(name);
    if (!part) throw new Error(`xlsx: unexpected part ${name}`);
    if (part.writableEnded) {
      // exceljs's own rendering at commit of a part writeLeadingParts has already zipped.
      if (this.leading.get(name) !== content) throw new Error(`xlsx: part ${name} differs from its stand-in`);
      return;
    }
    part.end(content);
  }

  private openSheet(path: string): EventEmitter {
    const part = this.parts.get(path.replace(/^\//, ''))!;
    const dimension = this.pendingDimension!;
    let first = true;
    const sink = new EventEmitter() as EventEmitter & {
      write(chunk: Chunk): boolean;
      end(): void;
      pause(): void;
    };
    sink.pause = () => {};
    sink.write = (chunk) => {
      let text = typeof chunk === 'string' ? chunk : chunk.toBuffer().toString('utf8');
      if (first) {
        // The in-memory writer breaks the line after the XML declaration and starts with <dimension>.
        text = text
          .replace('?><worksheet', '?>\n<worksheet')
          .replace('<sheetViews>', `<dimension ref="${dimension}"/><sheetViews>`);
        first = false;
      }
      return part.write(text);
    };
    sink.end = () => {
      part.end(() => {
        sink.emit('finish');
        sink.emit('zipped');
      });
    };
    this.current = part;
    return sink;
  }

  /** A sheet of the workbook, in the order of `sheets`. */
  addSheet(name: string, options: Partial<ExcelJS.AddWorksheetOptions>): ExcelJS.Worksheet {
    const spec = this.sheets.find((sheet) => sheet.name === name);
    if (!spec) throw new Error(`xlsx: sheet ${name} not declared`);
    this.pendingDimension = spec.dimension;
    return this.writer.addWorksheet(name, options);
  }

  /** Waits while the zip is behind the rows written so far. */
  async pace(): Promise<void> {
    if (this.current?.writableNeedDrain) await once(this.current, 'drain');
  }

  /** Ends the zip with `error` (a row that could not be written): nothing waits for parts that never come. */
  abort(error: Error): void {
    for (const part of this.parts.values()) part.destroy(error);
  }

  async finish(): Promise<void> {
    await this.writer.commit();
    await this.zipped;
  }
}

/** The document properties the in-memory writer renders (app.xml, core.xml): those of an empty Workbook. */
function shadowModel(sheets: readonly StreamedSheet[]): ExcelJS.WorkbookModel {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) workbook.addWorksheet(sheet.name);
  return workbook.model;
}
