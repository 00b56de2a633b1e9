/**
 * The Markdown body of an objective as its parts: text before the first section (usually none),
 * «Modalità di attuazione», «Stato di attuazione». The workbook's `testi` sheet and the form editor
 * both edit the sections separately and write the body back in the form the importer writes.
 * No Node APIs: the editor's browser bundle uses it.
 */

export const SECTION_HEADINGS = {
  modalita_di_attuazione: 'Modalità di attuazione',
  stato_di_attuazione: 'Stato di attuazione',
} as const;

export interface BodySections {
  introduzione: string;
  modalita_di_attuazione: string;
  stato_di_attuazione: string;
}

/** The body split at its two sections (headings matched case-insensitively, level 2). */
export function bodySections(body: string): BodySections {
  const sections = { introduzione: '', modalita_di_attuazione: '', stato_di_attuazione: '' };
  const headings = Object.entries(SECTION_HEADINGS).map(([key, title]) => ({ key, title: title.toLowerCase() }));
  let current: keyof typeof sections = 'introduzione';
  const lines: Record<keyof typeof sections, string[]> = {
    introduzione: [],
    modalita_di_attuazione: [],
    stato_di_attuazione: [],
  };
  for (const line of body.split('\n')) {
    const match = /^##[ \t]+(.+?)[ \t]*$/.exec(line);
    const heading = match && headings.find((h) => h.title === match[1]!.toLowerCase());
    if (heading) current = heading.key as keyof typeof sections;
    else lines[current].push(line);
  }
  for (const key of Object.keys(sections) as (keyof typeof sections)[]) sections[key] = lines[key].join('\n').trim();
  return sections;
}

/** The body written back from the sections: the form the importer writes (src/lib/import/build.ts). */
export function bodyFromSections(sections: {
  introduzione: string;
  modalita_di_attuazione: string;
  stato_di_attuazione: string;
}): string {
  const section = (title: string, text: string) => `## ${title}\n\n${text === '' ? '' : `${text}\n`}`;
  return [
    ...(sections.introduzione === '' ? [] : [`${sections.introduzione}\n`]),
    section(SECTION_HEADINGS.modalita_di_attuazione, sections.modalita_di_attuazione),
    section(SECTION_HEADINGS.stato_di_attuazione, sections.stato_di_attuazione),
  ].join('\n');
}

