import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { load as loadYaml } from 'js-yaml';
import { parseObiettivo } from '../content/load';
import { DupSchema, type Dup } from '../../schemas/dup';
import { TIPI_INDICATORE_BASE } from '../../schemas/indicatore';
import { ObiettivoSchema } from '../../schemas/obiettivo';
import { buildObjective, type BuiltObjective } from './build';
import { formatDiagnostic, type Diagnostic } from './diagnostics';
import { JOURNAL, recover, STAGING_DIR } from './commit';
import { mergeDup, updateDupText } from './dup';
import { decodeExport } from './encoding';
import { planFile, type PlannedFile } from './files';
import { checkOutDir } from './out-dir';
import { parseExport } from './parse';
import { serializeObjective } from './serialize';
import { carriesData } from './values';
import { writePlanned } from './write';

/**
 * `npm run import`: export → objectives in memory → schema check → planned files → writes.
 * Nothing is written when anything fails (an error, a data line not placed, an edited file).
 */
export interface ImportOptions {
  /** Path of the export as the editor typed it (used in messages). */
  exportPath: string;
  /** Folder of the objectives (`content/obiettivi`); files go to `<out>/<anno>/<slug>.md`. */
  outDir: string;
  force: boolean;
}

export interface ImportResult {
  /** 0 written, 1 refused (export or edited files), 2 wrong command line (--out). */
  exitCode: 0 | 1 | 2;
  /** What to print, line by line (Italian, for editors). */
  output: string[];
}

const DUP_HEADER = '# Gerarchia del DUP: mandato → missione → programma. Schema: src/schemas/dup.ts\n';

/**
 * What every import does first: checks --out and finishes (or discards) an import killed while writing,
 * even if this export is unreadable. Returns the content folder and the lines printed so far, or the
 * result to return at once.
 */
export function startImport(options: ImportOptions): { contentDir: string; out: string[] } | ImportResult {
  const out: string[] = [];
  const wrongOut = checkOutDir(options.outDir);
  if (wrongOut) return { exitCode: 2, output: [`errore  ${wrongOut}`] };
  const contentDir = dirname(resolve(options.outDir));
  let recovered: ReturnType<typeof recover>;
  try {
    recovered = recover(contentDir);
  } catch {
    return {
      exitCode: 1,
      output: [
        `${join(contentDir, STAGING_DIR, JOURNAL)}  errore  il giornale dell’importazione interrotta non si legge: ripristina content/ da git (git checkout -- content) e cancella la cartella ${STAGING_DIR}`,
      ],
    };
  }
  if (recovered === 'completata')
    out.push(
      `avviso  l’importazione precedente era stata interrotta dopo la conferma: completata (i suoi file sono ora tutti al loro posto)`,
    );
  else if (recovered === 'annullata')
    out.push(
      `avviso  l’importazione precedente era stata interrotta prima della conferma: annullata, i file sono quelli di prima`,
    );
  return { contentDir, out };
}

