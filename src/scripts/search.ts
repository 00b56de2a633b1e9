/**
 * Search page: Pagefind's JS API with our own accessible markup (labelled form, live status, result list).
 * State in the URL (?q=…&anno=…&centro=…) so a search can be shared; the no-JS note is hidden on start.
 */

import { fill, readMessages } from './messages';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    term: string | null,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const FILTERS = ['anno', 'centro'] as const;
const MAX_RESULTS = 50;

/** Loads the index script written by src/lib/build/postbuild.ts; the path is only known in the built site. */
async function loadPagefind(): Promise<Pagefind> {
  const path = '/pagefind/pagefind.js';
  return (await import(/* @vite-ignore */ path)) as Pagefind;
}

function fillSelect(select: HTMLSelectElement, values: Record<string, number> | undefined): void {
  for (const value of Object.keys(values ?? {}).sort((a, b) => b.localeCompare(a, 'it', { numeric: true }))) {
    select.append(new Option(value, value));
  }
}

function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const excerpt = document.createElement('p');
  // Pagefind's excerpt is its own escaped text with <mark> around the matches.
  excerpt.innerHTML = data.excerpt;
  item.append(link, excerpt);
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
      await pagefind.options({ excerptLength: 24 });
      const available = await pagefind.filters();
      for (const name of FILTERS) fillSelect(selectOf(name), available[name]);
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
    list!.replaceChildren(...data.map(renderResult));
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
