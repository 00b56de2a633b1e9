/**
 * Inline markup of the PDF-to-text conversion: `**`/`***` and `<b>`/`<i>` emphasis, Markdown escapes
 * (`2024\_B07\_01`). Fields of the front matter are plain text; the body stays Markdown.
 */

/** Unescaped runs of asterisks and the HTML emphasis tags the converter writes. */
export const EMPHASIS = /(?<!\\)\*{1,3}|<\/?(?:b|i|strong|em)>/gi;

export function stripEmphasis(text: string): string {
  return text.replace(EMPHASIS, '');
}

export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
}

/** Plain text of a cell or header piece: no emphasis, no escapes, single spaces. */
export function plainText(text: string): string {
  return unescapeMarkdown(stripEmphasis(text)).replace(/\s+/g, ' ').trim();
}

/** Narrative text for the Markdown body: HTML emphasis becomes Markdown emphasis, escapes stay. */
export function markdownText(text: string): string {
  return text
    .replace(/<\/?(?:b|strong)>/gi, '**')
    .replace(/<\/?(?:i|em)>/gi, '*')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/**
 * Splits text at emphasis boundaries and blank lines: `**UFFICIO*****Titolo***` → [UFFICIO, Titolo].
 * Lines inside one piece (a centro di responsabilità broken over lines) are joined with a space.
 */
export function emphasisPieces(text: string): string[] {
  return text
    .split(/(?<!\\)\*{2,3}|<\/?(?:b|i|strong|em)>|\n[ \t]*\n/i)
    .map((piece) => plainText(piece.replace(/[ \t]*\n[ \t]*/g, ' ')))
    .filter((piece) => piece !== '');
}

/** A long title shortened for messages: the first words and an ellipsis. */
export function short(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length).trimEnd()}…` : text;
}
