import type { Dup } from '../../schemas/dup';
import type { Obiettivo } from '../../schemas/obiettivo';

/**
 * Indexes over the objectives, built once per build (pages call `buildIndexes` through
 * `getIndexes` and only look things up). Pure TypeScript: no Astro imports, unit-tested.
 */

/** What the indexes need of an objective: its data and its canonical path. */
export interface Item {
  data: Obiettivo;
  url: string;
}

/**
 * Longest slug, in characters (= bytes: slugs are ASCII). A slug is a folder name in the built site and
 * file systems allow 255 bytes; 150 keeps room below that and above the real offices' names (124).
 */
export const MAX_SLUG_LENGTH = 150;

/** FNV-1a, 32 bits, as 8 hex digits: a stable short hash that needs no Node or browser API. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Cuts a slug longer than MAX_SLUG_LENGTH and appends the hash of the whole slug, so two long names
 * that share their beginning still get two addresses, and the same name always gets the same one.
 */
export function limitSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const hash = shortHash(slug);
  return `${slug.slice(0, MAX_SLUG_LENGTH - hash.length - 1).replace(/[-_.]+$/, '')}-${hash}`;
}

/**
 * One URL-safe slug function for offices and people: lower case, no accents, words joined by `-`,
 * at most MAX_SLUG_LENGTH characters. It is also the grouping key, so "caruso  gianluca" and
 * "CARUSO GIANLUCA" are one person, and two spellings that would share a URL always share a page.
 * The validator refuses names whose slug is empty, a placeholder or reserved (validate/url-values.ts).
 */
export function slugify(text: string): string {
  return limitSlug(fullSlug(text));
}

/** slugify before the length limit (the validator warns when the limit applies). */
export function fullSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Folder name of a DUP page: the code itself (already URL-safe, case kept), limited in length. */
export function dupSlug(codice: string): string {
  return limitSlug(codice);
}

export interface Group<T extends Item> {
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

function groupBy<T extends Item>(items: readonly T[], keyOf: (item: T) => string): Map<string, Group<T>> {
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
  const linked = (codice: string, key: 'mandato' | 'missione' | 'programma') =>
    items.filter((item) => item.data.dup[key] === codice);
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

/** Builds every index in one pass over the objectives (call once per build). */
export function buildIndexes<T extends Item>(items: readonly T[], dup: Dup): Indexes<T> {
  const sorted = [...items].sort((a, b) => a.data.codice.localeCompare(b.data.codice));
  const perAnno = new Map<number, T[]>();
  for (const item of sorted) {
    const list = perAnno.get(item.data.anno) ?? [];
    list.push(item);
    perAnno.set(item.data.anno, list);
  }
  const anni = [...perAnno.keys()].sort((a, b) => b - a);
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

/** Path of the office page of a centro di responsabilità as written in an objective. */
export function centroUrl(nome: string): string {
  return `/centri-di-responsabilita/${slugify(nome)}/`;
}

/** Path of the page of a person (responsabile of objectives or fasi). */
export function personaUrl(nome: string): string {
  return `/responsabili/${slugify(nome)}/`;
}

/** Path of the page of a DUP node (mandato, missione or programma). */
export function dupUrl(codice: string): string {
  return `/dup/${dupSlug(codice)}/`;
}
