import { CellReader, type Row } from './cells';
import type { Diagnostics } from './diagnostics';
import { inferDirezione } from './direzione';
import { plainText, short } from './inline';
import { inferUnita } from './unita';
import type { IndicatoreInput, SoggettoInput } from './model';

/**
 * The INDICATORI and "Soggetti coinvolti" tables. Both are read by their header row, which names the
 * columns; the previous-year columns are named by year ("Valore Raggiunto 2019") and go to `storico`.
 */

export function isIndicatoriHeader(row: Row): boolean {
  const [first, second] = row.cells.map(plainText);
  return /^descrizione$/i.test(first ?? '') && /^tipo$/i.test(second ?? '');
}

export function isSoggettiHeader(row: Row): boolean {
  return /^nominativo$/i.test(plainText(row.cells[0] ?? ''));
}

type IndicatoreColumn = 'descrizione' | 'tipo' | 'atteso' | 'raggiunto' | 'note' | number;

export class IndicatoriTable {
  private columns?: IndicatoreColumn[];
  readonly indicatori: IndicatoreInput[] = [];

  constructor(
    private readonly diagnostics: Diagnostics,
    private readonly tipi: readonly string[],
    private readonly context: () => string,
  ) {}

  header(row: Row): void {
    const columns: IndicatoreColumn[] = [];
    for (const cell of row.cells.map(plainText)) {
      const year = /^valore raggiunto (\d{4})$/i.exec(cell);
      const column: IndicatoreColumn | undefined = year
        ? Number(year[1])
        : (
            {
              descrizione: 'descrizione',
              tipo: 'tipo',
              'valore atteso': 'atteso',
              'valore raggiunto': 'raggiunto',
              note: 'note',
            } as const
          )[cell.toLowerCase() as 'note'];
      if (column === undefined) {
        this.diagnostics.error(row.line, `intestazione degli indicatori: colonna sconosciuta «${cell}»`);
        return;
      }
      columns.push(column);
    }
    const missing = (['descrizione', 'tipo', 'atteso', 'raggiunto'] as const).filter((c) => !columns.includes(c));
    if (missing.length > 0) {
      this.diagnostics.error(row.line, `intestazione degli indicatori: mancano le colonne ${missing.join(', ')}`);
      return;
    }
    this.columns = columns;
  }

  row(row: Row): void {
    const columns = this.columns;
    if (!columns) {
      this.diagnostics.error(
        row.line,
        'riga di indicatore prima dell’intestazione «Descrizione / Tipo / Valore Atteso …»',
      );
      return;
    }
    if (row.cells.length !== columns.length) {
      this.diagnostics.error(
        row.line,
        `riga di indicatore con ${row.cells.length} celle invece di ${columns.length}: manca o avanza una colonna`,
      );
      return;
    }
    const cell = (column: IndicatoreColumn) => row.cells[columns.indexOf(column)];
    const descrizione = plainText(cell('descrizione') ?? '');
    const what = `${this.context()} indicatore «${short(descrizione)}»`;
    const read = new CellReader(this.diagnostics, row.line, what);
    if (descrizione === '') {
      this.diagnostics.error(row.line, 'riga di indicatore senza descrizione');
      return;
    }
    const tipo = plainText(cell('tipo') ?? '');
    if (!this.tipi.includes(tipo)) {
      this.diagnostics.error(
        row.line,
        `${what}: tipo di indicatore sconosciuto «${tipo}»; i tipi ammessi sono ${this.tipi.join(', ')} (si aggiungono in ente.yaml, tipi_indicatore)`,
      );
      return;
    }
    const storico = new Map<number, number>();
    for (const column of columns) {
      if (typeof column !== 'number') continue;
      const value = read.number(cell(column), `Valore Raggiunto ${column}`);
      if (value !== null) storico.set(column, value);
    }
    const note = read.text(cell('note'));
    const inference = inferDirezione(descrizione, note);
    const valore_atteso = read.number(cell('atteso'), 'Valore Atteso');
    const valore_raggiunto = read.number(cell('raggiunto'), 'Valore Raggiunto');
    const unit = inferUnita(descrizione, inference.direzione, [valore_atteso, valore_raggiunto]);
    this.indicatori.push({
      line: row.line,
      descrizione,
      tipo,
      direzione: inference.direzione,
      unita_di_misura: unit.unita,
      valore_atteso,
      valore_raggiunto,
      storico,
      note,
    });
    this.inferences.push({ index: this.indicatori.length - 1, because: inference.because, unit: unit.because });
  }

  /** Why each indicator got its direzione (null = default crescente) and its unit (null = none). */
  readonly inferences: { index: number; because: string | null; unit: string | null }[] = [];
}

const SOGGETTI_COLUMNS = 5;

export class SoggettiTable {
  readonly soggetti: SoggettoInput[] = [];

  constructor(private readonly diagnostics: Diagnostics) {}

  row(row: Row): void {
    if (row.cells.length !== SOGGETTI_COLUMNS) {
      this.diagnostics.error(
        row.line,
        `riga dei soggetti coinvolti con ${row.cells.length} celle invece di ${SOGGETTI_COLUMNS}: manca o avanza una colonna`,
      );
      return;
    }
    const [nominativo, relazione, impegno, inizio, fine] = row.cells;
    const read = new CellReader(this.diagnostics, row.line, `soggetto coinvolto «${plainText(nominativo ?? '')}»`);
    const name = read.text(nominativo);
    if (!name) {
      this.diagnostics.error(row.line, 'riga dei soggetti coinvolti senza nominativo');
      return;
    }
    this.soggetti.push({
      line: row.line,
      nominativo: name,
      relazione: read.text(relazione),
      impegno: read.number(impegno, 'Impegno'),
      inizio: read.date(inizio, 'Data Inizio'),
      fine: read.date(fine, 'Data Fine'),
    });
  }
}
