import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import { objectivePages } from '../../src/lib/content/pages';
import { csvTable, csvTableStream, TABELLE } from '../../src/lib/outputs/opendata/csv';
import { datasetFiles } from '../../src/lib/outputs/opendata/datasets';
import { openDataFiles, openDataSource } from '../../src/lib/outputs/opendata/files';
import { writeOpenData } from '../../src/lib/outputs/opendata/integration';
import { jsonDocumentChunks, openDataDocument, toJson } from '../../src/lib/outputs/opendata/records';
import { objectiveDataUrl, objectiveTableUrl } from '../../src/lib/routes';
import { tempCacheDir, tempDir } from '../support/temp';

/** Every file below `dir`, as site paths. */
function listed(dir: string, base = ''): string[] {
  return readdirSync(join(dir, base), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listed(dir, `${base}/${entry.name}`) : [`${base}/${entry.name}`],
  );
}

for (const folder of ['content', 'tests/fixtures/content/multi-year']) {
  describe(`open-data files of ${folder}`, () => {
    tempCacheDir('peg-opendata-cache-', 'block'); // the workbooks are cached
    const content = loadContent(folder);
    const pages = objectivePages(content, folder);
    const document = openDataDocument(content.ente, pages);
    const { ente: nome, licenza, obiettivi } = document;
    const anni = [...new Set(obiettivi.map((o) => o.anno))];
    const subsets = [
      obiettivi,
      [],
      obiettivi.slice(0, 1),
      ...anni.map((anno) => obiettivi.filter((o) => o.anno === anno)),
    ];

    it('streams each JSON document with the bytes of toJson', () => {
      for (const list of subsets)
        expect([...jsonDocumentChunks({ ente: nome, licenza }, list)].join('')).toBe(
          toJson({ ente: nome, licenza, obiettivi: list }),
        );
    });

    it('streams each CSV table with the bytes of csvTable, byte order mark and header included', async () => {
      for (const list of subsets)
        for (const tabella of TABELLE)
          expect((await buffer(csvTableStream(tabella, list, content.ente.sito_url))).toString('utf8')).toBe(
            csvTable(tabella, list, content.ente.sito_url),
          );
    });

    it('writes every listed file, and only those, with the same bytes the dev server sends', async () => {
      const out = tempDir();
      const count = await writeOpenData(out, folder);
      const files = openDataFiles(openDataSource(folder));
      expect(count).toBe(files.length);
      const expected = [
        ...[undefined, ...anni].flatMap((anno) => datasetFiles(anno).map((f) => f.path)),
        ...obiettivi.flatMap((o) => [
          objectiveDataUrl(o.codice, 'json'),
          ...TABELLE.map((tabella) => objectiveTableUrl(o.codice, tabella)),
        ]),
        '/opendata/catalogo.jsonld',
      ];
      expect(listed(out).sort()).toEqual(expected.sort());
      expect(readFileSync(join(out, 'opendata/obiettivi.json'), 'utf8')).toBe(toJson(document));
      for (const file of files.filter((f) => !f.path.endsWith('.xlsx'))) {
        const body = await file.body();
        const bytes = typeof body === 'string' ? body : (await buffer(body as NodeJS.ReadableStream)).toString('utf8');
        expect(readFileSync(join(out, file.path), 'utf8'), file.path).toBe(bytes);
      }
    });
  });
}
