/**
 * npm run validate [-- --content <dir>] [-- --format json]
 * Checks content/ and prints one line per problem (docs/validazione.md). Logic: src/lib/validate/.
 */
import { runValidate } from '../src/lib/validate/cli';

try {
  const { stdout, exitCode } = await runValidate(process.argv.slice(2), process.env, { parallel: true });
  process.stdout.write(`${stdout}\n`);
  process.exitCode = exitCode;
} catch (error) {
  process.stderr.write(`validate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
