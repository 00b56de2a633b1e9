import { CODICE_PATTERN } from '../../schemas/obiettivo';
import type { Diagnostics } from './diagnostics';
import { splitGluedHeadings, type Piece } from './headings';
import { emphasisPieces, plainText } from './inline';
import { isBlank, type Line, type Placement } from './lines';

/**
 * The "OBIETTIVO DI PEG" header repeated at the top of every page block: codice, assessorato,
 * centro di responsabilità, titolo, responsabile. The pieces come glued (`2024\_X01\_00Assessorato`),
 * split over lines, bold or not; labels are found at the end of a line, in this order.
 */
export interface PageHeader {
  line: number;
  codice: string;
  assessorato: string | null;
  centro_di_responsabilita: string;
  titolo: string;
  responsabile: string;
}

/** The first line of a page block, bold or as a Markdown heading in some conversions. */
export function isPageHeaderStart(text: string): boolean {
  return !text.includes('\t') && plainText(text.replace(/^\s*#+\s*/, '')) === 'OBIETTIVO DI PEG';
}

type Field = 'codice' | 'assessorato' | 'centro' | 'responsabile';
const LABEL_AT_END = /^(.*?)(Assessorato|Centro di Responsabilit(?:à|a'|a)|Responsabile)[ \t]*$/;
const NEXT: Record<string, Field> = { Assessorato: 'assessorato', Responsabile: 'responsabile' };

export interface HeaderResult {
  header?: PageHeader;
  /** Index of the first line after the header. */
  next: number;
  /** What followed the responsabile on its line (`**INDICATORI**`), for the body parser. */
  leftover: Piece[];
}

export function parsePageHeader(
  lines: Line[],
  start: number,
  diagnostics: Diagnostics,
  placement: Placement,
): HeaderResult {
  const first = lines[start]!;
  placement.placed(first.number);
  const buffers: Record<Field, string[]> = { codice: [], assessorato: [], centro: [], responsabile: [] };
  let field: Field = 'codice';
  let index = start + 1;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (isPageHeaderStart(line.text) || line.text.includes('\t')) break;
    placement.placed(line.number);
    if (field === 'responsabile') {
      if (isBlank(line.text)) continue;
      const pieces = splitGluedHeadings(line.text);
      const name = pieces[0]?.kind === 'text' ? plainText(pieces[0].text) : '';
      return finish(first, buffers, name, index + 1, pieces.slice(name ? 1 : 0), diagnostics);
    }
    const match = LABEL_AT_END.exec(line.text);
    buffers[field].push(match ? match[1]! : line.text);
    if (!match) continue;
    const label = match[2]!;
    const target: Field = NEXT[label] ?? 'centro';
    const order: Field[] = ['codice', 'assessorato', 'centro', 'responsabile'];
    if (order.indexOf(target) <= order.indexOf(field)) {
      diagnostics.error(line.number, `intestazione dell’obiettivo: «${label}» compare fuori posto`);
      return { next: index + 1, leftover: [] };
    }
    field = target;
  }
  diagnostics.error(
    first.number,
    `intestazione «OBIETTIVO DI PEG» incompleta: manca ${field === 'responsabile' ? 'il nome del responsabile' : 'l’etichetta «Responsabile»'}`,
  );
  return { next: index, leftover: [] };
}

function finish(
  first: Line,
  buffers: Record<Field, string[]>,
  responsabile: string,
  next: number,
  leftover: Piece[],
  diagnostics: Diagnostics,
): HeaderResult {
  const codice = plainText(buffers.codice.join(' '));
  if (!CODICE_PATTERN.test(codice)) {
    diagnostics.error(
      first.number,
      `codice dell’obiettivo non riconosciuto «${codice}»: atteso ANNO_LETTERA+NUMERO_NUMERO`,
    );
    return { next, leftover: [] };
  }
  const pieces = emphasisPieces(buffers.centro.join('\n'));
  if (pieces.length !== 2) {
    diagnostics.error(
      first.number,
      `${codice}: non riesco a separare centro di responsabilità e titolo (${pieces.length} parti invece di 2: ${pieces.map((p) => `«${p}»`).join(', ')})`,
    );
    return { next, leftover: [] };
  }
  if (!responsabile) {
    diagnostics.error(first.number, `${codice}: manca il nome del responsabile`);
    return { next, leftover: [] };
  }
  const assessorato = plainText(buffers.assessorato.join(' '));
  return {
    header: {
      line: first.number,
      codice,
      assessorato: assessorato === '' ? null : assessorato,
      centro_di_responsabilita: pieces[0]!,
      titolo: pieces[1]!,
      responsabile,
    },
    next,
    leftover,
  };
}
