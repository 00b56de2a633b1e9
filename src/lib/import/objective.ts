import { CODICE_PATTERN } from '../../schemas/obiettivo';
import type { Diagnostics } from './diagnostics';
import { FasiTable } from './fasi';
import type { PageHeader } from './header';
import type { DupRef, ObiettivoInput } from './model';
import { Narrative } from './narrative';
import { IndicatoriTable, SoggettiTable } from './tables';

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
    this.dup[level] ??= ref;
  }

  build(atEnd = false): ObiettivoInput | undefined {
    this.fasi.flush(atEnd);
    const { header } = this;
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
