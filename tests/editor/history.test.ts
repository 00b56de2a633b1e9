import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyIndex, type FileHistory } from '../../src/lib/derived/git/history';
import { describeModifica, describeRiga, righe } from '../../src/lib/derived/git/data-diff';
import { copyFolder } from '../support/fixtures';
import { tempDir } from '../support/temp';
import { tempRepo } from './support/repo';

const FILE = 'obiettivi/2020/a01-00.md';

/** The public history as the page words it: one "date: change; change" line per date. */
const words = (history: FileHistory) =>
  history.giorni.map((g) => `${g.data}: ${g.modifiche.map(describeModifica).join('; ')}`);

/** A repository whose one commit, on 2020-03-02, publishes the objective. */
function imported() {
  const r = tempRepo();
  r.commit('Importa', '2020-03-02T09:00:00Z');
  return r;
}

/** Published as imported(), then one commit on `date` sets indicator I02's valore_atteso from 50 to `atteso`. */
function attesoChanged(atteso: number, date: string) {
  const r = imported();
  r.edit(FILE, 'valore_atteso: 50', `valore_atteso: ${atteso}`);
  r.commit('Variazione', date);
  return r;
}

// Each case creates and commits to a temporary git repository (in os.tmpdir, removed afterwards).
describe('historyIndex', () => {
  it('words each data change by fase and indicator id, newest date first, with no commit data', () => {
    const r = tempRepo();
    r.commit('Importa il PEG 2020', '2020-03-02T09:00:00Z', 'Gianluca Caruso');
    r.edit(FILE, 'valore_raggiunto: 80', 'valore_raggiunto: 85');
    r.edit(FILE, 'storico: { 2019: 10 }', 'storico: { 2019: 12 }');
    r.commit('Aggiorna I02', '2020-07-15T11:30:00Z', 'Maria Rossi');
    r.edit(
      FILE,
      '    peso: 20\n    avanzamento: 100\n    responsabile: caruso',
      '    peso: 20\n    avanzamento: 70\n    responsabile: caruso',
    );
    r.edit(FILE, 'stato: In Corso', 'stato: Concluso');
    r.edit(FILE, 'Il coordinamento e la gestione della comunicazione', 'Il coordinamento della comunicazione');
    r.commit('fix', '2020-09-01T08:00:00Z');
    r.edit(
      FILE,
      'indicatori:\n',
      'indicatori:\n  - { id: I09, descrizione: Nuovo, tipo: EFFICACIA, direzione: crescente, valore_atteso: 3, valore_raggiunto: null, storico: {}, note: null }\n',
    );
    r.commit('add', '2020-09-01T15:00:00Z');

    const index = historyIndex(r.content);
    expect(index.status).toBe('completo');
    const history = index.get(join(r.content, FILE));
    expect(words(history)).toEqual([
      '2020-09-01: Indicatore I09 aggiunto; Stato: In Corso → Concluso; Fase F01, avanzamento: 100% → 70%; Sezione «Modalità di attuazione» modificata',
      '2020-07-15: Indicatore I02, valore raggiunto: 80 → 85; Indicatore I02, valore 2019: 10 → 12',
      '2020-03-02: Obiettivo pubblicato',
    ]);
    expect(index.lastChange(join(r.content, FILE))).toBe('2020-09-01');
    const published = JSON.stringify(history);
    expect(published).not.toMatch(/Maria|Gianluca|Importa|Aggiorna/);
  });

  it('words the same field change on several indicatori of one date as one line naming them', () => {
    const modifiche = [
      { tipo: 'campo', elemento: 'indicatore', id: 'I01', campo: 'unita_di_misura', da: null, a: 'numero' },
      { tipo: 'campo', elemento: 'indicatore', id: 'I02', campo: 'valore_raggiunto', da: 70, a: 80 },
      { tipo: 'campo', elemento: 'indicatore', id: 'I03', campo: 'unita_di_misura', da: null, a: 'numero' },
      { tipo: 'campo', elemento: 'indicatore', id: 'I04', campo: 'unita_di_misura', da: null, a: '%' },
    ] as const;
    expect(righe(modifiche).map(describeRiga)).toEqual([
      'Indicatori I01, I03, unità di misura: non indicato → numero',
      'Indicatore I02, valore raggiunto: 70 → 80',
      'Indicatore I04, unità di misura: non indicato → %',
    ]);
  });

  it('leaves out commits that change no data and does not date the last update by them', () => {
    const r = attesoChanged(60, '2020-04-02T09:00:00Z');
    // Formatting only: a comment, the importer's fingerprint, flow style, quoting, re-wrapped text.
    const path = join(r.content, FILE);
    const source = readFileSync(path, 'utf8')
      .replace('---\n', '---\n# importato da x.txt — impronta sha256:abc\n')
      .replace('stato: In Corso', 'stato: "In Corso"   # commento')
      .replace('storico: { 2019: 10 }', 'storico:\n      2019: 10')
      .replace('Comprende:\n', 'Comprende:\n\n');
    writeFileSync(path, source);
    r.commit('Formattazione', '2020-05-02T09:00:00Z');

    const index = historyIndex(r.content);
    expect(words(index.get(path))).toEqual([
      '2020-04-02: Indicatore I02, valore atteso: 50 → 60',
      '2020-03-02: Obiettivo pubblicato',
    ]);
    expect(index.lastChange(path)).toBe('2020-04-02');
  });

  it('names added and removed fasi, long texts without quoting them, and null values in words', () => {
    const r = imported();
    const path = join(r.content, FILE);
    const source = readFileSync(path, 'utf8');
    const f05 = source.indexOf('  - id: F05');
    const indicatori = source.indexOf('indicatori:');
    writeFileSync(
      path,
      (source.slice(0, f05) + source.slice(indicatori))
        .replace('valore_atteso: 50', 'valore_atteso: null')
        .replace(
          /titolo: Programmare[^\n]*/,
          'titolo: Un titolo nuovo e molto più lungo di sessanta caratteri, scritto per la prova',
        ),
    );
    r.commit('Modifiche', '2020-06-02T09:00:00Z');

    expect(words(historyIndex(r.content).get(path))[0]).toBe(
      '2020-06-02: Titolo: testo modificato; Fase F05 eliminata; Indicatore I02, valore atteso: 50 → non indicato',
    );
  });

  it('follows a renamed file back to its first commit', () => {
    const r = attesoChanged(55, '2020-04-02T09:00:00Z');
    renameSync(join(r.content, FILE), join(r.content, 'obiettivi/2020/a01-01.md'));
    r.commit('Rinomina', '2020-05-02T09:00:00Z');

    const history = historyIndex(r.content).get(join(r.content, 'obiettivi/2020/a01-01.md'));
    expect(words(history)).toEqual([
      '2020-04-02: Indicatore I02, valore atteso: 50 → 55',
      '2020-03-02: Obiettivo pubblicato',
    ]);
  });

  it('reports a partial history in a shallow clone instead of failing', () => {
    const r = attesoChanged(60, '2020-07-15T11:30:00Z');
    const clone = tempDir('peg-shallow-');
    execFileSync('git', ['clone', '--quiet', '--depth=1', `file://${r.root}`, clone]);

    const index = historyIndex(join(clone, 'content'));
    expect(index.status).toBe('parziale');
    expect(words(index.get(join(clone, 'content', FILE)))).toEqual([
      '2020-07-15: Prima versione nella parte di cronologia disponibile',
    ]);
  });

  it('reports no history outside a git repository and for files never committed', () => {
    const dir = copyFolder('tests/fixtures/content/editor');
    const index = historyIndex(dir);
    expect(index.status).toBe('non-disponibile');
    expect(index.get(join(dir, FILE))).toEqual({ giorni: [] });
    expect(index.lastChange(join(dir, FILE))).toBeNull();

    const r = imported();
    expect(historyIndex(r.content).get(join(r.content, 'obiettivi/2020/b01-00.md')).giorni).toEqual([]);
  });
});
