import { runValidate } from '../validate/cli';
import { writeValidated } from '../content/validated';
import type { ValidationReply } from './validation';

// The validation step of `npm run build`, in a process of its own (./validation.ts says why).
const [contentDir, dataFile] = process.argv.slice(2) as [string, string];

let reply: ValidationReply;
try {
  const { stdout, exitCode, report } = await runValidate(
    [],
    { PEG_CONTENT_DIR: contentDir },
    { parallel: true, keepData: true },
  );
  if (exitCode === 0) writeValidated(dataFile, report.validated!);
  reply = { stdout, exitCode };
} catch (error) {
  reply = { error: error instanceof Error ? error.message : String(error) };
}
process.send!(reply, () => process.disconnect!());
