/**
 * npm run build: validate, build into <out>.staging, sitemap and search index, reconcile with
 * content/, then replace the output folder (PEG_OUT_DIR or dist) in one swap. Logic: src/lib/build/.
 */
import { runBuild } from '../src/lib/build/run';

try {
  process.exitCode = await runBuild(process.env, (line) => process.stdout.write(`${line}\n`));
} catch (error) {
  process.stderr.write(`build: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
