import type { Finding } from './problem';
import { htmlInBody } from './html';

/** Sections every objective narrates (docs/contract.md §1). Matched case-insensitively, any heading level ≥ 2. */
export const REQUIRED_SECTIONS = ['Modalità di attuazione', 'Stato di attuazione'] as const;

/** Warnings about the Markdown body: missing sections, raw HTML. `firstLine` is the body's first file line. */
export function bodyWarnings(body: string, firstLine: number): Finding[] {
  const headings = new Set<string>();
  for (const match of body.matchAll(/^#{2,6}[ \t]+(.+?)[ \t#]*\r?$/gm)) headings.add(match[1]!.toLowerCase());
  const findings: Finding[] = [];
  for (const section of REQUIRED_SECTIONS) {
    if (!headings.has(section.toLowerCase()))
      // Pointed at the closing `---`: the body may be empty, and the sections go right after it.
      findings.push({
        rule: 'sezione-mancante',
        line: firstLine - 1,
        col: 1,
        message: `manca la sezione «## ${section}»: aggiungila, anche breve`,
      });
  }
  findings.push(...htmlInBody(body, firstLine));
  return findings;
}
