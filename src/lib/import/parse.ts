import { toRow, type Row } from './cells';
import { Diagnostics } from './diagnostics';
import { isPageHeaderStart, parsePageHeader } from './header';
import { splitGluedHeadings, type HeadingName, type Piece } from './headings';
import { plainText } from './inline';
import { isBlank, Placement, splitLines, type Line } from './lines';
import type { ObiettivoInput } from './model';
import { ObjectiveBuilder } from './objective';
import { isIndicatoriHeader, isSoggettiHeader } from './tables';

/**
 * Reads a "Scheda obiettivi" export into objectives. One pass over the lines: page headers start or
 * continue an objective, headings switch the section, and each line is placed or reported.
 */

type Section = HeadingName | 'none' | 'statoValue';

export interface ParsedExport {
  lines: Line[];
  obiettivi: ObiettivoInput[];
  /** "Parametri selezionati" of the report (Vista, Livello …). */
  parametri: [string, string][];
  diagnostics: Diagnostics;
  placement: Placement;
}

const STATO_LABEL = /^\s*Stato\s*$/;
const TABLE_SECTIONS: Section[] = ['fasi', 'indicatori', 'soggetti'];

export function parseExport(source: string, tipi: readonly string[]): ParsedExport {
  const lines = splitLines(source);
  const diagnostics = new Diagnostics();
  const placement = new Placement();
  const obiettivi: ObiettivoInput[] = [];
  const parametri: [string, string][] = [];
  const done = new Set<string>();
  let current: ObjectiveBuilder | undefined;
  let section: Section = 'none';

  const finish = (atEnd = false) => {
    if (!current) return;
    const built = current.build(atEnd);
    if (built) obiettivi.push(built);
    done.add(current.header.codice);
    current = undefined;
  };

  const narrative = () =>
    section === 'modalita' ? current?.modalita : section === 'statoAttuazione' ? current?.statoAttuazione : undefined;

  const enter = (name: HeadingName) => {
    if (section === 'fasi' && name !== 'fasi') current?.fasi.flush();
    section = name;
  };

  const text = (line: number, piece: string) => {
    const builder = current!;
    if (section === 'modalita' || section === 'statoAttuazione') {
      narrative()!.line(piece, line);
    } else if (section === 'mandato' || section === 'missione' || section === 'programma') {
      const match = /^(\S+)\s+(.+)$/.exec(plainText(piece));
      if (!match)
        diagnostics.error(
          line,
          `${builder.header.codice}: collegamento al DUP senza codice e titolo («${plainText(piece)}»)`,
        );
      else builder.setDup(section, { codice: match[1]!, titolo: match[2]!, line });
      section = 'collegato';
    } else if (section === 'statoValue') {
      builder.stato = plainText(piece);
      section = 'none';
    } else if (TABLE_SECTIONS.includes(section)) {
      diagnostics.error(
        line,
        `${builder.header.codice}: testo inatteso dentro la tabella ${tableName(section)}: «${plainText(piece).slice(0, 60)}»`,
      );
    } else {
      placement.notPlaced(line, piece);
      return;
    }
    placement.placed(line);
  };

  const row = (r: Row) => {
    const builder = current!;
    placement.placed(r.line);
    if (isIndicatoriHeader(r)) {
      enter('indicatori');
      builder.indicatori.header(r);
    } else if (isSoggettiHeader(r)) {
      enter('soggetti');
    } else if (/^fase$/i.test(plainText(r.cells[0]!)) || section === 'fasi') {
      enter('fasi');
      builder.fasi.row(r);
    } else if (section === 'indicatori') {
      builder.indicatori.row(r);
    } else if (section === 'soggetti') {
      builder.soggetti.row(r);
    } else {
      placement.notPlaced(r.line, r.cells.join('\t'));
    }
  };

  const pieces = (line: number, list: Piece[]) => {
    for (const piece of list) {
      if (piece.kind === 'heading') {
        enter(piece.name);
        placement.placed(line);
      } else text(line, piece.text);
    }
  };

  let index = 0;
  for (; index < lines.length && !isPageHeaderStart(lines[index]!.text); index++) {
    const line = lines[index]!;
    const cells = line.text.split('\t').map(plainText);
    if (isBlank(line.text) || /^#+\s/.test(line.text)) placement.placed(line.number);
    else if (cells.length === 2 && cells[0] && cells[1]) {
      parametri.push([cells[0], cells[1]]);
      placement.placed(line.number);
    } else placement.notPlaced(line.number, line.text);
  }
  if (index === lines.length) {
    diagnostics.error(
      1,
      'nessun «OBIETTIVO DI PEG» nel file: non sembra una Scheda obiettivi esportata dal software del PEG',
    );
  }

  while (index < lines.length) {
    const line = lines[index]!;
    if (isPageHeaderStart(line.text)) {
      const result = parsePageHeader(lines, index, diagnostics, placement);
      index = result.next;
      const header = result.header;
      if (!header) {
        finish();
        // Without a header the block cannot be attributed: its lines stay unplaced and are listed.
        while (index < lines.length && !isPageHeaderStart(lines[index]!.text)) index++;
        continue;
      }
      if (current?.header.codice === header.codice) {
        current.compare(header);
        narrative()?.pageBroken();
      } else {
        finish();
        if (done.has(header.codice))
          diagnostics.error(
            header.line,
            `${header.codice}: l’obiettivo ricompare dopo altri obiettivi; le sue pagine devono essere consecutive`,
          );
        current = new ObjectiveBuilder(header, diagnostics, tipi);
        section = 'none';
      }
      pieces(lines[result.next - 1]!.number, result.leftover);
      continue;
    }
    index++;
    if (isBlank(line.text)) {
      placement.placed(line.number);
      narrative()?.blank();
    } else if (STATO_LABEL.test(line.text)) {
      placement.placed(line.number);
      if ((section as Section) === 'fasi') current?.fasi.flush();
      section = 'statoValue';
    } else {
      const split = splitGluedHeadings(line.text);
      if (split.length === 1 && split[0]!.kind === 'text' && line.text.includes('\t'))
        row(toRow(line.number, line.text));
      else pieces(line.number, split);
    }
  }
  finish(true);
  return { lines, obiettivi, parametri, diagnostics, placement };
}

function tableName(section: Section): string {
  return section === 'fasi' ? 'delle fasi' : section === 'indicatori' ? 'degli indicatori' : 'dei soggetti coinvolti';
}