export function runImport(options: ImportOptions): ImportResult {
  const source = options.exportPath;
  const started = startImport(options);
  if ('exitCode' in started) return started;
  const { contentDir, out } = started;
  let bytes: Buffer;
  try {
    bytes = readFileSync(source);
  } catch {
    return {
      exitCode: 1,
      output: [...out, `${source}  errore  non riesco a leggere il file dell’export (esiste? è un file di testo?)`],
    };
  }
  const decoded = decodeExport(bytes);
  if (!('text' in decoded))
    return { exitCode: 1, output: [...out, `${source}:${decoded.line}  errore  ${decoded.message}`] };
  const { text } = decoded;
  const parsed = parseExport(text, readTipi(contentDir));
  const { diagnostics } = parsed;
  const built = parsed.obiettivi
    .map((obiettivo) => buildObjective(obiettivo, diagnostics))
    .filter((b): b is BuiltObjective => !!b);
  const dupPath = join(contentDir, 'dup.yaml');
  const existingDup = readDup(dupPath, out);
  const merged = existingDup ? mergeDup(existingDup.dup, parsed.obiettivi, diagnostics) : undefined;

  const unplaced = parsed.placement.unplacedLines(parsed.lines);
  const unplacedMessages: Diagnostic[] = unplaced.map((line) =>
    carriesData(line.text)
      ? {
          line: line.number,
          level: 'errore',
          message: `riga con dati non collocata: «${line.text.replaceAll('\t', '⇥')}»`,
        }
      : { line: line.number, level: 'avviso', message: `riga non collocata: «${line.text}»` },
  );
  const all = [...diagnostics.items, ...unplacedMessages].sort((a, b) => a.line - b.line);
  const section = (title: string, level: Diagnostic['level']) => {
    const items = all.filter((item) => item.level === level);
    if (items.length === 0) return;
    out.push(`${title} (${items.length}):`);
    for (const item of items) out.push(`  ${formatDiagnostic(source, item)}`);
  };
  out.unshift(`Importazione di ${source} in ${options.outDir}`);
  section('Valori dedotti, da confermare', 'dedotto');
  section('Avvisi', 'avviso');
  section('Errori', 'errore');

  const fasi = built.reduce((sum, b) => sum + b.data.fasi!.length, 0);
  const indicatori = built.reduce((sum, b) => sum + b.data.indicatori!.length, 0);
  const paragraphs = built.reduce((sum, b) => sum + b.paragraphs, 0);
  out.push(
    `Riepilogo: ${built.length} obiettivi, ${fasi} fasi, ${indicatori} indicatori, ${paragraphs} paragrafi narrativi; ` +
      `righe non collocate: ${unplaced.length} (con dati: ${unplacedMessages.filter((m) => m.level === 'errore').length})`,
  );
  out.push(
    'Completezza: l’export non dichiara quanti obiettivi, fasi o indicatori contiene e non ha una riga finale; ' +
      'controllati: intestazione e collegamento al DUP di ogni obiettivo, date previste ed effettive e peso di ogni fase, ' +
      'tutte le celle di ogni riga, righe ripetute, pesi delle fasi che sommano a 100 (se non tornano nell’ultimo obiettivo, l’import si ferma: ' +
      'export troncato). Un testo narrativo tagliato a metà non si può riconoscere.',
  );
  const errors = all.filter((item) => item.level === 'errore').length;
  if (errors > 0 || !merged) {
    out.push(
      `✖ ${errors || 1} ${errors <= 1 ? 'errore' : 'errori'}: nessun file scritto. Correggi l’export (o il file indicato) e riprova.`,
    );
    return { exitCode: 1, output: out };
  }

  const exportName = basename(source);
  const planned: PlannedFile[] = built.map((objective) => {
    const fileText = serializeObjective(objective, exportName);
    assertRoundTrip(objective, fileText);
    return planFile(join(options.outDir, String(objective.anno), `${objective.slug}.md`), fileText, options.force);
  });
  if (merged.added.length > 0) {
    planned.push({
      path: relative(process.cwd(), dupPath) || dupPath,
      text: updateDupText(existingDup!.text, merged.dup, DUP_HEADER),
      action: existsSync(dupPath) ? 'aggiornato' : 'nuovo',
    });
  }
  if (!writePlanned(contentDir, planned, out)) return { exitCode: 1, output: out };
  const count = (action: PlannedFile['action']) =>
    planned.slice(0, built.length).filter((file) => file.action === action).length;
  out.push(
    `File degli obiettivi: ${count('nuovo')} nuovi, ${count('aggiornato')} aggiornati, ${count('invariato')} invariati, ${count('sovrascritto')} sovrascritti con --force` +
      (merged.added.length > 0 ? `; dup.yaml: aggiunti ${merged.added.join(', ')}` : '; dup.yaml invariato'),
  );
  return { exitCode: 0, output: out };
}

export function readTipi(contentDir: string): readonly string[] {
  try {
    const ente = loadYaml(readFileSync(join(contentDir, 'ente.yaml'), 'utf8')) as { tipi_indicatore?: unknown };
    const tipi = ente?.tipi_indicatore;
    if (Array.isArray(tipi) && tipi.every((tipo) => typeof tipo === 'string')) return tipi;
  } catch {
    // No ente.yaml next to the output folder: the base types apply.
  }
  return TIPI_INDICATORE_BASE;
}

/** The existing dup.yaml (or an empty hierarchy) and its text, edited in place on rewrite. */
function readDup(path: string, out: string[]): { dup: Dup; text: string | undefined } | undefined {
  if (!existsSync(path)) return { dup: { mandati: [] }, text: undefined };
  const text = readFileSync(path, 'utf8');
  try {
    return { dup: DupSchema.parse(loadYaml(text) ?? { mandati: [] }), text };
  } catch {
    out.push(`${path}  errore  dup.yaml non è valido: correggilo (npm run validate) prima di importare`);
    return undefined;
  }
}

/** The written text must read back as exactly the data that was checked (developer safeguard). */
function assertRoundTrip(objective: BuiltObjective, text: string): void {
  const expected = ObiettivoSchema.parse(objective.data);
  if (!isDeepStrictEqual(parseObiettivo(text).data, expected)) {
    throw new Error(`import: ${objective.codice} does not read back as written`);
  }
}
