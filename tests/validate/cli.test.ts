import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runValidate, UsageError } from '../../src/lib/validate/cli';
import { formatGithub } from '../../src/lib/validate/format';
import { fixture } from '../support/fixtures';

/** `npm run validate -- --content <fixture> …args`, in process; paths read `<fixture>/…`. */
async function validate(name: string, args: string[] = [], env: Record<string, string> = {}) {
  const { dir, root } = await fixture(name);
  return runValidate(['--content', dir, ...args], env, { cwd: root });
}

describe('npm run validate', () => {
  it('exits 0 on valid content and 1 on errors', async () => {
    expect((await validate('valido')).exitCode).toBe(0);
    expect((await validate('pesi-fasi')).exitCode).toBe(1);
  });

  it('exits 0 when there are only warnings', async () => {
    const result = await validate('html');
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n').at(-1)).toMatchInlineSnapshot(
      `"⚠ 2 avvisi in 1 file, nessun errore: 3 file controllati (1 obiettivo)."`,
    );
  });

  it('reads the content folder from PEG_CONTENT_DIR when --content is absent', async () => {
    const { dir, root } = await fixture('pesi-fasi');
    const result = await runValidate([], { PEG_CONTENT_DIR: dir }, { cwd: root });
    expect(result.stdout).toContain('pesi-fasi/obiettivi/2020/a01-00.md:14:1');
  });

  it('prints machine-readable JSON with --format json', async () => {
    const result = await validate('dup-mancante', ['--format', 'json']);
    expect(JSON.parse(result.stdout)).toMatchInlineSnapshot(`
      {
        "errors": 1,
        "files": 3,
        "objectives": 1,
        "ok": false,
        "problems": [
          {
            "column": 14,
            "field": "dup.programma",
            "file": "dup-mancante/obiettivi/2020/a01-00.md",
            "line": 12,
            "message": "il codice DUP_10_0101_9999 non è definito in dup.yaml: aggiungilo lì o correggi il codice",
            "rule": "dup-mancante",
            "severity": "error",
          },
        ],
        "warnings": 0,
      }
    `);
  });

  it('adds GitHub annotations under GitHub Actions', async () => {
    const result = await validate('molti-errori', [], { GITHUB_ACTIONS: 'true' });
    expect(result.stdout.split('\n').filter((line) => line.startsWith('::'))).toMatchInlineSnapshot(`
      [
        "::error file=molti-errori/obiettivi/2020/a01-00.md,line=12,col=14,title=PEG Aperto [dup-mancante]::dup.programma: il codice DUP_10_0101_9999 non è definito in dup.yaml: aggiungilo lì o correggi il codice",
        "::error file=molti-errori/obiettivi/2020/a01-00.md,line=14,col=1,title=PEG Aperto [pesi-fasi]::fasi: la somma dei pesi delle fasi è 95, deve essere 100",
        "::error file=molti-errori/obiettivi/2020/b02-00.md,line=26,col=9,title=PEG Aperto [id-duplicato]::fasi.[2].id: l’id F01 è già usato da fasi.[1]: ogni fase ha un id diverso",
        "::error file=molti-errori/obiettivi/2020/b02-00.md,line=44,col=16,title=PEG Aperto [storico-anno]::indicatori.I01.storico.2020: lo storico contiene solo anni precedenti al 2020: il valore del 2020 va in valore_raggiunto o nel PEG di quell’anno",
      ]
    `);
  });

  it('keeps JSON output parseable under GitHub Actions', async () => {
    const result = await validate('pesi-fasi', ['--format', 'json'], { GITHUB_ACTIONS: 'true' });
    expect(JSON.parse(result.stdout).errors).toBe(1);
  });

  it('escapes the characters GitHub workflow commands reserve', () => {
    const line = formatGithub({
      file: 'content/obiettivi/2020/a,b:c.md',
      line: 3,
      col: 7,
      level: 'avviso',
      field: 'titolo',
      message: 'al 100%: riga uno\r\nriga due, fine',
      rule: 'html',
    });
    expect(line).toMatchInlineSnapshot(
      `"::warning file=content/obiettivi/2020/a%2Cb%3Ac.md,line=3,col=7,title=PEG Aperto [html]::titolo: al 100%25: riga uno%0D%0Ariga due, fine"`,
    );
  });

  it('refuses unknown arguments as a usage error', async () => {
    await expect(runValidate(['--bogus'], {})).rejects.toThrow(UsageError);
    await expect(runValidate(['--format', 'xml'], {})).rejects.toThrowErrorMatchingInlineSnapshot(
      `[Error: --format must be text or json, not xml]`,
    );
  });

  it('prints internal errors in English with a validate: prefix and exits 2', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync('node_modules/.bin/tsx', ['scripts/validate.ts', '--content'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      ({ status, stderr } = error as { status: number; stderr: string });
    }
    expect(status).toBe(2);
    expect(stderr).toMatchInlineSnapshot(`
      "validate: --content needs a value
      "
    `);
  });
});
