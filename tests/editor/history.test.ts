import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitUrl, historyIndex } from '../../src/lib/git/history';
import { tempRepo } from './support/repo';

const FILE = 'obiettivi/2020/a01-00.md';

// Each case creates and commits to a temporary git repository.
describe('historyIndex', { timeout: 20_000 }, () => {
  it('lists the commits of a file and the change of a valore_atteso with old value, new value and date', () => {
    const repo = tempRepo();
    const first = repo.commit('Importa il PEG 2020', '2020-03-02T09:00:00Z', 'Gianluca Caruso');
    repo.edit(FILE, 'valore_atteso: 50', 'valore_atteso: 60');
    const second = repo.commit('Variazione di PEG: smartworking al 60%', '2020-07-15T11:30:00Z', 'Maria Rossi');

    const index = historyIndex(repo.content);
    expect(index.status).toBe('completo');
    const history = index.get(join(repo.content, FILE));
    expect(history.commits).toEqual([
      { sha: second, data: '2020-07-15', autore: 'Maria Rossi', messaggio: 'Variazione di PEG: smartworking al 60%' },
      { sha: first, data: '2020-03-02', autore: 'Gianluca Caruso', messaggio: 'Importa il PEG 2020' },
    ]);
    expect(history.variazioni).toEqual([
      {
        indicatore: 'I02',
        descrizione: "Realizzazione dello smartworking per almeno il 50% dei dipendenti dell'ente",
        da: 50,
        a: 60,
        data: '2020-07-15',
        sha: second,
      },
    ]);
  });

  it('ignores commits that change other values and keeps every target change, newest first', () => {
    const repo = tempRepo();
    repo.commit('Importa', '2020-03-02T09:00:00Z');
    repo.edit(FILE, 'valore_raggiunto: 80', 'valore_raggiunto: 85');
    repo.commit('Aggiorna il raggiunto', '2020-09-01T09:00:00Z');
    repo.edit(FILE, 'valore_atteso: 50', 'valore_atteso: null');
    const a = repo.commit('Sospende il target', '2020-10-01T09:00:00Z');
    repo.edit(FILE, 'valore_atteso: null', 'valore_atteso: 40');
    const b = repo.commit('Nuovo target', '2020-11-01T09:00:00Z');

    const history = historyIndex(repo.content).get(join(repo.content, FILE));
    expect(history.commits).toHaveLength(4);
    expect(history.variazioni.map(({ da, a: to, data, sha }) => ({ da, a: to, data, sha }))).toEqual([
      { da: null, a: 40, data: '2020-11-01', sha: b },
      { da: 50, a: null, data: '2020-10-01', sha: a },
    ]);
  });

  it('follows a renamed file back to its first commit', () => {
    const repo = tempRepo();
    repo.commit('Importa', '2020-03-02T09:00:00Z');
    repo.edit(FILE, 'valore_atteso: 50', 'valore_atteso: 55');
    repo.commit('Variazione', '2020-04-02T09:00:00Z');
    renameSync(join(repo.content, FILE), join(repo.content, 'obiettivi/2020/a01-01.md'));
    repo.commit('Rinomina', '2020-05-02T09:00:00Z');

    const history = historyIndex(repo.content).get(join(repo.content, 'obiettivi/2020/a01-01.md'));
    expect(history.commits.map((c) => c.messaggio)).toEqual(['Rinomina', 'Variazione', 'Importa']);
    expect(history.variazioni.map((v) => `${v.da}→${v.a}`)).toEqual(['50→55']);
  });

  it('reports a partial history in a shallow clone instead of failing', () => {
    const repo = tempRepo();
    repo.commit('Importa', '2020-03-02T09:00:00Z');
    repo.edit(FILE, 'valore_atteso: 50', 'valore_atteso: 60');
    repo.commit('Variazione', '2020-07-15T11:30:00Z');
    const clone = mkdtempSync(join(tmpdir(), 'peg-shallow-'));
    execFileSync('git', ['clone', '--quiet', '--depth=1', `file://${repo.root}`, clone]);

    const index = historyIndex(join(clone, 'content'));
    expect(index.status).toBe('parziale');
    const history = index.get(join(clone, 'content', FILE));
    expect(history.commits.map((c) => c.messaggio)).toEqual(['Variazione']);
    expect(history.variazioni).toEqual([]);
  });

  it('reports no history outside a git repository and for files never committed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'peg-nogit-'));
    cpSync('tests/fixtures/content/editor', dir, { recursive: true });
    const index = historyIndex(dir);
    expect(index.status).toBe('non-disponibile');
    expect(index.get(join(dir, FILE))).toEqual({ commits: [], variazioni: [] });

    const repo = tempRepo();
    repo.commit('Importa', '2020-03-02T09:00:00Z');
    expect(historyIndex(repo.content).get(join(repo.content, 'obiettivi/2020/b01-00.md')).commits).toEqual([]);
  });
});

describe('commitUrl', () => {
  it('links a commit on the forge configured in ente.yaml', () => {
    expect(commitUrl('https://github.com/comune/peg/', 'abc123')).toBe('https://github.com/comune/peg/commit/abc123');
    expect(commitUrl('https://gitlab.com/comune/peg.git', 'abc123')).toBe(
      'https://gitlab.com/comune/peg/commit/abc123',
    );
    expect(commitUrl(null, 'abc123')).toBeNull();
  });
});
