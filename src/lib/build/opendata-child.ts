import { closeBuildRead, openBuildRead } from '../content/build-read';
import { writeOpenData } from '../outputs/opendata/integration';
import { timePhase } from './phases';
import type { OpenDataReply } from './opendata';

// The open data of a large site, written after `astro build` has exited (./opendata.ts says why). The
// phase is timed here: the parent cannot split this process's CPU.
const [outDir, contentDir] = process.argv.slice(2) as [string, string];
// A build killed closes the channel: stop writing into a staging folder the next build clears anyway.
const orphaned = () => process.exit(1);
process.once('disconnect', orphaned);
let reply: OpenDataReply;
// Open, the build's read of content/ takes the validator's parse (content/build-read.ts).
openBuildRead();
try {
  reply = { written: await timePhase('dati aperti', () => writeOpenData(outDir, contentDir)) };
} catch (error) {
  reply = { error: error instanceof Error ? error.message : String(error) };
} finally {
  closeBuildRead();
}
await new Promise<void>((done) => process.send!(reply, () => done()));
process.off('disconnect', orphaned);
process.disconnect!();
