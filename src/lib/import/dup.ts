import type { Dup } from '../../schemas/dup';
import type { Diagnostics } from './diagnostics';
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
  const seen = new Set<string>();
  for (const obiettivo of obiettivi) {
    const { mandato, missione, programma } = obiettivo.dup as Required<ObiettivoInput['dup']>;
    const key = `${mandato.codice}/${missione.codice}/${programma.codice}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let m = dup.mandati.find((item) => item.codice === mandato.codice);
    if (!m) {
      m = { codice: mandato.codice, titolo: titles.get(mandato.codice)!, missioni: [] };
      dup.mandati.push(m);
      added.push(mandato.codice);
    } else warnTitle('mandato', mandato, m.titolo);
    let s = m.missioni.find((item) => item.codice === missione.codice);
    if (!s) {
      s = { codice: missione.codice, titolo: titles.get(missione.codice)!, programmi: [] };
      m.missioni.push(s);
      added.push(missione.codice);
    } else warnTitle('missione', missione, s.titolo);
    const p = s.programmi.find((item) => item.codice === programma.codice);
    if (!p) {
      s.programmi.push({ codice: programma.codice, titolo: titles.get(programma.codice)! });
      added.push(programma.codice);
    } else warnTitle('programma', programma, p.titolo);
  }
  return { dup, added };
}
