import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import StoricoModifiche from '../../src/components/StoricoModifiche.astro';
import { historyIndex, type FileHistory } from '../../src/lib/derived/git/history';
import { tempRepo } from './support/repo';

const FILE = 'obiettivi/2020/a01-00.md';

/** Visible text of the rendered HTML, one line per block, so assertions read like the page. */
function text(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<\/(li|p|h2|h3)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replaceAll('&#39;', "'")
    .replace(/[ \t]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

async function render(props: {
  history: FileHistory;
  status: 'completo' | 'parziale' | 'non-disponibile';
  ids?: string[];
}) {
  const container = await AstroContainer.create();
  const html = await container.renderToString(StoricoModifiche, { props });
  return html.replace(/ data-astro-cid-\w+/g, '');
}

describe('StoricoModifiche', () => {
  it('shows per date what changed in the data, without commit ids, authors or commit messages', async () => {
    const repo = tempRepo();
    repo.commit('Importa il PEG 2020', '2020-03-02T09:00:00Z', 'Gianluca Caruso');
    repo.edit(FILE, 'valore_atteso: 50', 'valore_atteso: 62.5');
    const sha = repo.commit('Variazione di PEG: delibera di Giunta 123', '2020-07-15T11:30:00Z');
    const index = historyIndex(repo.content);

    const history = index.get(join(repo.content, FILE));
    const html = await render({ history, status: index.status, ids: ['F01', 'I02'] });
    // A change to an item no longer on the page is named without a link.
    expect(await render({ history, status: index.status, ids: ['F01'] })).not.toContain('href="#I02"');

    expect(html).toContain('<time datetime="2020-07-15">15 luglio 2020</time>');
    expect(html).toContain('<a href="#I02">Indicatore I02, valore atteso: 50 → 62,5</a>');
    expect(html).not.toContain(sha.slice(0, 7));
    expect(html).not.toMatch(/Maria Rossi|Gianluca Caruso|delibera|Importa/);
    expect(text(html)).toMatchInlineSnapshot(`
      "Storico modifiche
      Le modifiche ai dati di questo obiettivo, dalla più recente, ricavate confrontando le versioni pubblicate del file.
      15 luglio 2020
      Indicatore I02, valore atteso: 50 → 62,5
      2 marzo 2020
      Obiettivo pubblicato"
    `);
  });

  it('says clearly when the history is partial, empty or not available', async () => {
    const history = { giorni: [] };
    expect(text(await render({ history, status: 'completo' }))).toMatchInlineSnapshot(`
      "Storico modifiche
      Nessuna modifica ai dati registrata."
    `);
    expect(text(await render({ history, status: 'parziale' }))).toMatchInlineSnapshot(`
      "Storico modifiche
      Storico parziale: il repository è stato clonato senza tutta la cronologia, quindi le modifiche meno recenti non sono elencate.
      Nessuna modifica ai dati nella parte di cronologia disponibile."
    `);
    expect(text(await render({ history, status: 'non-disponibile' }))).toMatchInlineSnapshot(`
      "Storico modifiche
      Storico non disponibile: il sito è stato generato senza la cronologia dei contenuti (repository git)."
    `);
  });
});
