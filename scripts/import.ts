/**
 * npm run import -- <export.txt> --out <cartella> [--force]
 * Only reads the arguments; the import itself is src/lib/import/run.ts.
 */
import { parseArgs } from 'node:util';
import { runImport } from '../src/lib/import/run';
import { runXlsxImport } from '../src/lib/import/xlsx';

const HELP = `Uso: npm run import -- <export.txt | obiettivi.xlsx> --out <cartella> [--force]

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
degli obiettivi). I file si scrivono tutti o nessuno: se il comando si interrompe, ripetilo uguale.`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`errore  ${(error as Error).message}\n\n${HELP}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length !== 1 || !values.out) {
    console.error(`errore  indica un solo file di export e la cartella con --out\n\n${HELP}`);
    return 1;
  }
  const options = { exportPath: positionals[0]!, outDir: values.out, force: values.force };
  const result = /\.xlsx$/i.test(options.exportPath) ? await runXlsxImport(options) : runImport(options);
  (result.exitCode === 0 ? console.log : console.error)(result.output.join('\n'));
  return result.exitCode;
}

process.exitCode = await main();
