/**
 * The floor of the benchmark: the same objective pages from the same files, written with template
 * strings by plain Node (no framework, no bundler, no schema pass). `node scripts/bench/floor.ts <content> <out>`.
 * Runs with Node's own TypeScript type stripping, so imports name their .ts files.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { load } from 'js-yaml';
import { avanzamentoPonderato, valutazioneIndicatore } from '../../src/lib/derived/metrics.ts';

type Row = Record<string, unknown>;
const [contentDir, outDir] = process.argv.slice(2);
if (!contentDir || !outDir) throw new Error('floor: usage: node scripts/bench/floor.ts <content> <out>');

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const e = (value: unknown) =>
  value === null || value === undefined ? '' : String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Headings, lists and paragraphs: what the objective narratives use. */
function markdown(body: string): string {
  return body
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const heading = /^(#{2,6}) (.*)$/.exec(block);
      if (heading) return `<h${heading[1]!.length}>${e(heading[2])}</h${heading[1]!.length}>`;
      if (block.startsWith('- '))
        return `<ul>${block
          .split('\n')
          .map((item) => `<li>${e(item.replace(/^- /, ''))}</li>`)
          .join('')}</ul>`;
      return `<p>${e(block)}</p>`;
    })
    .join('\n');
}

const ente = load(readFileSync(join(contentDir, 'ente.yaml'), 'utf8')) as Row & { nome: string; soglie_esito: never };
const dup = load(readFileSync(join(contentDir, 'dup.yaml'), 'utf8')) as {
  mandati: (Row & { missioni: (Row & { programmi: Row[] })[] })[];
};
const titles = new Map<unknown, unknown>();
for (const m of dup.mandati) {
  titles.set(m.codice, m.titolo);
  for (const mi of m.missioni) {
    titles.set(mi.codice, mi.titolo);
    for (const p of mi.programmi) titles.set(p.codice, p.titolo);
  }
}

const yaml = { engines: { yaml: (source: string) => load(source) as object } };
let pages = 0;
for (const year of readdirSync(join(contentDir, 'obiettivi')).sort()) {
  for (const name of readdirSync(join(contentDir, 'obiettivi', year)).sort()) {
    const parsed = matter(readFileSync(join(contentDir, 'obiettivi', year, name), 'utf8'), yaml);
    const o = parsed.data as Row & { fasi: Row[]; indicatori: Row[]; soggetti_coinvolti?: Row[]; dup: Row };
    const avanzamento = avanzamentoPonderato(o.fasi as never);
    const slug = name.replace(/\.md$/, '');
    const html = `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(o.codice)} ${e(o.titolo)} – ${e(ente.nome)}</title></head><body><a href="#contenuto">Vai al contenuto</a>
<nav aria-label="Percorso di navigazione"><ol><li><a href="/">Home</a></li><li><a href="/obiettivi/${year}/">${year}</a></li><li aria-current="page">${e(o.codice)}</li></ol></nav>
<main id="contenuto"><h1>${e(o.titolo)}</h1>
<dl><dt>Codice</dt><dd>${e(o.codice)}</dd><dt>Assessorato</dt><dd>${e(o.assessorato)}</dd><dt>Centro di responsabilità</dt><dd>${e(o.centro_di_responsabilita)}</dd>
<dt>Responsabile</dt><dd>${e(o.responsabile)}</dd><dt>Stato</dt><dd>${e(o.stato)}</dd>
<dt>DUP</dt><dd>${['mandato', 'missione', 'programma'].map((k) => `${e(o.dup[k])} ${e(titles.get(o.dup[k]))}`).join(' › ')}</dd>
<dt>Avanzamento ponderato</dt><dd>${avanzamento === null ? 'non rilevato' : `${avanzamento.toFixed(0)}%`}</dd></dl>
<h2>Fasi</h2><table><thead><tr><th>Fase</th><th>Inizio previsto</th><th>Fine prevista</th><th>Inizio effettivo</th><th>Fine effettiva</th><th>Peso</th><th>Avanzamento</th><th>Responsabile</th></tr></thead><tbody>
${o.fasi.map((f) => `<tr id="${e(f.id)}"><th>${e(f.titolo)}</th><td>${e(f.inizio_previsto)}</td><td>${e(f.fine_prevista)}</td><td>${e(f.inizio_effettivo)}</td><td>${e(f.fine_effettiva)}</td><td>${e(f.peso)}</td><td>${e(f.avanzamento)}</td><td>${e(f.responsabile)} ${e(f.centro_di_responsabilita)} ${e(f.note)}</td></tr>`).join('\n')}
</tbody></table>
<h2>Indicatori</h2><table><thead><tr><th>Indicatore</th><th>Tipo</th><th>Atteso</th><th>Raggiunto</th><th>Grado</th><th>Esito</th></tr></thead><tbody>
${o.indicatori
  .map((i) => {
    // As the pages publish it: no grado for values da verificare.
    const { grado, esito } = valutazioneIndicatore(i as never, ente.soglie_esito);
    return `<tr id="${e(i.id)}"><th>${e(i.descrizione)}</th><td>${e(i.tipo)}</td><td>${e(i.valore_atteso)}</td><td>${e(i.valore_raggiunto)}</td><td>${e(grado)}</td><td>${e(esito)}</td></tr>`;
  })
  .join('\n')}
</tbody></table>
${(o.soggetti_coinvolti ?? []).length ? `<h2>Soggetti coinvolti</h2><ul>${o.soggetti_coinvolti!.map((s) => `<li>${e(s.nominativo)} – ${e(s.relazione)}</li>`).join('')}</ul>` : ''}
${markdown(parsed.content)}
</main></body></html>
`;
    const dir = join(outDir, 'obiettivi', year, slug);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), html);
    pages++;
  }
}
process.stdout.write(`${pages}\n`);
