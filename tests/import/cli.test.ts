import { describe, expect, it } from 'vitest';
import { runTsx } from '../support/run';

/** The command line only reads arguments; these pin what the editor sees from it. */
const run = (...args: string[]) => runTsx('scripts/import.ts', args);

describe('npm run import', () => {
  it('--help exits 0 and explains the export, every option, dup.yaml and the fingerprint', () => {
    const { status, stdout } = run('--help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Uso: npm run import -- <export\.txt \| obiettivi\.xlsx> --out <cartella> \[--force\]$/m);
    // Each option has its own line in the list, so an editor finds it.
    for (const option of ['<export.txt>', '--out <cartella>', '--force', '--help']) {
      expect(stdout).toMatch(new RegExp(`^ {2}${option.replace(/[.[\]]/g, '\\$&')} +\\S`, 'm'));
    }
    expect(stdout).toContain('dup.yaml');
    expect(stdout).toContain('impronta');
  });

  it('answers an unknown option with the error and the help, exit code 1', () => {
    const { status, stderr } = run('--forza');
    expect(status).toBe(1);
    expect(stderr).toMatch(/^errore {2}.*--forza/);
    expect(stderr).toContain('Uso: npm run import');
  });

  it('refuses to run without an export and an output folder', () => {
    const { status, stderr } = run('scheda.txt');
    expect(status).toBe(1);
    expect(stderr.split('\n')[0]).toMatchInlineSnapshot(
      `"errore  indica un solo file di export e la cartella con --out"`,
    );
  });
});
