import { plainText } from './inline';

/**
 * Section headings the "Scheda obiettivi" report prints. They come as `**X**`, `#### X`, a table row
 * `X<TAB><TAB>…`, a plain line, or glued to the text before them (`Concluso**FASI - ATTIVITA'**`).
 */
export type HeadingName =
  | 'collegato'
  | 'mandato'
  | 'missione'
  | 'programma'
  | 'modalita'
  | 'statoAttuazione'
  | 'fasi'
  | 'indicatori'
  | 'soggetti';

const LABELS: Record<HeadingName, string> = {
  collegato: 'Collegato a',
  mandato: 'OBIETTIVO DI MANDATO:?',
  missione: 'OBIETTIVO DI MISSIONE:?',
  programma: 'OBIETTIVO DI PROGRAMMA:?',
  modalita: "Modalit(?:à|a'|a) di Attuazione",
  statoAttuazione: 'STATO DI ATTUAZIONE',
  fasi: "FASI\\s*-\\s*ATTIVIT(?:À|A'|A)",
  indicatori: 'INDICATORI',
  soggetti: 'Soggetti coinvolti',
};

const NAMES = Object.keys(LABELS) as HeadingName[];
const WHOLE = NAMES.map((name) => [name, new RegExp(`^${LABELS[name]}$`, 'i')] as const);
const GLUED = new RegExp(
  `(?<!\\\\)\\*{2,3}\\s*(${NAMES.map((name) => LABELS[name]).join('|')})\\s*(?<!\\\\)\\*{2,3}`,
  'gi',
);

/** The heading a whole line is, if it is one (`#### Modalità di Attuazione`, `INDICATORI\t\t\t`). */
export function wholeLineHeading(text: string): HeadingName | undefined {
  if (
    /\t/.test(text) &&
    text
      .split('\t')
      .slice(1)
      .some((cell) => cell.trim() !== '')
  )
    return undefined;
  const label = plainText(text.replace(/^#+\s*/, '').replaceAll('\t', ' '));
  return WHOLE.find(([, pattern]) => pattern.test(label))?.[0];
}

export type Piece = { kind: 'text'; text: string } | { kind: 'heading'; name: HeadingName };

const nameOf = (label: string) => WHOLE.find(([, pattern]) => pattern.test(label.trim()))![0];
const DUP_LEVELS: HeadingName[] = ['mandato', 'missione', 'programma'];

/**
 * Splits a line at emphasised headings glued inside it; a line without any is one text piece.
 * A section heading counts only at the end of the line (where the converter glues it); in the middle
 * of a sentence a bold "INDICATORI" is text. The DUP labels are followed by their code and title.
 */
export function splitGluedHeadings(text: string): Piece[] {
  const whole = wholeLineHeading(text);
  if (whole) return [{ kind: 'heading', name: whole }];
  if (text.includes('\t')) return [{ kind: 'text', text }];
  const end = text.trimEnd().length;
  const matches = [...text.matchAll(GLUED)].filter(
    (match) => DUP_LEVELS.includes(nameOf(match[1]!)) || match.index + match[0].length === end,
  );
  if (matches.length === 0) return [{ kind: 'text', text }];
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of matches) {
    const before = text.slice(last, match.index);
    if (plainText(before) !== '') pieces.push({ kind: 'text', text: before });
    pieces.push({ kind: 'heading', name: nameOf(match[1]!) });
    last = match.index + match[0].length;
  }
  const rest = text.slice(last);
  if (plainText(rest) !== '') pieces.push({ kind: 'text', text: rest });
  return pieces;
}
