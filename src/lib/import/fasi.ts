import type { FaseInput } from './model';
import { CellReader, type Row } from './cells';
import type { Diagnostics } from './diagnostics';
import { plainText, short } from './inline';
import { parseItalianDate } from './values';

/**
 * The "FASI - ATTIVITA'" table. A fase is a title row and two value rows (planned, then actual dates);
 * the label rows (Inizio Previsto, Inizio Effettivo, Peso …) may come before, after or between them,
 * or stand in the cells of the title row. Peso … Note are printed once, on whichever row.
 */

type Column = 'inizio' | 'fine' | 'peso' | 'avanzamento' | 'responsabile' | 'centro' | 'note';

const LABELS: Record<string, Column> = {
  'inizio previsto': 'inizio',
  'inizio effettivo': 'inizio',
  'fine prevista': 'fine',
  'fine effettiva': 'fine',
  peso: 'peso',
  avanzamento: 'avanzamento',
  responsabile: 'responsabile',
  'centro di responsabilità': 'centro',
  note: 'note',
};
const STANDARD: Column[] = ['inizio', 'fine', 'peso', 'avanzamento', 'responsabile', 'centro', 'note'];
const REST: Column[] = ['peso', 'avanzamento', 'responsabile', 'centro', 'note'];

function isLabel(cell: string): boolean {
  return plainText(cell).toLowerCase() in LABELS;
}

/** `FASE` in the first cell of the table header. */
function isTableLabel(cell: string): boolean {
  return /^fase$/i.test(plainText(cell));
}

interface Draft {
  line: number;
  titolo: string;
  dates: { inizio: string | null; fine: string | null; fineVuota: boolean; line: number }[];
  rest?: Row;
}

export class FasiTable {
  /** Column of each field, learnt from the label rows; the software's order until one is seen. */
  private columns: Column[] = [...STANDARD];
  private draft?: Draft;
  readonly fasi: FaseInput[] = [];

  constructor(
    private readonly diagnostics: Diagnostics,
    private readonly context: () => string,
    private readonly onInference: (line: number, message: string) => void,
  ) {}

  /** Takes one TAB row of the table. */
  row(row: Row): void {
    const width = this.columns.length + 1;
    // A value row printed from the first column: the leading empty cell is missing and the row may
    // carry the empty cell at its end instead.
    if (parseItalianDate(plainText(row.cells[0]!)) !== undefined) {
      const cells = ['', ...row.cells];
      while (cells.length > width && cells.at(-1) === '') cells.pop();
      row = { line: row.line, cells };
    }
    if (row.cells.length !== width) {
      this.diagnostics.error(
        row.line,
        `riga della tabella delle fasi con ${row.cells.length} celle invece di ${width}: manca o avanza una colonna`,
      );
      return;
    }
    const [first, ...rest] = row.cells as [string, ...string[]];
    const labels = rest.filter(isLabel).length;
    const values = rest.filter((cell) => cell !== '' && !isLabel(cell)).length;
    if ((first === '' || isTableLabel(first)) && values === 0 && labels > 0) return this.learn(rest);
    if (isTableLabel(first)) {
      this.diagnostics.error(row.line, 'riga di intestazione delle fasi con valori al posto delle etichette');
      return;
    }
    if (first === '') return this.values(row);
    this.title(row);
  }

  /** Label rows say where each field is; a row that would put two fields in one column is ignored. */
  private learn(cells: string[]): void {
    const columns = [...this.columns];
    cells.forEach((cell, index) => {
      const column = LABELS[plainText(cell).toLowerCase()];
      if (column) columns[index] = column;
    });
    if (new Set(columns).size === columns.length) this.columns = columns;
  }

  private cell(row: Row, column: Column): string {
    const cell = row.cells[this.columns.indexOf(column) + 1] ?? '';
    return isLabel(cell) ? '' : cell;
  }

