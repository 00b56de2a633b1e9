import { markdownText } from './inline';
import type { Block } from './model';

/**
 * "Modalità di Attuazione" and "STATO DI ATTUAZIONE" text. Paragraphs and list items are kept; a
 * sentence cut by a page break (the text before it does not end a sentence, or the text after it
 * starts in lower case) is rejoined.
 */
const LIST_ITEM = /^(\s*)[-+*]\s+(.*)$/;
const SENTENCE_END = /[.!?;:…]["'”»)]*$/;

export class Narrative {
  readonly blocks: Block[] = [];
  private open = false;
  private pageBreak = false;

  line(text: string, number?: number): void {
    const item = LIST_ITEM.exec(text);
    const last = this.blocks.at(-1);
    if (item) {
      // `- 1) testo`: the number is text of the item, not a nested ordered list.
      const text = markdownText(item[2]!).replace(/^(\d+)([.)])(?=\s)/, '$1\\$2');
      this.blocks.push({ kind: 'li', indent: item[1]!.replace(/\t/g, '  '), text, line: number });
    } else if (last && (this.open || (this.pageBreak && continues(last.text, text)))) {
      last.text = `${last.text} ${markdownText(text)}`;
    } else {
      // A paragraph of the report that starts like a Markdown heading stays a paragraph.
      this.blocks.push({
        kind: 'p',
        indent: '',
        text: markdownText(text).replace(/^(#{1,6})(?=\s)/, '\\$1'),
        line: number,
      });
    }
    this.open = true;
    this.pageBreak = false;
  }

  /** A blank line ends the paragraph. */
  blank(): void {
    this.open = false;
  }

  /** A page header interrupted the text: the next line may continue the last sentence. */
  pageBroken(): void {
    this.open = false;
    this.pageBreak = this.blocks.length > 0;
  }
}

function continues(before: string, after: string): boolean {
  return !SENTENCE_END.test(before.trim()) || /^[a-zà-ÿ]/.test(after.trim());
}

/** Markdown of one section: blank lines between paragraphs, consecutive list items as one list. */
export function renderBlocks(blocks: Block[]): string {
  let out = '';
  blocks.forEach((block, index) => {
    const previous = blocks[index - 1];
    if (previous) out += block.kind === 'li' && previous.kind === 'li' ? '\n' : '\n\n';
    out += block.kind === 'li' ? `${block.indent}- ${block.text}` : block.text;
  });
  return out;
}

/**
 * The converter drops the bullets of some lists: a paragraph ending with ":" followed by two or more
 * one-line paragraphs that end no sentence, up to the end of the section, was a list. Returns how
 * many paragraphs became list items (0 when the pattern does not hold), so the summary can say so.
 */
export function restoreLostList(blocks: Block[]): number {
  const intro = blocks.findIndex((block) => block.kind === 'p' && block.text.endsWith(':'));
  if (intro < 0) return 0;
  const items = blocks.slice(intro + 1);
  const lost = items.length >= 2 && items.every((block) => block.kind === 'p' && !SENTENCE_END.test(block.text));
  if (!lost) return 0;
  for (const block of items) block.kind = 'li';
  return items.length;
}
