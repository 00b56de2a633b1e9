import type { Dup } from '../../schemas/dup';
import type { Obiettivo } from '../../schemas/obiettivo';
import { slugify } from './slugs';
import { yearsLatestFirst } from './years';

/**
 * Indexes over the objectives, built once per build (pages call `buildIndexes` through
 * `getIndexes` and only look things up). Pure TypeScript: no Astro imports, unit-tested.
 */

/** What the indexes need of an objective: its data and its canonical path. */
export interface Item {
  data: Obiettivo;
  url: string;
}

export interface Group<T extends { data: Obiettivo }> {
  slug: string;
  /** Label as written in the content (the upper-case form when spellings differ only in case). */
  label: string;
  obiettivi: T[];
}

export interface PersonGroup<T extends Item> extends Group<T> {
  /** Objectives of which the person is not responsabile but owns at least one fase, with those fasi ids. */
  fasiAltrui: { obiettivo: T; fasi: string[] }[];
}

export interface DupNode<T extends Item> {
  livello: 'mandato' | 'missione' | 'programma';
  codice: string;
  titolo: string;
  /** Ancestors, from the mandato down (empty for a mandato). */
  antenati: { codice: string; titolo: string }[];
  figli: DupNode<T>[];
  /** Objectives linked to this node or to any node below it. */
  obiettivi: T[];
}

export interface Indexes<T extends Item> {
  /** Years present, newest first. */
  anni: number[];
  perAnno: Map<number, T[]>;
  centri: Group<T>[];
  centroPerSlug: Map<string, Group<T>>;
  persone: PersonGroup<T>[];
  personaPerSlug: Map<string, PersonGroup<T>>;
  /** The DUP tree of dup.yaml (mandati at the top). */
  dup: DupNode<T>[];
  /** Every DUP node by its code. */
  dupPerCodice: Map<string, DupNode<T>>;
}

const byLabel = <G extends { label: string }>(a: G, b: G) => a.label.localeCompare(b.label, 'it');

/** Prefers the upper-case spelling so a group's label does not depend on file order alone. */
function preferredLabel(current: string, candidate: string): string {
  const isUpper = (s: string) => s === s.toLocaleUpperCase('it-IT');
  if (isUpper(candidate) && !isUpper(current)) return candidate;
  return current;
}

/**
 * Groups objectives by the slug of a name (office, person): the one grouping of the site, so an office's
 * row in a year's chart and its page are the same group with the same label.
 */
export function groupBy<T extends { data: Obiettivo }>(
  items: readonly T[],
  keyOf: (item: T) => string,
): Map<string, Group<T>> {
  const groups = new Map<string, Group<T>>();
  for (const item of items) {
    const raw = keyOf(item).trim();
    const key = slugify(raw);
    const group = groups.get(key);
    if (group) {
      group.label = preferredLabel(group.label, raw);
      group.obiettivi.push(item);
    } else groups.set(key, { slug: key, label: raw, obiettivi: [item] });
  }
  return groups;
}

function buildPersone<T extends Item>(items: readonly T[]): Map<string, PersonGroup<T>> {
  const persone = new Map<string, PersonGroup<T>>();
  for (const [key, group] of groupBy(items, (item) => item.data.responsabile)) {
    persone.set(key, { ...group, fasiAltrui: [] });
  }
  for (const item of items) {
    const owner = slugify(item.data.responsabile);
    const fasiPerPersona = new Map<string, { label: string; ids: string[] }>();
    for (const fase of item.data.fasi) {
      if (!fase.responsabile) continue;
      const key = slugify(fase.responsabile);
      if (key === owner) {
        // The owner's own fasi still count for the spelling of the name.
        const person = persone.get(key)!;
        person.label = preferredLabel(person.label, fase.responsabile.trim());
        continue;
      }
      const entry = fasiPerPersona.get(key) ?? { label: fase.responsabile.trim(), ids: [] };
      entry.ids.push(fase.id);
      fasiPerPersona.set(key, entry);
    }
    for (const [key, { label, ids }] of fasiPerPersona) {
      let person = persone.get(key);
      if (!person) {
        person = { slug: key, label, obiettivi: [], fasiAltrui: [] };
        persone.set(key, person);
      } else person.label = preferredLabel(person.label, label);
      person.fasiAltrui.push({ obiettivo: item, fasi: ids });
    }
  }
  return persone;
}

function buildDup<T extends Item>(dup: Dup, items: readonly T[]) {
  const perCodice = new Map<string, DupNode<T>>();
  // One pass over the objectives for the whole tree, not one per DUP node; lists keep the items' order.
  const byLevel = {
    mandato: new Map<string, T[]>(),
    missione: new Map<string, T[]>(),
    programma: new Map<string, T[]>(),
  };
  for (const item of items)
    for (const key of ['mandato', 'missione', 'programma'] as const) {
      const list = byLevel[key].get(item.data.dup[key]);
      if (list) list.push(item);
      else byLevel[key].set(item.data.dup[key], [item]);
    }
  const linked = (codice: string, key: 'mandato' | 'missione' | 'programma') => [...(byLevel[key].get(codice) ?? [])];
  const tree = dup.mandati.map((mandato): DupNode<T> => {
    const node: DupNode<T> = {
      livello: 'mandato',
      codice: mandato.codice,
      titolo: mandato.titolo,
      antenati: [],
      obiettivi: linked(mandato.codice, 'mandato'),
      figli: mandato.missioni.map((missione): DupNode<T> => {
        const antenatiMissione = [{ codice: mandato.codice, titolo: mandato.titolo }];
        const missioneNode: DupNode<T> = {
          livello: 'missione',
          codice: missione.codice,
          titolo: missione.titolo,
          antenati: antenatiMissione,
          obiettivi: linked(missione.codice, 'missione'),
          figli: missione.programmi.map((programma) => ({
            livello: 'programma',
            codice: programma.codice,
            titolo: programma.titolo,
            antenati: [...antenatiMissione, { codice: missione.codice, titolo: missione.titolo }],
            obiettivi: linked(programma.codice, 'programma'),
            figli: [],
          })),
        };
        return missioneNode;
      }),
    };
    return node;
  });
  const visit = (node: DupNode<T>) => {
    perCodice.set(node.codice, node);
    node.figli.forEach(visit);
  };
  tree.forEach(visit);
  return { tree, perCodice };
}

/** The order of objectives on every list of the site: by codice. */
export const byCodice = (a: { codice: string }, b: { codice: string }) => a.codice.localeCompare(b.codice);

/** Builds every index in one pass over the objectives (call once per build). */
export function buildIndexes<T extends Item>(items: readonly T[], dup: Dup): Indexes<T> {
  const sorted = [...items].sort((a, b) => byCodice(a.data, b.data));
  const perAnno = new Map<number, T[]>();
  for (const item of sorted) {
    const list = perAnno.get(item.data.anno) ?? [];
    list.push(item);
    perAnno.set(item.data.anno, list);
  }
  const anni = yearsLatestFirst(perAnno.keys());
  const centroPerSlug = groupBy(sorted, (item) => item.data.centro_di_responsabilita);
  const personaPerSlug = buildPersone(sorted);
  const { tree, perCodice } = buildDup(dup, sorted);
  return {
    anni,
    perAnno,
    centri: [...centroPerSlug.values()].sort(byLabel),
    centroPerSlug,
    persone: [...personaPerSlug.values()].sort(byLabel),
    personaPerSlug,
    dup: tree,
    dupPerCodice: perCodice,
  };
}
