/**
 * npm run modello-xlsx [-- <file.xlsx>] [--anno <anno>]
 * Writes the empty workbook for an office starting from a spreadsheet (src/lib/outputs/xlsx.ts).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { esempioObiettivo } from '../src/lib/editor/modello-xlsx';
import { modelloXlsx } from '../src/lib/outputs/xlsx';
import { DupSchema } from '../src/schemas/dup';
import { EnteSchema } from '../src/schemas/ente';
import { load as loadYaml } from 'js-yaml';
import { readFileSync } from 'node:fs';

const HELP = `Uso: npm run modello-xlsx [-- <file.xlsx>] [--anno <anno>]

Scrive una cartella di lavoro Excel vuota per compilare gli obiettivi in un foglio di calcolo:
i fogli obiettivi, fasi, indicatori e testi con le colonne del sito, una riga di esempio da
sostituire, gli elenchi a discesa per tipo (da content/ente.yaml) e direzione, e il foglio
«colonne» che spiega ogni colonna. Poi: npm run import -- <file.xlsx> --out content/obiettivi

  <file.xlsx>     dove scriverla (predefinito: modello-obiettivi.xlsx); non sovrascrive un file esistente
  --anno <anno>   anno dell'obiettivo di esempio (predefinito: l'anno in corso)`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { anno: { type: 'string' }, help: { type: 'boolean', default: false } },
    });
  } catch (error) {
    console.error(`errore  ${(error as Error).message}\n\n${HELP}`);
    return 1;
  }
  if (parsed.values.help) {
    console.log(HELP);
    return 0;
  }
  const file = parsed.positionals[0] ?? 'modello-obiettivi.xlsx';
  if (existsSync(file)) {
    console.error(`errore  ${file} esiste già: indica un altro nome o cancellalo`);
    return 1;
  }
  const anno = Number(parsed.values.anno ?? new Date().getFullYear());
  if (!Number.isInteger(anno) || anno < 2000 || anno > 2100) {
    console.error(`errore  --anno ${parsed.values.anno}: scrivi un anno tra 2000 e 2100`);
    return 1;
  }
  const contentDir = process.env.PEG_CONTENT_DIR ?? 'content';
  let ente, dup;
  try {
    ente = EnteSchema.parse(loadYaml(readFileSync(join(contentDir, 'ente.yaml'), 'utf8')));
    dup = DupSchema.parse(loadYaml(readFileSync(join(contentDir, 'dup.yaml'), 'utf8')) ?? { mandati: [] });
  } catch {
    console.error(
      `errore  ${contentDir}/ente.yaml o dup.yaml mancano o non sono validi: controlla con npm run validate`,
    );
    return 1;
  }
  writeFileSync(file, await modelloXlsx(ente, esempioObiettivo(ente, dup, anno)));
  console.log(`Scritto ${file}: compila i fogli e importa con npm run import -- ${file} --out ${contentDir}/obiettivi`);
  return 0;
}

process.exitCode = await main();
