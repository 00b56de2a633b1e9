import { isMap, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import { ProgrammaSchema, type Dup } from '../../schemas/dup';
import type { Diagnostics } from './diagnostics';
import { YAML_OPTIONS } from './serialize';
import type { DupRef, ObiettivoInput } from './model';

/**
 * The DUP hierarchy from the "Collegato a" lines, merged into content/dup.yaml: existing entries and
 * their titles are never dropped or changed; new codes are added under their parent. When the export
 * spells a title in several ways, the most frequent spelling wins and the others are reported.
 */

type Level = 'mandato' | 'missione' | 'programma';

function chooseTitles(obiettivi: ObiettivoInput[], diagnostics: Diagnostics): Map<string, string> {
  const spellings = new Map<string, DupRef[]>();
  for (const obiettivo of obiettivi) {
    for (const ref of Object.values(obiettivo.dup))
      spellings.set(ref.codice, [...(spellings.get(ref.codice) ?? []), ref]);
  }
  const titles = new Map<string, string>();
  for (const [codice, refs] of spellings) {
    const counts = new Map<string, number>();
    for (const ref of refs) counts.set(ref.titolo, (counts.get(ref.titolo) ?? 0) + 1);
    const [best] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    titles.set(codice, best);
    for (const ref of refs) {
      if (ref.titolo !== best)
        diagnostics.warn(
          ref.line,
          `${codice}: titolo «${ref.titolo}» diverso da «${best}» (scritto ${counts.get(best)} volte nell’export); per il DUP vale «${best}»`,
        );
    }
  }
  return titles;
}

export function mergeDup(
  existing: Dup,
  obiettivi: ObiettivoInput[],
  diagnostics: Diagnostics,
): { dup: Dup; added: string[] } {
  const dup: Dup = structuredClone(existing);
  const added: string[] = [];
  const titles = chooseTitles(obiettivi, diagnostics);
  const warned = new Set<string>();
  const warnTitle = (level: Level, ref: DupRef, kept: string) => {
    const title = titles.get(ref.codice)!;
    if (warned.has(ref.codice)) return;
    warned.add(ref.codice);
    if (title !== kept)
      diagnostics.warn(
        ref.line,
        `${ref.codice}: dup.yaml ha il titolo «${kept}», l’export «${title}»; resta quello di dup.yaml (${level})`,
      );
  };
  /** The entry with the code of `ref` in `list`, added (with the chosen title) when missing. */
  const entry = <T extends { codice: string; titolo: string }>(
    level: Level,
    list: T[],
    ref: DupRef,
    make: (titolo: string) => T,
  ): T => {
    const found = list.find((item) => item.codice === ref.codice);
    if (found) {
      warnTitle(level, ref, found.titolo);
      return found;
    }
    // A code or title dup.yaml's schema refuses would make the next validation (and import) fail.
    const checked = ProgrammaSchema.safeParse({ codice: ref.codice, titolo: titles.get(ref.codice) });
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      diagnostics.error(
        ref.line,
        `${level} DUP «${ref.codice}»: ${issue.path[0] === 'titolo' ? 'il titolo ' : ''}${issue.message}`,
      );
    }
    const created = make(titles.get(ref.codice)!);
    list.push(created);
    added.push(ref.codice);
    return created;
  };
  for (const obiettivo of obiettivi) {
    const { mandato, missione, programma } = obiettivo.dup as Required<ObiettivoInput['dup']>;
    const m = entry('mandato', dup.mandati, mandato, (titolo) => ({ codice: mandato.codice, titolo, missioni: [] }));
    const s = entry('missione', m.missioni, missione, (titolo) => ({ codice: missione.codice, titolo, programmi: [] }));
    entry('programma', s.programmi, programma, (titolo) => ({ codice: programma.codice, titolo }));
  }
  return { dup, added };
}

/**
 * The new dup.yaml text: the editor's file edited in place through the `yaml` Document API, so its
 * comments, order and formatting survive; codes the file lacks are appended under their parent.
 */
export function updateDupText(existing: string | undefined, merged: Dup, header: string): string {
  // readDup has checked the existing file against the schema: its root is a map with `mandati`.
  const document = parseDocument(existing ?? `${header}mandati: []\n`);
  const children = { mandati: 'missioni', missioni: 'programmi', programmi: undefined } as const;
  const sync = (parent: YAMLMap, key: keyof typeof children, items: readonly Record<string, unknown>[]) => {
    let list: unknown = parent.get(key, true);
    if (!isSeq(list)) {
      list = new YAMLSeq();
      parent.set(key, list);
    }
    const seq = list as YAMLSeq;
    for (const item of items) {
      const found = seq.items.find((node) => isMap(node) && node.get('codice') === item.codice);
      const child = children[key];
      if (!found) {
        // `missioni: []` (an empty flow list) becomes a block list once it has items.
        if (seq.items.length === 0) seq.flow = false;
        seq.items.push(document.createNode(item));
      } else if (child) sync(found as YAMLMap, child, item[child] as Record<string, unknown>[]);
    }
  };
  sync(document.contents as YAMLMap, 'mandati', merged.mandati);
  return document.toString(YAML_OPTIONS);
}
