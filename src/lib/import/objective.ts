import { CODICE_PATTERN } from '../../schemas/obiettivo';
import type { Diagnostics } from './diagnostics';
import { FasiTable } from './fasi';
import type { PageHeader } from './header';
import type { DupRef, ObiettivoInput } from './model';
import { short } from './inline';
import { Narrative } from './narrative';
import { IndicatoriTable, SoggettiTable } from './tables';

/** Characters from which two identical paragraphs of one objective are a repeated page, not chance. */
const LONG_PARAGRAPH = 80;

/** Collects one objective over its page blocks, then checks that it is complete. */
export class ObjectiveBuilder {
  readonly fasi: FasiTable;
  readonly indicatori: IndicatoriTable;
  readonly soggetti: SoggettiTable;
  readonly modalita = new Narrative();
  readonly statoAttuazione = new Narrative();
  stato: string | null = null;
  readonly dup: ObiettivoInput['dup'] = {};

  constructor(
    readonly header: PageHeader,
    private readonly diagnostics: Diagnostics,
    tipi: readonly string[],
  ) {
    const context = () => header.codice;
    this.fasi = new FasiTable(diagnostics, context, (line, message) => diagnostics.inferred(line, message));
    this.indicatori = new IndicatoriTable(diagnostics, tipi, context);
    this.soggetti = new SoggettiTable(diagnostics);
  }

  /** A repeated page header must describe the same objective; differences are reported, the first wins. */
  compare(other: PageHeader): void {
    const fields = ['titolo', 'assessorato', 'centro_di_responsabilita', 'responsabile'] as const;
    for (const field of fields) {
      if (other[field] !== this.header[field]) {
        this.diagnostics.warn(
          other.line,
          `${this.header.codice}: l’intestazione di pagina riporta ${field} «${other[field]}» invece di «${this.header[field]}» (riga ${this.header.line}); tengo il primo`,
        );
      }
    }
  }

  setDup(level: keyof ObiettivoInput['dup'], ref: DupRef): void {
    const known = this.dup[level];
    if (known && known.codice !== ref.codice) {
      this.diagnostics.error(
        ref.line,
        `${this.header.codice}: secondo collegamento al DUP (${level} ${ref.codice}, già ${known.codice} alla riga ${known.line})`,
      );
      return;
    }
    if (known) {
      // Each objective prints "Collegato a" once: a second one is a page printed twice.
      this.diagnostics.error(
        ref.line,
        `${this.header.codice}: il collegamento al DUP (${level} ${ref.codice}) è ripetuto alle righe ${known.line} e ${ref.line}: una pagina è stampata due volte? Togli la ripetizione dall’export`,
      );
      return;
    }
    this.dup[level] = ref;
  }

  /**
   * A fase, indicator or soggetto row identical to an earlier one of the same objective is a page
   * printed twice (only the page header may repeat): refused with both lines, never counted twice.
   */
  private repeated(): void {
    const check = <T extends { line: number }>(items: T[], what: string, name: (item: T) => string) => {
      const seen = new Map<string, number>();
      for (const { line, ...rest } of items) {
        const key = JSON.stringify(rest, (_, value: unknown) => (value instanceof Map ? [...value] : value));
        const first = seen.get(key);
        if (first === undefined) seen.set(key, line);
        else
          this.diagnostics.error(
            line,
            `${this.header.codice}: ${what} «${short(name({ line, ...rest } as T))}» alle righe ${first} e ${line} è ripetuta identica: una pagina è stampata due volte? Togli la ripetizione dall’export`,
          );
      }
    };
    check(this.fasi.fasi, 'la fase', (fase) => fase.titolo);
    check(this.indicatori.indicatori, 'la riga di indicatore', (indicatore) => indicatore.descrizione);
    check(this.soggetti.soggetti, 'la riga dei soggetti coinvolti', (soggetto) => soggetto.nominativo);
    // A page of narrative only: a long paragraph twice in the same section. Short ones ("Comprende:")
    // may repeat, and reports do copy a paragraph from Modalità into Stato di attuazione.
    for (const blocks of [this.modalita.blocks, this.statoAttuazione.blocks]) {
      const paragraphs = new Map<string, number>();
      for (const block of blocks) {
        if (block.text.length < LONG_PARAGRAPH || block.line === undefined) continue;
        const first = paragraphs.get(block.text);
        if (first === undefined) paragraphs.set(block.text, block.line);
        else
          this.diagnostics.error(
            block.line,
            `${this.header.codice}: il paragrafo «${short(block.text)}» alle righe ${first} e ${block.line} è ripetuto identico: una pagina è stampata due volte? Togli la ripetizione dall’export`,
          );
      }
    }
  }

  build(atEnd = false): ObiettivoInput | undefined {
    this.fasi.flush(atEnd);
    this.repeated();
    const { header } = this;
    // The export declares no counts and has no end marker: the pesi summing to 100 is the one total
    // it carries. Short at the end of the file means the last page is missing.
    const pesi = this.fasi.fasi.reduce((sum, fase) => sum + fase.peso, 0);
    if (this.fasi.fasi.length > 0 && Math.abs(pesi - 100) > 0.01 + 1e-9) {
      const message = `${header.codice}: i pesi delle fasi sommano a ${String(Math.round(pesi * 100) / 100).replace('.', ',')}, non 100`;
      if (atEnd) this.diagnostics.error(header.line, `${message}: il file finisce qui, l’export è troncato?`);
      else this.diagnostics.warn(header.line, `${message} (il validatore lo segnalerà: controlla la scheda)`);
    }
    const missing = (['mandato', 'missione', 'programma'] as const).filter((level) => !this.dup[level]);
    if (missing.length > 0) {
      this.diagnostics.error(
        header.line,
        `${header.codice}: manca il collegamento al DUP (${missing.map((m) => `OBIETTIVO DI ${m.toUpperCase()}`).join(', ')})`,
      );
      return undefined;
    }
    for (const { index, because, unit } of this.indicatori.inferences) {
      const indicatore = this.indicatori.indicatori[index]!;
      if (unit)
        this.diagnostics.inferred(
          indicatore.line,
          `${header.codice} I${String(index + 1).padStart(2, '0')} unita_di_misura: ${indicatore.unita_di_misura} (dal testo «${unit}»)`,
        );
      if (!because) continue;
      const values = [indicatore.valore_atteso, indicatore.valore_raggiunto].filter((v) => v !== null);
      const odd =
        indicatore.direzione === 'binario' && values.some((v) => v !== 0 && v !== 1)
          ? ' (attenzione: i valori non sono 0 o 1)'
          : '';
      this.diagnostics.inferred(
        indicatore.line,
        `${header.codice} I${String(index + 1).padStart(2, '0')} direzione: ${indicatore.direzione} (dal testo «${because}»)${odd}`,
      );
    }
    return {
      line: header.line,
      codice: header.codice,
      anno: Number(CODICE_PATTERN.exec(header.codice)![1]),
      titolo: header.titolo,
      assessorato: header.assessorato,
      centro_di_responsabilita: header.centro_di_responsabilita,
      responsabile: header.responsabile,
      stato: this.stato,
      dup: this.dup,
      soggetti: this.soggetti.soggetti,
      fasi: this.fasi.fasi,
      indicatori: this.indicatori.indicatori,
      modalita: this.modalita.blocks,
      statoAttuazione: this.statoAttuazione.blocks,
    };
  }
}