  private title(row: Row): void {
    this.flush();
    const raw = row.cells[0]!;
    let titolo = plainText(raw);
    // `<b>FASE</b> <i>Titolo</i>`: the column label printed, in its own emphasis, into the title cell.
    const glued = /^\s*(?:<b>|\*\*)\s*FASE\s*(?:<\/b>|\*\*)\s*(\S.*)$/i.exec(raw);
    if (glued) {
      titolo = plainText(glued[1]!);
      this.onInference(
        row.line,
        `${this.context()} fase «${short(titolo)}»: tolta l’etichetta «FASE» stampata a parte nel titolo`,
      );
    }
    this.draft = { line: row.line, titolo, dates: [] };
    const dateCells = [row.cells[this.columns.indexOf('inizio') + 1]!, row.cells[this.columns.indexOf('fine') + 1]!];
    const datesAreLabels = dateCells.every(isLabel);
    const hasRest = REST.some((column) => this.cell(row, column) !== '');
    if (!datesAreLabels && (hasRest || dateCells.some((cell) => cell !== ''))) this.takeDates(row);
    if (hasRest) this.draft.rest = row;
  }

  private values(row: Row): void {
    const draft = this.draft;
    if (!draft) {
      this.diagnostics.error(row.line, 'riga di valori delle fasi senza il titolo della fase prima');
      return;
    }
    const hasRest = REST.some((column) => this.cell(row, column) !== '');
    if (hasRest && draft.rest) {
      this.diagnostics.error(row.line, `${this.what(draft)}: peso e avanzamento compaiono due volte`);
      return;
    }
    if (hasRest) draft.rest = row;
    if (draft.dates.length === 2) {
      if (!hasRest)
        this.diagnostics.error(row.line, `${this.what(draft)}: riga di date in più (già lette previste ed effettive)`);
      return;
    }
    this.takeDates(row);
  }

  private takeDates(row: Row): void {
    const draft = this.draft!;
    const kind = draft.dates.length === 0 ? 'prevista' : 'effettiva';
    const read = new CellReader(this.diagnostics, row.line, this.what(draft));
    draft.dates.push({
      inizio: read.date(this.cell(row, 'inizio'), `Inizio ${kind === 'prevista' ? 'Previsto' : 'Effettivo'}`),
      fine: read.date(this.cell(row, 'fine'), `Fine ${kind === 'prevista' ? 'Prevista' : 'Effettiva'}`),
      fineVuota: plainText(this.cell(row, 'fine')) === '',
      line: row.line,
    });
  }

  private what(draft: Draft): string {
    return `${this.context()} fase «${short(draft.titolo)}»`;
  }

  /** Closes the fase being read: at the next title row, when the table ends, or at the end of the file. */
  flush(atEnd = false): void {
    const draft = this.draft;
    this.draft = undefined;
    if (!draft) return;
    const what = this.what(draft);
    if (draft.dates.length < 2) {
      this.diagnostics.error(
        draft.line,
        `${what}: ${draft.dates.length === 0 ? 'mancano le righe delle date previste ed effettive' : 'manca la riga delle date effettive'}` +
          (atEnd ? ' (il file finisce qui: l’export è troncato?)' : ''),
      );
      return;
    }
    if (!draft.rest) {
      this.diagnostics.error(draft.line, `${what}: mancano peso, avanzamento e responsabile`);
      return;
    }
    const rest = draft.rest;
    const read = new CellReader(this.diagnostics, rest.line, what);
    const peso = read.number(this.cell(rest, 'peso'), 'Peso');
    if (peso === null && plainText(this.cell(rest, 'peso')) === '') {
      this.diagnostics.error(rest.line, `${what}: manca il peso`);
      return;
    }
    const [previste, effettive] = draft.dates as [Draft['dates'][0], Draft['dates'][0]];
    if (previste.fineVuota)
      this.diagnostics.warn(previste.line, `${what}: la scheda non indica la fine prevista (scritto null)`);
    this.fasi.push({
      line: draft.line,
      titolo: draft.titolo,
      inizio_previsto: previste.inizio,
      fine_prevista: previste.fine,
      inizio_effettivo: effettive.inizio,
      fine_effettiva: effettive.fine,
      peso: peso ?? 0,
      avanzamento: read.number(this.cell(rest, 'avanzamento'), 'Avanzamento'),
      responsabile: read.text(this.cell(rest, 'responsabile')),
      centro_di_responsabilita: read.text(this.cell(rest, 'centro')),
      note: read.text(this.cell(rest, 'note')),
    });
  }
}
