/**
 * npm run nuovo -- <codice> [--content <cartella>]
 * Writes the skeleton of a new objective (src/lib/editor/scaffold.ts) in the right folder; never overwrites.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ScaffoldError, scaffoldObiettivo } from '../src/lib/editor/scaffold';

/** Paths inside the project are shown relative to it, as the editor sees them in VS Code. */
const shown = (path: string) => (relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path));

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({ allowPositionals: true, options: { content: { type: 'string' } } });
} catch (error) {
  fail(`opzione non riconosciuta (${(error as Error).message}). Uso: npm run nuovo -- 2021_B03_00`);
}
const [codice, ...extra] = args.positionals;
if (!codice || extra.length > 0) fail('indica un solo codice. Uso: npm run nuovo -- 2021_B03_00');

const contentDir = args.values.content ?? process.env.PEG_CONTENT_DIR ?? 'content';
try {
  const { file, source } = scaffoldObiettivo(codice);
  const path = join(contentDir, file);
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, source, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    fail(`${shown(path)} esiste già: non lo sovrascrivo. Modificalo direttamente oppure scegli un altro codice.`);
  }
  console.log(`✔ creato ${shown(path)}`);
  console.log('  Compila i campi segnati «da compilare», poi controlla con: npm run validate');
} catch (error) {
  if (error instanceof ScaffoldError) fail(error.message);
  throw error;
}
