/**
 * What the search index leaves out, for every page: UI labels and chrome, so that result snippets quote the
 * content ("Numero di pacchi consegnati") and never glued labels ("TipoEFFICACIA", "Codice2020_S08_00").
 * Components mark their own labels with data-pagefind-ignore; these selectors cover the kinds of element
 * that are labels wherever they appear, including components added later.
 */
export const PAGEFIND_EXCLUDE_SELECTORS = [
  // Term of a definition list (Tipo, Direzione, Codice …): the value in <dd> stays searchable.
  'dt',
  // Column headers and table captions of data tables.
  'thead',
  'caption',
  // The id badge before a fase or indicator title: results already say "Indicatore I02:".
  '.item-id',
  // "Copia link all’indicatore I01" after every item.
  '.copy-link',
  // Drawn charts (their summary sentence and data table carry the content).
  '.chart-box',
  'svg',
];
