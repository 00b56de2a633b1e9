import { loadEnte } from '../content/load';
import { yearsLatestFirst } from '../derived/years';
import { editorBundleFor } from '../editor/bundle';
import { writeValidated, type ValidatedObjectives } from '../content/validated';
import { renderMissingInBackground, shareImages } from '../outputs/share-image/images';
import { runValidate } from '../validate/cli';
import { timePhase } from './phases';
import type { ImagesReply, ValidationReply } from './validation';

// The validation step of `npm run build` and the share images the cache lacks, in a process of its own
// (./validation.ts says why). Its phases are timed here: the parent cannot split this process's CPU.
const [contentDir, dataFile] = process.argv.slice(2) as [string, string];
// The build that started this process closes the channel when it dies (a build killed): stop, rather than
// render images nobody waits for. The cache's writes are atomic, so stopping midway leaves nothing half-written.
const orphaned = () => process.exit(1);
process.once('disconnect', orphaned);
const send = (message: ValidationReply | ImagesReply) =>
  new Promise<void>((done) => process.send!(message, () => done()));

/** Writes the validation memo for the next build (validate/memo.ts); a failure costs that build time, nothing else. */
let saveMemo: (() => Promise<void>) | undefined;

async function validate(): Promise<ValidatedObjectives | undefined> {
  try {
    const { stdout, exitCode, report } = await timePhase('validazione', () =>
      runValidate([], { PEG_CONTENT_DIR: contentDir }, { parallel: true, keepData: true, memo: 'deferred' }),
    );
    saveMemo = report.saveMemo;
    if (exitCode === 0) writeValidated(dataFile, report.validated!);
    await send({ stdout, exitCode, obiettivi: report.obiettivi });
    return exitCode === 0 ? report.validated : undefined;
  } catch (error) {
    await send({ error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

/** Renders into the cache the share images it lacks, from the validator's parse: the same cards Astro lists. */
async function renderImages(validated: ValidatedObjectives): Promise<ImagesReply> {
  try {
    const images = shareImages({
      ente: loadEnte(contentDir),
      obiettivi: [...validated.values()].map((data) => ({ data })),
    });
    const { rendered, workers } = await timePhase('immagini di anteprima mancanti', () =>
      renderMissingInBackground(images).finish(),
    );
    return { images: rendered.size, workers };
  } catch (error) {
    return { imagesError: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Bundles the editor's script into the cache before Astro starts, with the configuration /admin/cms.js will
 * ask for: esbuild's service (≈0.4 GB) then runs here, alone, instead of beside Astro's process in the
 * middle of its render, where it made the peak of a build after a code change (docs/benchmarks.md). A
 * failure costs nothing but that: Astro bundles the script itself, and reports what goes wrong there.
 */
async function bundleEditor(validated: ValidatedObjectives): Promise<string | undefined> {
  try {
    const anni = yearsLatestFirst([...validated.values()].map((data) => data.anno));
    await timePhase('script dell’editor', () => editorBundleFor(loadEnte(contentDir), anni, true));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const validated = await validate();
if (validated) {
  const editorError = await bundleEditor(validated);
  await send({ ...(await renderImages(validated)), ...(editorError !== undefined && { editorError }) });
}
// After the images: the memo's serialized copy of every objective never sits beside the image threads.
await saveMemo?.().catch(() => {});
process.off('disconnect', orphaned);
process.disconnect!();
