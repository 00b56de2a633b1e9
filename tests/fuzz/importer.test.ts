import { cpSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/lib/import/run';
import { validateContent } from '../../src/lib/validate/validate-content';
import { hashTree } from '../e2e/support/tree';
import { MUTATIONS, mutate, random, type Mutation } from './mutate';
import { tempDir } from '../support/temp';

const SEED = 20200101;
const COUNT = 120;
const SAMPLE = 'tests/fixtures/import/scheda-obiettivi-peg-2020.txt';

/** Mutations that know the export's shape: tab-separated cells, one row per line. */
const EXPORT_MUTATIONS: Record<string, Mutation> = {
  'cell replaced': (text, rnd) => {
    const lines = text.split('\n');
    const rows = lines.map((line, i) => (line.includes('\t') ? i : -1)).filter((i) => i >= 0);
    if (rows.length === 0) return text;
    const i = rows[Math.floor(rnd() * rows.length)]!;
    const cells = lines[i]!.split('\t');
    const values = [
      '',
      '1e400',
      '-5',
      '99999999999999999999',
      '31/02/2020',
      '2020-01-01',
      'abc',
      '%',
      '\u0000',
      '😀',
      'null',
    ];
    cells[Math.floor(rnd() * cells.length)] = values[Math.floor(rnd() * values.length)]!;
    lines[i] = cells.join('\t');
    return lines.join('\n');
  },
  'cells merged': (text, rnd) => {
    const lines = text.split('\n');
    const i = Math.floor(rnd() * lines.length);
    lines[i] = lines[i]!.replace('\t', ' ');
    return lines.join('\n');
  },
  'lines swapped': (text, rnd) => {
    const lines = text.split('\n');
    const i = Math.floor(rnd() * (lines.length - 1));
    [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
    return lines.join('\n');
  },
};

const FORMAT_RULES = new Set([
  'file',
  'frontmatter',
  'yaml',
  'schema',
  'chiave-sconosciuta',
  'data',
  'codice-percorso',
  'id-duplicato',
]);

const work = tempDir('peg-fuzz-import-');

describe('importer under fuzzed exports', () => {
  it(`never throws, names an input line in every error and writes nothing when it fails (${COUNT} mutants, seed ${SEED})`, async () => {
    const content = join(work, 'content');
    const out = join(content, 'obiettivi');
    cpSync('content/ente.yaml', join(content, 'ente.yaml'));
    // A first, clean import fills the folder: failed imports must then leave those files untouched.
    expect(runImport({ exportPath: SAMPLE, outDir: out, force: false }).exitCode).toBe(0);

    const sample = readFileSync(SAMPLE, 'utf8');
    const exportPath = join(work, 'export.txt');
    const rnd = random(SEED);
    const mutations = { ...MUTATIONS, ...EXPORT_MUTATIONS };
    const names = Object.keys(mutations);
    const outcomes = [0, 0];
    for (let n = 0; n < COUNT; n++) {
      // Half the mutants take one export-aware mutation first, so they get past the first checks.
      const first = rnd() < 0.5 ? names[Math.floor(rnd() * names.length)]! : undefined;
      const pre = first ? mutations[first]!(sample, rnd) : sample;
      const { text, applied } = mutate(pre, rnd);
      writeFileSync(exportPath, text);
      const label = `mutant ${n}: ${[first, ...applied].filter(Boolean).join(' + ')}`;
      const before = hashTree(content);

      let result: ReturnType<typeof runImport> | undefined;
      expect(() => (result = runImport({ exportPath, outDir: out, force: false })), label).not.toThrow();
      const output = result!.output.join('\n');
      expect(output, label).not.toMatch(/undefined|NaN|\[object |\n\s+at /);
      outcomes[result!.exitCode] = (outcomes[result!.exitCode] ?? 0) + 1;
      if (result!.exitCode === 0) {
        // What the importer writes is well-formed for the validator; the data rules (weights, dates,
        // DUP codes) may still fail, as the export's own data may: those are the editor's to fix.
        const report = await validateContent(content, { cwd: content });
        expect(
          report.problems.filter((p) => FORMAT_RULES.has(p.rule)),
          label,
        ).toEqual([]);
      } else {
        expect(hashTree(content), `${label}: a failed import changed the content folder`).toEqual(before);
        const lineCount = text.split('\n').length;
        const errors = result!.output.filter((line) => /  errore  /.test(line));
        expect(errors.length, `${label}\n${output}`).toBeGreaterThan(0);
        for (const error of errors) {
          const at = /^\s*(.+?):(\d+)  errore  /.exec(error);
          // An error names the export line, or the content file it refuses to touch.
          if (at?.[1] === exportPath) {
            expect(Number(at[2]), `${label}: ${error}`).toBeGreaterThanOrEqual(1);
            expect(Number(at[2]), `${label}: ${error}`).toBeLessThanOrEqual(lineCount);
          } else expect(error, label).toMatch(/^\s*\S+\.(md|yaml)  errore  /);
        }
      }
    }
    // Both paths were exercised: a fuzzer whose every mutant fails early tests little.
    expect(outcomes[0]).toBeGreaterThan(10);
    expect(outcomes[1]).toBeGreaterThan(10);
  });

  // Found by this fuzzer: both imports used to succeed and write files the validator then refused.
  function importVariant(name: string, edit: (text: string) => string) {
    const content = join(work, name);
    cpSync('content/ente.yaml', join(content, 'ente.yaml'));
    const exportPath = join(work, `${name}.txt`);
    writeFileSync(exportPath, edit(readFileSync(SAMPLE, 'utf8')));
    const result = runImport({ exportPath, outDir: join(content, 'obiettivi'), force: false });
    return {
      result,
      files: hashTree(content),
      errors: result.output.filter((line) => line.includes('errore')).map((line) => line.replace(work, '<tmp>').trim()),
    };
  }

  it.for([
    {
      test: 'refuses an export with a NUL byte, naming its line, and writes nothing',
      name: 'nul',
      replace: ['Supporto agli amministratori', 'Supporto\u0000 agli amministratori'],
      errors: [
        '<tmp>/nul.txt:85  errore  la riga contiene byte nulli: l’export non è un file di testo (riconvertilo dal PDF); nessun file scritto',
      ],
    },
    {
      test: 'refuses a DUP code that dup.yaml cannot hold, naming its line, and writes nothing',
      name: 'dup',
      replace: ['DUP\\_10\\_0101\\_1103', 'DUP\\_10\\_0101\\_11/03'],
      errors: [
        '<tmp>/dup.txt:28  errore  programma DUP «DUP_10_0101_11/03»: il codice DUP contiene solo lettere, cifre, _ . e -',
        '✖ 1 errore: nessun file scritto. Correggi l’export (o il file indicato) e riprova.',
      ],
    },
  ] as const)('$test', ({ name, replace: [from, to], errors: expected }) => {
    const { result, files, errors } = importVariant(name, (text) => text.replace(from, to));
    expect(result.exitCode).toBe(1);
    expect(Object.keys(files)).toEqual(['ente.yaml']);
    expect(errors).toEqual(expected);
  });
});
