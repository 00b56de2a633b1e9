import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadContent } from '../content/load';
import { readValidated, VALIDATED_FILE_ENV, withValidatedFile } from '../content/validated';
import { OPENDATA_AFTER_ASTRO_ENV } from '../outputs/opendata/integration';
import { printRelazioni, relazioniOnSite } from '../outputs/pdf';
import { astroCacheDir, beginIncrementalBuild, endIncrementalBuild } from './incremental';
import { OPENDATA_CHILD_FROM, writeOpenDataInChild } from './opendata';
import { timePhase } from './phases';
import { postbuild } from './postbuild';
import { checkpointFor, clearStaging, lockOutputWaiting, publish, recoverOutput, stagingDir } from './publish';
import { expectedFrom, reconcile } from './reconcile';
import { searchIndexLine } from './search-index';
import { startValidation } from './validation';
import { cacheWorkbookKeys } from './workbook-keys';

/**
 * `npm run build`: validate → astro build into the staging folder (then the open data, for a large site) →
 * sitemap and search index → Relazione PDFs → reconciliation with content/ → swap into the output folder.
 * The output folder changes only when every step passed; otherwise the previous site stays as it was,
 * whole. Each step is a timed phase (./phases.ts) for `npm run bench`. One build at a time per output
 * folder and per cache folder (`lockOutputWaiting`).
 */
