import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import StoricoModifiche from '../../src/components/StoricoModifiche.astro';
import { historyIndex, type FileHistory } from '../../src/lib/git/history';
import { tempRepo } from './support/repo';

const FILE = 'obiettivi/2020/a01-00.md';
const REPOSITORY = 'https://github.com/comune-esempio/peg';

/** Visible text of the rendered HTML, one line per row, so assertions read like the page. */
function text(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<\/(tr|p|h2|h3|caption)>/g, '\n')
    .replace(/<\/t[dh]>/g, ' | ')
    .replace(/<[^>]+>/g, '')
    .replaceAll('&#39;', "'")
    .replace(/[ \t]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

async function render(props: { history: FileHistory; status: 'completo' | 'parziale' | 'non-disponibile' }) {
  const container = await AstroContainer.create();
  const html = await container.renderToString(StoricoModifiche, { props: { ...props, repositoryUrl: REPOSITORY } });
  return html.replace(/ data-astro-cid-\w+/g, '');
}

describe('StoricoModifiche', { timeout: 20_000 }, () => {
  it('shows a valore_atteso change from a git repository with old value, new value and date', async () => {
    const repo = tempRepo();
    repo.commit('Importa il PEG 2020', '2020-03-02T09:00:00Z', 'Gianluca Caruso');
    repo.edit(FILE, 'valore_atteso: 50', 'valore_atteso: 62.5');
    const sha = repo.commit('Variazione di PEG: delibera di Giunta 123', '2020-07-15T11:30:00Z');
    const index = historyIndex(repo.content);

    const html = await render({ history: index.get(join(repo.content, FILE)), status: index.status });

    expect(html).toContain(`<a href="${REPOSITORY}/commit/${sha}">${sha.slice(0, 7)}</a>`);
    expect(html).toContain('<time datetime="2020-07-15">15 luglio 2020</time>');
    expect(text(html).replace(/\b[0-9a-f]{7}\b/g, '<sha>')).toMatchInlineSnapshot(`
      "Storico modifiche
      Variazioni dei valori attesi
      Variazioni di PEG dei valori attesi degli indicatori, dalla più recente
      Data | Indicatore | Valore atteso precedente | Nuovo valore atteso |
      15 luglio 2020 | I02 Realizzazione dello smartworking per almeno il 50% dei dipendenti dell'ente | 50 | 62,5 |
      Modifiche al file
      Modifiche registrate nella cronologia dei contenuti, dalla più recente
      Data | Autore | Descrizione della modifica | Commit |
      15 luglio 2020 | Maria Rossi | Variazione di PEG: delibera di Giunta 123 | <sha> |
      2 marzo 2020 | Gianluca Caruso | Importa il PEG 2020 | <sha> |"
    `);
  });

  it('says clearly when the history is partial or not available', async () => {
    const history = { commits: [], variazioni: [] };
    expect(text(await render({ history, status: 'parziale' }))).toMatchInlineSnapshot(`
      "Storico modifiche
      Storico parziale: il repository è stato clonato senza tutta la cronologia, quindi le modifiche meno recenti non sono elencate.
      Variazioni dei valori attesi
      Nessuna variazione dei valori attesi registrata.
      Modifiche al file
      Nessuna modifica nella parte di cronologia disponibile."
    `);
    expect(text(await render({ history, status: 'non-disponibile' }))).toMatchInlineSnapshot(`
      "Storico modifiche
      Storico non disponibile: il sito è stato generato senza la cronologia dei contenuti (repository git)."
    `);
  });
});
