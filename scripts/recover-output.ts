/**
 * Run by `npm start` before serving: puts back the previous site if a build was killed in the
 * instant between the two renames of its publication (src/lib/build/publish.ts).
 */
import { resolve } from 'node:path';
import { recoverOutput } from '../src/lib/build/publish';

const done = recoverOutput(resolve(process.env.PEG_OUT_DIR ?? 'dist'));
if (done) process.stdout.write(`${done}\n`);
