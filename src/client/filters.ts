/**
 * Progressive enhancement of the year table: filters and sorting in the browser, state in the URL
 * query (?centro=…&esito=…&ordina=avanzamento&verso=discendente) so a view can be shared and reloaded.
 * Rows carry space-separated slugs in data-* attributes named like the form fields.
 */

import { fill, readMessages, type Messages } from './messages';

const SORT_PARAM = 'ordina';
const DIRECTION_PARAM = 'verso';
type Direction = 'ascendente' | 'discendente';

function rowMatches(row: HTMLElement, filters: Map<string, string>): boolean {
  for (const [name, value] of filters) {
    const values = (row.dataset[name] ?? '').split(' ');
    if (!values.includes(value)) return false;
  }
  return true;
}

function sortKey(row: HTMLTableRowElement, column: string, index: number): string | number {
  if (column === 'avanzamento') return Number(row.dataset.avanzamento ?? -1);
  return row.cells[index]?.dataset.value ?? row.cells[index]?.textContent ?? '';
}

/** Templates of the count message, rendered by FilterForm from src/i18n/it.json. */
export interface CountMessages extends Messages {
  allOne: string;
  allOther: string;
  filteredOne: string;
  filteredOther: string;
}

/** "3 obiettivi" or "1 obiettivo su 4 corrisponde ai filtri" (announced by the aria-live region). */
export function countMessage(messages: CountMessages, filtered: boolean, shown: number, total: number): string {
  if (!filtered) return fill(total === 1 ? messages.allOne : messages.allOther, { count: total });
  return fill(shown === 1 ? messages.filteredOne : messages.filteredOther, { count: shown, total });
}

const collator = new Intl.Collator('it', { numeric: true, sensitivity: 'base' });

export function enhanceFilters(): void {
  const form = document.querySelector<HTMLFormElement>('[data-peg-filters]');
  const table = document.querySelector<HTMLTableElement>('[data-peg-table]');
  const count = form?.querySelector<HTMLElement>('[data-peg-count]');
  if (!form || !table || !count) return;
  const messages = readMessages(form) as CountMessages;
  const tbody = table.tBodies[0]!;
  const rows = [...tbody.rows];
  const selects = [...form.querySelectorAll('select')];
  const headers = [...table.tHead!.rows[0]!.cells].filter((th) => th.dataset.sort);

  const readUrl = () => new URLSearchParams(window.location.search);

  function apply(params: URLSearchParams): void {
    const filters = new Map<string, string>();
    for (const select of selects) {
      const value = params.get(select.name) ?? '';
      // An unknown value (e.g. an edited URL) falls back to "Tutti" rather than an empty table.
      select.value = [...select.options].some((o) => o.value === value) ? value : '';
      if (select.value) filters.set(select.name, select.value);
    }
    let shown = 0;
    for (const row of rows) {
      const match = rowMatches(row, filters);
      row.hidden = !match;
      if (match) shown += 1;
    }
    count!.textContent = countMessage(messages, filters.size > 0, shown, rows.length);
    sort(params.get(SORT_PARAM), params.get(DIRECTION_PARAM) === 'discendente' ? 'discendente' : 'ascendente');
  }

  function sort(column: string | null, direction: Direction): void {
    const header = headers.find((th) => th.dataset.sort === column);
    for (const th of headers) {
      if (th === header) th.setAttribute('aria-sort', direction === 'ascendente' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    const ordered = [...rows];
    if (header) {
      const index = header.cellIndex;
      const sign = direction === 'ascendente' ? 1 : -1;
      ordered.sort((a, b) => {
        const ka = sortKey(a, column!, index);
        const kb = sortKey(b, column!, index);
        const diff =
          typeof ka === 'number' && typeof kb === 'number' ? ka - kb : collator.compare(String(ka), String(kb));
        return sign * diff;
      });
    }
    tbody.append(...ordered);
  }

  function writeUrl(params: URLSearchParams): void {
    for (const [key, value] of [...params]) if (value === '') params.delete(key);
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
  }

  function fromForm(): URLSearchParams {
    const params = readUrl();
    for (const select of selects) params.set(select.name, select.value);
    return params;
  }

  for (const th of headers) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'peg-sort';
    button.textContent = th.textContent;
    button.addEventListener('click', () => {
      const params = readUrl();
      const same = params.get(SORT_PARAM) === th.dataset.sort;
      const next: Direction = same && params.get(DIRECTION_PARAM) !== 'discendente' ? 'discendente' : 'ascendente';
      params.set(SORT_PARAM, th.dataset.sort!);
      params.set(DIRECTION_PARAM, next);
      writeUrl(params);
      apply(params);
    });
    th.replaceChildren(button);
  }

  form.addEventListener('change', () => {
    const params = fromForm();
    writeUrl(params);
    apply(params);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = fromForm();
    writeUrl(params);
    apply(params);
  });
  form.querySelector('[data-peg-reset]')?.addEventListener('click', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    writeUrl(params);
    apply(params);
  });

  apply(readUrl());
}
