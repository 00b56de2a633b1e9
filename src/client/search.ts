/**
 * Search page: Pagefind's JS API with our own accessible markup (labelled form, live status, result list).
 * State in the URL (?q=…&anno=…&centro=…&responsabile=…) so a search can be shared; the no-JS note is hidden
 * on start. A result names the objective by code and title with its centro, and links to the fase or
 * indicator where the words were found (#F03, #I02) with that item's snippet.
 */

import { fill, readMessages } from './messages';

interface PagefindSubResult {
  url: string;
  excerpt: string;
  locations: number[];
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; centro?: string };
  sub_results?: PagefindSubResult[];
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    term: string | null,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const FILTERS = ['anno', 'centro', 'responsabile'] as const;
/** Years newest first; names A→Z. */
const DESCENDING: readonly string[] = ['anno'];
const MAX_RESULTS = 50;

/** Snippets of 24 words: a result is its title, its centro and a line or two of context. */
const PAGEFIND_OPTIONS = { excerptLength: 24 };

/**
 * Loads the index written by src/lib/build/search-index.ts (the path is only known in the built site) and
 * merges the bundles listed in /pagefind/bundles.json: the build indexes the site in bundles of a bounded
 * size. Merged bundles get their options here (Pagefind's options() only reaches the first).
 */
async function loadPagefind(): Promise<Pagefind> {
  const path = '/pagefind/pagefind.js';
  const [pagefind, more] = await Promise.all([
    import(/* @vite-ignore */ path) as Promise<Pagefind>,
    fetch('/pagefind/bundles.json').then((response) => response.json() as Promise<string[]>),
  ]);
  await pagefind.options(PAGEFIND_OPTIONS);
  await Promise.all(more.map((bundle) => pagefind.mergeIndex(bundle, PAGEFIND_OPTIONS)));
  return pagefind;
}

const collator = new Intl.Collator('it', { numeric: true, sensitivity: 'base' });

function fillSelect(select: HTMLSelectElement, name: string, values: Record<string, number> | undefined): void {
  const sign = DESCENDING.includes(name) ? -1 : 1;
  for (const value of Object.keys(values ?? {}).sort((a, b) => sign * collator.compare(a, b))) {
    select.append(new Option(value, value));
  }
}

/** Fase and indicator headings carry the id `F03-titolo` / `I02-titolo`; the item's own anchor is `#F03`. */
const ITEM_HEADING = /#([FI]\d+)-titolo$/;

/** The fase or indicator with most matches, if any match falls in one (Pagefind sub-results by heading). */
function bestItem(data: PagefindResultData): { id: string; sub: PagefindSubResult } | null {
  let best: { id: string; sub: PagefindSubResult } | null = null;
  for (const sub of data.sub_results ?? []) {
    const id = ITEM_HEADING.exec(sub.url)?.[1];
    if (id && (!best || sub.locations.length > best.sub.locations.length)) best = { id, sub };
  }
  return best;
}

function renderResult(data: PagefindResultData, messages: Record<string, string>): HTMLLIElement {
  const item = document.createElement('li');
  const found = bestItem(data);
  const heading = document.createElement('h2');
  heading.className = 'peg-result-title';
  const link = document.createElement('a');
  link.href = found ? `${data.url}#${found.id}` : data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  item.append(heading);
  if (data.meta.centro) {
    const centro = document.createElement('p');
    centro.className = 'peg-result-centro';
    centro.textContent = data.meta.centro;
    item.append(centro);
  }
  const excerpt = document.createElement('p');
  if (found) {
    const where = document.createElement('strong');
    where.textContent = `${fill(messages[found.id.startsWith('F') ? 'inFase' : 'inIndicatore']!, { id: found.id })} `;
    excerpt.append(where);
  }
  // Pagefind's excerpt is its own escaped text with <mark> around the matches.
  excerpt.insertAdjacentHTML('beforeend', found ? found.sub.excerpt : data.excerpt);
  item.append(excerpt);
  return item;
}

export async function enhanceSearch(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('[data-peg-search]');
  const status = document.querySelector<HTMLElement>('[data-peg-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-peg-search-results]');
  if (!form || !status || !list) return;
  const messages = readMessages(form);
  // Both sit in one grid cell sized for the taller (.peg-search-slot): swapping them shifts nothing.
  document.querySelector<HTMLElement>('[data-peg-nojs]')?.setAttribute('data-peg-concealed', '');
  form.removeAttribute('data-peg-concealed');
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;

  const selectOf = (name: string) => form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;

  // The index script loads on first use (focus or typing in the form, or a query in the address), not
  // with the page: most visits to /cerca/ do not need it yet. Searches wait for it; it loads once.
  let ready: Promise<Pagefind> | undefined;
  const load = (): Promise<Pagefind> => {
    if (ready) return ready;
    ready = loadPagefind().then(async (pagefind) => {
      const available = await pagefind.filters();
      for (const name of FILTERS) fillSelect(selectOf(name), name, available[name]);
      return pagefind;
    });
    ready.catch(() => {
      status.textContent = messages.unavailable!;
    });
    return ready;
  };
  form.addEventListener('focusin', () => void load().catch(() => {}), { once: true });
  form.addEventListener('input', () => void load().catch(() => {}), { once: true });

  async function run(params: URLSearchParams): Promise<void> {
    const term = (params.get('q') ?? '').trim();
    if (term === '') {
      list!.replaceChildren();
      status!.textContent = messages.empty!;
      return;
    }
    status!.textContent = messages.loading!;
    const pagefind = await load();
    input.value = term;
    const filters: Record<string, string> = {};
    for (const name of FILTERS) {
      const select = selectOf(name);
      const value = params.get(name) ?? '';
      select.value = [...select.options].some((o) => o.value === value) ? value : '';
      if (select.value) filters[name] = select.value;
    }
    const search = await pagefind.search(term, { filters });
    const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    list!.replaceChildren(...data.map((d) => renderResult(d, messages)));
    const n = search.results.length;
    const template =
      n === 0 ? messages.none : n > MAX_RESULTS ? messages.more : n === 1 ? messages.resultsOne : messages.resultsOther;
    status!.textContent = fill(template!, { term, count: n, max: MAX_RESULTS });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    for (const [key, value] of [...params]) if (value === '') params.delete(key);
    history.replaceState(null, '', `?${params}`);
    void run(params);
  });
  const initial = new URLSearchParams(window.location.search);
  if (initial.has('q')) await run(initial);
}
