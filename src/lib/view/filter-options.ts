import type { Dup } from '../../schemas/dup';
import type { Obiettivo } from '../../schemas/obiettivo';
import type { CountMessages } from '../../client/filters';
import { t } from './i18n';
import { ESITI } from '../derived/metrics';
import { slugify } from '../derived/slugs';

export interface FilterField {
  name: string;
  label: string;
  options: { value: string; label: string }[];
}

/** Distinct values, keyed by slug (first spelling wins, upper case preferred), sorted by label. */
function distinct(values: Iterable<string>, valueOf: (v: string) => string = (v) => slugify(v)) {
  const byValue = new Map<string, string>();
  for (const raw of values) {
    const value = valueOf(raw);
    const known = byValue.get(value);
    if (known === undefined || (raw === raw.toLocaleUpperCase('it-IT') && known !== known.toLocaleUpperCase('it-IT'))) {
      byValue.set(value, raw);
    }
  }
  return [...byValue].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'it'));
}

/**
 * The filters of a year's table. Names are the URL query keys and the row data-* attributes
 * (ObiettiviTable): centro, responsabile, programma, esito, tipo.
 */
export function filterFields(obiettivi: readonly { data: Obiettivo }[], dup: Dup): FilterField[] {
  const titoli = new Map(
    dup.mandati.flatMap((m) => m.missioni.flatMap((mi) => mi.programmi.map((p) => [p.codice, p.titolo]))),
  );
  const programmi = distinct(
    obiettivi.map((o) => o.data.dup.programma),
    (codice) => codice,
  ).map(({ value }) => ({ value, label: titoli.has(value) ? `${value} – ${titoli.get(value)}` : value }));
  return [
    {
      name: 'centro',
      label: t('filters.centro'),
      options: distinct(obiettivi.map((o) => o.data.centro_di_responsabilita)),
    },
    {
      name: 'responsabile',
      label: t('filters.responsabile'),
      options: distinct(obiettivi.map((o) => o.data.responsabile)),
    },
    { name: 'programma', label: t('filters.programma'), options: programmi },
    {
      name: 'esito',
      label: t('filters.esito'),
      options: ESITI.map((e) => ({ value: slugify(e), label: t(`esito.${e}`) })),
    },
    {
      name: 'tipo',
      label: t('filters.tipo'),
      options: distinct(
        obiettivi.flatMap((o) => o.data.indicatori.map((i) => i.tipo)),
        (tipo) => slugify(tipo),
      ),
    },
  ];
}

/** Templates of the year table's count message (src/client/filters.ts fills the placeholders). */
export function countMessages(): CountMessages {
  return {
    allOne: t('filters.count.all.one'),
    allOther: t('filters.count.all.other', { count: '{count}' }),
    filteredOne: t('filters.count.filtered.one', { total: '{total}' }),
    filteredOther: t('filters.count.filtered.other', { count: '{count}', total: '{total}' }),
  };
}
