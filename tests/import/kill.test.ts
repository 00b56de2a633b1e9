import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pendingJournal, recover, STAGING_DIR } from '../../src/lib/import/commit';
import { runImport } from '../../src/lib/import/run';
import { validateContent } from '../../src/lib/validate/validate-content';
import { hashTree } from '../e2e/support/tree';
import { FIXTURES } from './helpers';
import { tempDir } from '../support/temp';

/**
 * `npm run import` killed with SIGKILL at chosen steps of its writes (PEG_IMPORT_PAUSE makes it stop and
 * announce the step, so the kill point does not depend on timing): the content folder is always the old
 * state or the new one, and the validator refuses it whenever the journal says the moves are unfinished.
 */
const work = tempDir('peg-import-kill-');

const SAMPLE = join(FIXTURES, 'scheda-obiettivi-peg-2020.txt');

function contentWith(name: string, exportPath: string): string {
  const content = join(work, name);
  cpSync('content/ente.yaml', join(content, 'ente.yaml'));
  const result = runImport({ exportPath, outDir: join(content, 'obiettivi'), force: false });
  expect(result.exitCode, result.output.join('\n')).toBe(0);
  return content;
}

/** The files an editor, the validator and the site see (the staging folder is not content). */
const visible = (content: string) =>
  Object.fromEntries(Object.entries(hashTree(content)).filter(([path]) => !path.startsWith(`${STAGING_DIR}/`)));

/** Runs npm run import in its own process group, waits for the announced step, kills the whole group. */
function importKilledAt(step: number, exportPath: string, content: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'import', '--', exportPath, '--out', join(content, 'obiettivi')], {
      env: { ...process.env, PEG_IMPORT_PAUSE: String(step) },
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let label: string | undefined;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = new RegExp(`^pausa ${step} (.+)$`, 'm').exec(stderr);
      if (match && label === undefined) {
        label = match[1]!;
        process.kill(-child.pid!, 'SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', () =>
      label === undefined ? reject(new Error(`no pause at step ${step}:\n${stderr}`)) : resolve(label),
    );
  });
}

