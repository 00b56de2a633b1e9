import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentEntriesError } from '../../src/lib/content/entries';
import { loadContent } from '../../src/lib/content/load';
import { slugProblem } from '../../src/lib/validate/url-values';
import { validateContent } from '../../src/lib/validate/validate-content';
import { fullSlug, MAX_SLUG_LENGTH, slugify } from '../../src/lib/derived/slugs';
import { copyFixture, fixture } from '../support/fixtures';
import { fixtureOutput, validatorOutput } from '../support/validate';

const output = validatorOutput;

/** A copy of the valid fixture in a temporary folder, for entries git cannot hold (FIFO, socket). */
const validCopy = () => copyFixture('valido');

describe('every entry of content/ is an objective or one error line', () => {
  it('names each stray, misnamed, backup, lock and hidden file, and each misplaced folder', async () => {
    expect(await fixtureOutput('file-estranei')).toMatchInlineSnapshot(`
      "file-estranei/.gitkeep:1:1  errore  elemento estraneo nella cartella dei contenuti: qui vanno solo ente.yaml, dup.yaml e le cartelle obiettivi e performance; spostalo o cancellalo  [file-estraneo]
      file-estranei/README.md:1:1  errore  elemento estraneo nella cartella dei contenuti: qui vanno solo ente.yaml, dup.yaml e le cartelle obiettivi e performance; spostalo o cancellalo  [file-estraneo]
      file-estranei/obiettivi/2020/.DS_Store:1:1  errore  file nascosto: qui vanno solo gli obiettivi (file .md); cancellalo  [file-estraneo]
      file-estranei/obiettivi/2020/.~lock.a01-00.md#:1:1  errore  file di blocco lasciato da un editor (il documento è aperto o l’editor si è chiuso male): chiudi il documento oppure cancella il file  [file-estraneo]
      file-estranei/obiettivi/2020/A03-00.MD:1:1  errore  ha l’estensione «.MD»: gli obiettivi sono file .md, rinominalo in a03-00.md  [file-estraneo]
      file-estranei/obiettivi/2020/Thumbs.db:1:1  errore  ha l’estensione «.db» e non è un obiettivo (gli obiettivi sono file .md come a01-00.md): spostalo fuori da content/ o cancellalo  [file-estraneo]
      file-estranei/obiettivi/2020/a01-00.md.bak:1:1  errore  copia di riserva lasciata da un editor o da un merge: cancellala (la storia è già in git)  [file-estraneo]
      file-estranei/obiettivi/2020/a01-00.md.orig:1:1  errore  copia di riserva lasciata da un editor o da un merge: cancellala (la storia è già in git)  [file-estraneo]
      file-estranei/obiettivi/2020/a01-00.md~:1:1  errore  copia di riserva lasciata da un editor o da un merge: cancellala (la storia è già in git)  [file-estraneo]
      file-estranei/obiettivi/2020/a02-00.md.txt:1:1  errore  ha l’estensione «.txt»: gli obiettivi sono file .md, rinominalo in a02-00.md  [file-estraneo]
      file-estranei/obiettivi/2020/a04-00.markdown:1:1  errore  ha l’estensione «.markdown»: gli obiettivi sono file .md, rinominalo in a04-00.md  [file-estraneo]
      file-estranei/obiettivi/2020/a05-00.yaml:1:1  errore  ha l’estensione «.yaml»: gli obiettivi sono file .md, rinominalo in a05-00.md  [file-estraneo]
      file-estranei/obiettivi/2020/vecchi:1:1  errore  cartella dentro obiettivi/2020/: qui vanno solo file .md, uno per obiettivo; sposta i file e cancella la cartella  [file-estraneo]
      file-estranei/obiettivi/20201:1:1  errore  la cartella «20201» non è un anno di quattro cifre: i suoi file non vengono letti; rinominala (per esempio 2020)  [file-estraneo]
      file-estranei/obiettivi/a06-00.md:1:1  errore  file fuori da una cartella dell’anno: gli obiettivi stanno in obiettivi/<anno>/ (per esempio obiettivi/2020/); spostalo lì  [file-estraneo]
      file-estranei/obiettivi/bozze:1:1  errore  la cartella «bozze» non è un anno di quattro cifre: i suoi file non vengono letti; rinominala (per esempio 2020)  [file-estraneo]
      ✖ 16 errori in 16 file. Correggi i file indicati (schema: src/schemas/obiettivo.ts)"
    `);
  });

  it('refuses symlinks: outside content/, inside it, dangling, and a linked year folder', async () => {
    expect(await fixtureOutput('collegamenti')).toMatchInlineSnapshot(`
      "collegamenti/obiettivi/2020/a02-00.md:1:1  errore  è un collegamento simbolico a un file fuori dalla cartella dei contenuti (../valido/obiettivi/2020/a01-00.md): metti qui il file vero  [collegamento]
      collegamenti/obiettivi/2020/a03-00.md:1:1  errore  è un collegamento simbolico a obiettivi/2020/a01-00.md: i collegamenti non sono ammessi, ogni obiettivo è un solo file vero (copialo o spostalo qui)  [collegamento]
      collegamenti/obiettivi/2020/a04-00.md:1:1  errore  è un collegamento simbolico che non porta a nessun file: cancellalo  [collegamento]
      collegamenti/obiettivi/2021:1:1  errore  è un collegamento simbolico a obiettivi/2020: i collegamenti non sono ammessi, ogni obiettivo è un solo file vero (copialo o spostalo qui)  [collegamento]
      ✖ 4 errori in 4 file. Correggi i file indicati (schema: src/schemas/obiettivo.ts)"
    `);
  });

  it('reads the objectives next to the bad entries (one bad entry never stops the walk)', async () => {
    const report = await validateContent((await fixture('file-estranei')).dir);
    expect(report.obiettivi).toBe(1);
    expect(report.problems.every((p) => p.level === 'errore')).toBe(true);
  });

  it('reports a FIFO and a socket without opening them', async () => {
    const dir = await validCopy();
    execFileSync('mkfifo', [join(dir, 'obiettivi/2020/a02-00.md')]);
    const server = createServer();
    await new Promise<void>((done) => server.listen(join(dir, 'obiettivi/2020/a03-00.md'), done));
    try {
      expect(await output(dir, dir)).toMatchInlineSnapshot(`
        "obiettivi/2020/a02-00.md:1:1  errore  non è un file ma una pipe (FIFO): cancellalo  [file-estraneo]
        obiettivi/2020/a03-00.md:1:1  errore  non è un file ma un socket: cancellalo  [file-estraneo]
        ✖ 2 errori in 2 file. Correggi i file indicati (schema: src/schemas/obiettivo.ts)"
      `);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it('reports ente.yaml that is a FIFO instead of waiting for a writer', async () => {
    const dir = await validCopy();
    rmSync(join(dir, 'ente.yaml'));
    execFileSync('mkfifo', [join(dir, 'ente.yaml')]);
    expect(await output(dir, dir)).toMatchInlineSnapshot(`
      "ente.yaml:1:1  errore  non è un file ma una pipe (FIFO): cancellalo  [file-estraneo]
      ✖ 1 errore in 1 file. Correggi i file indicati (schema: src/schemas/ente.ts)"
    `);
  });

  it('reports a missing or empty obiettivi folder and a file in its place', async () => {
    const dir = await validCopy();
    rmSync(join(dir, 'obiettivi'), { recursive: true });
    expect(await output(dir, dir)).toMatchInlineSnapshot(`
      "obiettivi:1:1  errore  la cartella obiettivi non esiste: creala (obiettivi/<anno>/<codice>.md)  [file]
      ✖ 1 errore in 1 file. Correggi i file indicati (schema: src/schemas/obiettivo.ts)"
    `);
    mkdirSync(join(dir, 'obiettivi/2020'), { recursive: true });
    expect(await output(dir, dir)).toMatchInlineSnapshot(`
      "obiettivi:1:1  errore  la cartella obiettivi non contiene nessun obiettivo (obiettivi/<anno>/<codice>.md): il sito sarebbe vuoto  [file]
      ✖ 1 errore in 1 file. Correggi i file indicati (schema: src/schemas/obiettivo.ts)"
    `);
    rmSync(join(dir, 'obiettivi'), { recursive: true });
    writeFileSync(join(dir, 'obiettivi'), 'x');
    expect(await output(dir, dir)).toMatchInlineSnapshot(`
      "obiettivi:1:1  errore  deve essere una cartella (obiettivi/<anno>/…)  [file-estraneo]
      ✖ 1 errore in 1 file. Correggi i file indicati (schema: src/schemas/obiettivo.ts)"
    `);
  });

  it('reports a folder where ente.yaml belongs and a link in its place', async () => {
    const dir = await validCopy();
    rmSync(join(dir, 'ente.yaml'));
    mkdirSync(join(dir, 'ente.yaml'));
    symlinkSync('ente.yaml', join(dir, 'dup.yaml.link'));
    expect(await output(dir, dir)).toMatchInlineSnapshot(`
      "dup.yaml.link:1:1  errore  elemento estraneo nella cartella dei contenuti: qui vanno solo ente.yaml, dup.yaml e le cartelle obiettivi e performance; spostalo o cancellalo  [file-estraneo]
      ente.yaml:1:1  errore  è una cartella: ente.yaml deve essere un file  [file-estraneo]
      ✖ 2 errori in 2 file. Correggi i file indicati (schema: src/schemas/ente.ts, src/schemas/obiettivo.ts)"
    `);
  });

  it('makes loadContent (open data, tools) refuse a folder with stray entries instead of reading a subset', async () => {
    expect(() => loadContent('tests/fixtures/content/collegamenti')).toThrow(ContentEntriesError);
    const { dir } = await fixture('file-estranei');
    expect(() => loadContent(dir)).toThrow(
      /obiettivi\/2020\/a02-00\.md\.txt: ha l’estensione «\.txt»/,
    );
  });

  // What `astro dev` shows when an editor's save does not validate: the file and the field, in Italian.
  it('makes loadContent name the file and the field of a value that does not validate, and of broken YAML', async () => {
    const dir = await validCopy();
    const file = join(dir, 'obiettivi/2020/a01-00.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^anno: 2020$/m, 'anno: duemila'));
    expect(() => loadContent(dir)).toThrow(ContentEntriesError);
    expect(() => loadContent(dir)).toThrow(
      /obiettivi\/2020\/a01-00\.md non è valido \(npm run validate indica riga e campo\):\n {2}- anno: l’anno è un numero intero di quattro cifre/,
    );
    writeFileSync(file, text);
    writeFileSync(join(dir, 'dup.yaml'), 'mandato: [non chiuso\n');
    expect(() => loadContent(dir)).toThrow(/dup\.yaml non è valido \(npm run validate indica riga e campo\):\n {2}- /);
  });
});

describe('values that become addresses', () => {
  it('refuses empty, placeholder and reserved names and DUP codes, warns about shortened ones', async () => {
    expect(await fixtureOutput('indirizzi')).toMatchInlineSnapshot(`
      "indirizzi/dup.yaml:10:17  errore  mandati.[1].missioni.[2].codice: «..» non è un codice DUP (non ha lettere né cifre): scrivi il codice come nel DUP (per esempio DUP_10_0101)  [indirizzo]
      indirizzi/dup.yaml:13:21  errore  mandati.[1].missioni.[2].programmi.[1].codice: il codice dup_10_0101_1103 differisce da DUP_10_0101_1103 solo per maiuscole e minuscole: le due pagine avrebbero lo stesso indirizzo; usa un codice diverso  [indirizzo]
      indirizzi/dup.yaml:15:13  errore  mandati.[2].codice: «index» è un nome riservato dal sito (è il nome di un suo file): scrivi un codice DUP per esteso  [indirizzo]
      indirizzi/obiettivi/2020/a01-00.md:6:27  avviso  centro_di_responsabilita: testo di 158 caratteri, l’indirizzo della sua pagina viene accorciato a …/area-coordinamento-strategico-programmazione-e-controllo-unita-organizzativa-pianificazione-organizzazione-controlli-interni-trasparenza-e-an-6ceae527/  [indirizzo-lungo]
      indirizzi/obiettivi/2020/a01-00.md:7:15  errore  responsabile: «Index» è un nome riservato dal sito (è il nome di un suo file): scrivi un nome di persona per esteso  [indirizzo]
      indirizzi/obiettivi/2020/a01-00.md:23:19  errore  fasi.F01.responsabile: «-» non è un nome di persona (non ha lettere né cifre): scrivi null se la fase non ha un responsabile  [indirizzo]
      indirizzi/obiettivi/2020/a01-00.md:24:31  errore  fasi.F01.centro_di_responsabilita: «—» non è un centro di responsabilità (non ha lettere né cifre): scrivi null se la fase non ha un centro di responsabilità  [indirizzo]
      indirizzi/obiettivi/2020/a01-00.md:34:19  errore  fasi.F02.responsabile: «n.d.» è un segnaposto, non un nome di persona: scrivi null se la fase non ha un responsabile  [indirizzo]
      ✖ 7 errori e 1 avviso in 2 file. Correggi i file indicati (schema: src/schemas/dup.ts, src/schemas/obiettivo.ts)"
    `);
  });

  it.each([
    ['...', 'indirizzo'],
    ['—', 'indirizzo'],
    ['N/A', 'indirizzo'],
    ['da definire', 'indirizzo'],
    ['INDEX', 'indirizzo'],
    ['中文', 'indirizzo'],
    ['x'.repeat(151), 'indirizzo-lungo'],
  ])('names the problem of «%s» as [%s]', (value, rule) => {
    expect(slugProblem(value, fullSlug(value), { what: 'un nome di persona', fix: 'scrivi null' })?.rule).toBe(rule);
  });

  it('accepts ordinary names, accents and apostrophes included, and cuts long ones with a stable hash', () => {
    for (const value of ['ROSSI MARIO', 'D’Angelo Lucia', 'Area Servizi alla Città', 'x'.repeat(150)])
      expect(slugProblem(value, fullSlug(value), { what: 'un nome', fix: '' })).toBeUndefined();
    const long = 'settore '.repeat(30);
    expect(slugify(long)).toHaveLength(MAX_SLUG_LENGTH);
    expect(slugify(long)).toBe(slugify(long.toUpperCase()));
    expect(slugify(long)).not.toBe(slugify(`${long} bis`));
    expect(slugify(long)).toMatch(/^settore-settore-.*-[0-9a-f]{8}$/);
  });
});

describe('content/performance/ is read by the same walk', () => {
  it('names a stray file, a non-PDF document and a badly named PDF; loads the rest', async () => {
    const dir = await validCopy();
    cpSync('tests/fixtures/content/performance-valido/performance', join(dir, 'performance'), { recursive: true });
    writeFileSync(join(dir, 'performance', 'note.txt'), 'appunti');
    writeFileSync(join(dir, 'performance', 'documenti', 'verbale.docx'), 'x');
    writeFileSync(join(dir, 'performance', 'documenti', 'Verbale Nucleo.pdf'), '%PDF-1.4');
    const out = (await output(dir, dir)).split('\n');
    expect(out).toEqual([
      'performance/documenti/Verbale Nucleo.pdf:1:1  errore  il nome del PDF deve essere minuscolo, senza spazi né accenti (per esempio relazione-performance-2020.pdf): rinominalo in verbale-nucleo.pdf  [file-estraneo]',
      'performance/documenti/verbale.docx:1:1  errore  qui vanno solo i documenti in PDF (la Funzione Pubblica accetta solo PDF): convertilo in PDF o spostalo  [file-estraneo]',
      'performance/note.txt:1:1  errore  elemento estraneo in performance/: qui vanno solo <anno>.yaml (per esempio 2020.yaml), sistema.yaml e la cartella documenti; spostalo o cancellalo  [file-estraneo]',
      '✖ 3 errori in 3 file. Correggi i file indicati (schema: src/schemas/performance.ts)',
    ]);
    expect(() => loadContent(dir)).toThrow(ContentEntriesError);
  });

  it('loads the year files and the documents of a clean folder', () => {
    const content = loadContent('tests/fixtures/content/performance-valido');
    expect(content.performance.anni.map((a) => a.anno)).toEqual([2020]);
    expect(content.performance.documenti.map((d) => d.name)).toEqual(['relazione-performance-2020-firmata.pdf']);
    expect(content.performance.sistema).toBeNull();
  });
});
