import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The command line only reads arguments; these pin what the editor sees from it. */
function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/import.ts', ...args], {
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run import', () => {
  it('documents the output folder, dup.yaml, the fingerprint and --force in its help', () => {
    const { status, stdout } = run('--help');
    expect(status).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "Uso: npm run import -- <export.txt | obiettivi.xlsx> --out <cartella> [--force]

      Importa una "Scheda obiettivi" esportata dal software del PEG (convertita da PDF a testo),
      oppure una cartella di lavoro Excel nella forma di /opendata/obiettivi.xlsx o di npm run modello-xlsx
      (fogli obiettivi, fasi, indicatori, testi; gli errori nominano la cella, per esempio fasi!F12).

        <export.txt>      il file dell'export
        --out <cartella>  la cartella degli obiettivi: ogni obiettivo va in <cartella>/<anno>/<slug>.md
                          (2020_A01_00 → <cartella>/2020/a01-00.md). Per il sito: --out content/obiettivi
        --force           sostituisce anche i file modificati a mano dopo l'ultima importazione
        --help            mostra questo aiuto

      La gerarchia del DUP (righe "Collegato a") va in dup.yaml nella cartella che contiene <cartella>
      (per il sito content/dup.yaml): i codici nuovi si aggiungono, quelli già presenti restano come sono.
      I tipi di indicatore ammessi si leggono da ente.yaml nella stessa cartella, se c'è.

      Ogni file scritto porta in prima riga l'impronta (sha256) del testo importato: se un editor ha
      modificato il file, una nuova importazione non lo sovrascrive senza --force e mostra le differenze.
      Alla fine si stampa un riepilogo con i valori dedotti da confermare e ogni riga non collocata.
      Il file deve essere in UTF-8. Se c'è un errore, una riga con dati non collocata, una pagina ripetuta
      o l'export è troncato, non si scrive nessun file ed esce con codice 1 (2 se --out non è la cartella
      degli obiettivi). I file si scrivono tutti o nessuno: se il comando si interrompe, ripetilo uguale.
      "
    `);
  });

  it('refuses to run without an export and an output folder', () => {
    const { status, stderr } = run('scheda.txt');
    expect(status).toBe(1);
    expect(stderr.split('\n')[0]).toMatchInlineSnapshot(
      `"errore  indica un solo file di export e la cartella con --out"`,
    );
  });
});
