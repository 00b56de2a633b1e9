import { SAXParser } from 'parse5-sax-parser';

/**
 * One part of a Relazione printed in several, as HTML: the built page with the other parts' elements cut
 * out. The page (src/pages/performance/relazione/[anno]/) marks each element that belongs to one part with
 * `data-parte`; the note that opens a part is `hidden` until its part is printed.
 *
 * Chromium is given the part's HTML, never the whole page: loading the page of a 1,000-objective year
 * (15 MB of HTML) took its renderer 2 GB before printing anything. The elements are found with parse5's
 * streaming tokenizer, so text of the content (a title with "</article>" in it, a script) cannot be taken
 * for markup, and the whole document is never held as a tree.
 */

/** Where an element of one part sits in the page's HTML (UTF-16 offsets, end excluded). */
export interface PartElement {
  parte: number;
  start: number;
  end: number;
  /** The element's `hidden` attribute, removed when its part is printed. */
  hidden?: { start: number; end: number };
}

/** The elements of `html` that name a part, in document order (one inside another goes with it, unlisted). */
export async function partElements(html: string): Promise<PartElement[]> {
  const found: PartElement[] = [];
  // The element being read: its tag and how many of the same tag are open inside it.
  let open: { element: PartElement; tagName: string; depth: number } | undefined;
  let problem: string | undefined;
  const parser = new SAXParser({ sourceCodeLocationInfo: true });
  parser.on('startTag', ({ tagName, attrs, selfClosing, sourceCodeLocation }) => {
    const location = sourceCodeLocation!;
    if (open) {
      if (tagName === open.tagName && !selfClosing) open.depth++;
      return;
    }
    const value = attrs.find((attr) => attr.name === 'data-parte')?.value;
    if (value === undefined) return;
    const parte = Number(value);
    if (!Number.isInteger(parte) || parte < 1) {
      problem ??= `data-parte="${value}" non è un numero di parte`;
      return;
    }
    // Start tags carry the location of each attribute too (parse5's LocationWithAttributes).
    const { attrs: attrLocations } = location as { attrs?: Record<string, { startOffset: number; endOffset: number }> };
    const hidden = attrLocations?.hidden;
    const element: PartElement = {
      parte,
      start: location.startOffset,
      end: location.endOffset,
      ...(hidden && { hidden: { start: hidden.startOffset, end: hidden.endOffset } }),
    };
    found.push(element);
    if (!selfClosing) open = { element, tagName, depth: 1 };
  });
  parser.on('endTag', ({ tagName, sourceCodeLocation }) => {
    if (!open || tagName !== open.tagName || --open.depth > 0) return;
    open.element.end = sourceCodeLocation!.endOffset;
    open = undefined;
  });
  await new Promise<void>((resolve, reject) => {
    parser.once('finish', resolve);
    parser.once('error', reject);
    parser.resume(); // the parser passes the HTML through: nobody reads it
    parser.end(html);
  });
  if (problem) throw new Error(problem);
  // Every element the page marks is closed explicitly: a missing end tag would make the cut wrong.
  if (open) throw new Error(`<${open.tagName} data-parte="${open.element.parte}"> non ha il tag di chiusura`);
  return found;
}

/** `html` with the elements of every part but `parte` removed, and the `hidden` attribute of that part's removed. */
export function partHtml(html: string, elements: readonly PartElement[], parte: number): string {
  const cuts: { start: number; end: number }[] = [];
  for (const element of elements) {
    if (element.parte !== parte) cuts.push(element);
    else if (element.hidden) cuts.push(element.hidden);
  }
  let result = '';
  let at = 0;
  for (const cut of cuts) {
    // An element nested inside one already cut is gone with it.
    if (cut.start < at) continue;
    result += html.slice(at, cut.start);
    at = cut.end;
  }
  return result + html.slice(at);
}