describe('an import killed while writing', () => {
  // New export: every objective changes (a date) and one objective links a new DUP programma, so
  // all eleven files and dup.yaml are written: 12 staged files, the journal, 12 moves, its removal.
  const newExport = join(work, 'nuovo.txt');
  writeFileSync(
    newExport,
    readFileSync(SAMPLE, 'utf8')
      .replaceAll('31/12/2020', '30/12/2020')
      .replace('DUP\\_10\\_0101\\_1103 Emergenza epidemiologica', 'DUP\\_10\\_0101\\_1104 Nuovo programma'),
  );
  const old = contentWith('vecchio', SAMPLE);
  const oldTree = visible(old);
  // The new state: the same re-import run to its end.
  const done = join(work, 'nuovo');
  cpSync(old, done, { recursive: true });
  expect(runImport({ exportPath: newExport, outDir: join(done, 'obiettivi'), force: false }).exitCode).toBe(0);
  const newTree = visible(done);
  const steps = [1, 7, 12, 13, 14, 19, 25, 26];

  it.each(steps)('leaves the old state or the new one, never a mix, when killed at step %i', async (step) => {
    const content = join(work, `ucciso-${step}`);
    cpSync(old, content, { recursive: true });
    const label = await importKilledAt(step, newExport, content);
    const files = visible(content);
    const report = await validateContent(content, { cwd: content });
    const errors = report.problems.filter((problem) => problem.level === 'errore');
    if (pendingJournal(content)) {
      // After the commit point: the validator refuses the folder, the next run completes it.
      expect(label).toMatch(/^(giornale scritto|spostato )/);
      expect(errors.map((problem) => problem.rule)).toContain('importazione');
      expect(recover(content)).toBe('completata');
      expect(visible(content)).toEqual(newTree);
    } else {
      expect(label).toMatch(/^(preparato |giornale rimosso)/);
      expect([oldTree, newTree]).toContainEqual(files);
      expect(files).toEqual(label.startsWith('preparato') ? oldTree : newTree);
      expect(errors).toEqual([]);
      // A staging folder without journal is discarded: the old files stay as they were.
      recover(content);
      expect(visible(content)).toEqual(files);
    }
    expect(hashTree(content)).toEqual(visible(content));
  });

  it('completes the interrupted import on the next npm run import, saying so', async () => {
    const content = join(work, 'ripreso');
    cpSync(old, content, { recursive: true });
    expect(await importKilledAt(19, newExport, content)).toMatch(/^spostato /);
    expect(visible(content)).not.toEqual(oldTree);
    expect(visible(content)).not.toEqual(newTree);
    const again = runImport({ exportPath: newExport, outDir: join(content, 'obiettivi'), force: false });
    expect(again.exitCode).toBe(0);
    expect(again.output[1]).toBe(
      'avviso  l’importazione precedente era stata interrotta dopo la conferma: completata (i suoi file sono ora tutti al loro posto)',
    );
    expect(hashTree(content)).toEqual(newTree);
  });

  it('discards a staging folder without journal, saying so, and refuses a journal it cannot trust', () => {
    const content = join(work, 'annullato');
    cpSync(old, content, { recursive: true });
    mkdirSync(join(content, STAGING_DIR));
    writeFileSync(join(content, STAGING_DIR, '0000.tmp'), 'mezzo file');
    const again = runImport({ exportPath: SAMPLE, outDir: join(content, 'obiettivi'), force: false });
    expect(again.exitCode).toBe(0);
    expect(again.output[1]).toBe(
      'avviso  l’importazione precedente era stata interrotta prima della conferma: annullata, i file sono quelli di prima',
    );
    expect(hashTree(content)).toEqual(oldTree);

    mkdirSync(join(content, STAGING_DIR));
    writeFileSync(
      join(content, STAGING_DIR, 'giornale.json'),
      JSON.stringify({ moves: [{ from: `${STAGING_DIR}/0000.tmp`, to: '../fuori.md' }] }),
    );
    const refused = runImport({ exportPath: SAMPLE, outDir: join(content, 'obiettivi'), force: false });
    expect(refused.exitCode).toBe(1);
    expect(refused.output.map((line) => line.replace(content, '<content>'))).toEqual([
      '<content>/.importazione-in-corso/giornale.json  errore  il giornale dell’importazione interrotta non si legge: ripristina content/ da git (git checkout -- content) e cancella la cartella .importazione-in-corso',
    ]);
    expect(existsSync(join(work, 'fuori.md'))).toBe(false);
  });

  it('reports a write that fails after the commit point and completes it on the next run', async () => {
    const content = join(work, 'bloccato');
    mkdirSync(join(content, 'obiettivi'), { recursive: true });
    cpSync('content/ente.yaml', join(content, 'ente.yaml'));
    // A file where the year folder must go: the moves fail after the journal is written.
    writeFileSync(join(content, 'obiettivi', '2020'), 'non una cartella');
    const failed = runImport({ exportPath: SAMPLE, outDir: join(content, 'obiettivi'), force: false });
    expect(failed.exitCode).toBe(1);
    expect(failed.output.at(-1)!.replace(content, '<content>')).toBe(
      '<content>  errore  scrittura dei file non riuscita (EEXIST): alcuni file sono già nuovi; libera spazio o sistema i permessi e ripeti lo stesso comando per completare',
    );
    const report = await validateContent(content, { cwd: content });
    expect(report.problems.map((problem) => problem.rule)).toContain('importazione');
    rmSync(join(content, 'obiettivi', '2020'));
    const again = runImport({ exportPath: SAMPLE, outDir: join(content, 'obiettivi'), force: false });
    expect(again.exitCode).toBe(0);
    expect(pendingJournal(content)).toBeUndefined();
    expect((await validateContent(content, { cwd: content })).problems.filter((p) => p.level === 'errore')).toEqual([]);
  });
});