export async function runBuild(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<number> {
  const outDir = resolve(env.PEG_OUT_DIR ?? 'dist');
  const lock = await lockOutputWaiting(outDir);
  if ('busy' in lock) {
    log(`✖ Costruzione non avviata: ${lock.busy}. ${outDir} non è stato toccato.`);
    return 1;
  }
  // Astro's cache folder too: it holds the pages of the incremental build, and two builds of different
  // content writing there at once could each store a page under the other's key (./incremental.ts).
  const cacheLock = await lockOutputWaiting(astroCacheDir(env));
  if ('busy' in cacheLock) {
    lock.release();
    log(
      `✖ Costruzione non avviata: ${cacheLock.busy} (per due costruzioni contemporanee usa una cartella di cache per ciascuna, PEG_CACHE_DIR). ${outDir} non è stato toccato.`,
    );
    return 1;
  }
  try {
    return await withValidatedFile((validatedFile) => buildLocked(env, outDir, validatedFile, log));
  } finally {
    cacheLock.release();
    lock.release();
  }
}

async function buildLocked(
  env: NodeJS.ProcessEnv,
  outDir: string,
  validatedFile: string,
  log: (line: string) => void,
): Promise<number> {
  const contentDir = env.PEG_CONTENT_DIR ?? 'content';
  const staging = stagingDir(outDir);
  const checkpoint = checkpointFor(outDir, env);

  const recovered = recoverOutput(outDir);
  if (recovered) log(recovered);
  clearStaging(outDir);
  await checkpoint('inizio');

  // In a child process, which leaves the validator's parse in validatedFile and renders the share images the
  // cache lacks (./validation.ts). It times its own phases.
  const step = startValidation(contentDir, validatedFile, env);
  const validation = await step.validation.catch(async (error: unknown) => {
    await step.images;
    throw error;
  });
  log(validation.stdout);
  if (validation.exitCode !== 0) {
    await step.images;
    log(`✖ Costruzione interrotta: correggi gli errori qui sopra. ${outDir} non è stato toccato.`);
    return 1;
  }
  const images = await step.images;
  if (images?.editorError !== undefined)
    log(`Script dell’editor non preparato prima di Astro (${images.editorError}): lo prepara Astro.`);
  if (images && 'imagesError' in images)
    log(`Immagini di anteprima non generate prima di Astro (${images.imagesError}): le genera Astro.`);
  else if (images && images.images > 0)
    log(`${images.images} immagini di anteprima generate${images.workers > 0 ? ` (${images.workers} thread)` : ''}.`);
  await checkpoint('convalida');

  // A large site's open data are written after Astro, in a child (./opendata.ts). PEG_OPENDATA_CHILD_FROM
  // (tests only) moves the threshold, so a small fixture takes that path too.
  const openDataAfter = validation.obiettivi >= Number(env.PEG_OPENDATA_CHILD_FROM ?? OPENDATA_CHILD_FROM);
  beginIncrementalBuild(env);
  // The pages' read of content/ takes the validator's parse where a front matter has not changed since.
  const astro = await timePhase(
    'astro',
    () =>
      new Promise<number>((done, fail) => {
        const child = spawn(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
          env: {
            ...env,
            [VALIDATED_FILE_ENV]: validatedFile,
            PEG_OUT_DIR: staging,
            ...(openDataAfter ? { [OPENDATA_AFTER_ASTRO_ENV]: '1' } : {}),
          },
          stdio: 'inherit',
        });
        child.once('error', fail);
        child.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
      }),
  );
  if (astro === 0) endIncrementalBuild(env);
  if (astro !== 0 || !existsSync(staging)) {
    log(`✖ Astro non ha completato la costruzione (uscita ${astro}). ${outDir} non è stato toccato.`);
    return 1;
  }
  if (openDataAfter)
    try {
      const written = await writeOpenDataInChild(staging, contentDir, { ...env, [VALIDATED_FILE_ENV]: validatedFile });
      log(`${written} file di dati aperti scritti.`);
    } catch (error) {
      log(`✖ ${(error as Error).message}. ${outDir} non è stato toccato.`);
      return 1;
    }
  await checkpoint('astro');

  // PEG_SEARCH_BUNDLE_PAGES (tests only): smaller search-index bundles, so a small fixture has several.
  const bundlePages = Number(env.PEG_SEARCH_BUNDLE_PAGES) || undefined;
  const { pages, search } = await timePhase('postbuild', () => postbuild(staging, contentDir, checkpoint, bundlePages));
  log(`sitemap.xml: ${pages} pagine; ${searchIndexLine(search)}`);
  await checkpoint('postbuild');

  try {
    // The Relazioni the pages hold; content/ is read after, for the reconciliation, which checks every PDF.
    const relazioni = relazioniOnSite(staging);
    const pdfs = await timePhase('pdf', () => printRelazioni(staging, relazioni));
    const anni = relazioni.map(({ anno, parti }) => (parti === 1 ? anno : `${anno} (${parti} parti)`));
    if (pdfs.written.length > 0)
      log(
        `Relazione sulla Performance in PDF: ${anni.join(', ')}${pdfs.cached.length > 0 ? ` (dalla cache: ${pdfs.cached.join(', ')})` : ''}`,
      );
    for (const { anno, file, bytes } of pdfs.oversized)
      log(
        `⚠ ${file.slice(1)}: la Relazione sulla Performance ${anno} in PDF pesa ${(bytes / 1048576).toFixed(1)} MB, oltre i 15 MB accettati dal portale della Funzione Pubblica (un obiettivo con moltissime fasi o indicatori non si divide tra le parti): il sito la pubblica intera; per il portale va caricata divisa o quella approvata dalla Giunta (content/performance/documenti/).`,
      );
  } catch (error) {
    log(`✖ ${(error as Error).message}. ${outDir} non è stato toccato.`);
    return 1;
  }
  await checkpoint('pdf');

  // The workbooks' keys first, in a child that gives its memory back before content/ is read (./workbook-keys.ts).
  await timePhase('chiavi dei fogli di calcolo', () => cacheWorkbookKeys(staging, env));
  // content/ as it is now; front matter unchanged since validation is not parsed again (content/validated.ts).
  const expected = await timePhase('lettura dei contenuti', () =>
    expectedFrom(loadContent(contentDir, readValidated(validatedFile))),
  );
  const problems = await timePhase('riconciliazione', () => reconcile(staging, expected));
  if (problems.length > 0) {
    log(
      [
        `✖ Il sito costruito non corrisponde ai contenuti (${problems.length} ${problems.length === 1 ? 'differenza' : 'differenze'}); ${outDir} non è stato toccato, il sito incompleto è in ${staging}:`,
        ...problems.map((p) => `  - ${p}`),
      ].join('\n'),
    );
    return 1;
  }
  await checkpoint('riconciliazione');

  await timePhase('pubblicazione', () => publish(outDir, () => checkpoint('scambio')));
  log(`✔ Sito pubblicato in ${outDir}: ${pages} pagine, tutti gli obiettivi, le fasi e gli indicatori dei contenuti.`);
  return 0;
}
