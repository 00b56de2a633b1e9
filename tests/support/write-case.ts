/**
 * Writes one validator case as a real content folder, to look at it or run the validator on it:
 *   npx tsx tests/support/write-case.ts pesi-fasi /tmp/pesi-fasi
 *   npm run validate -- --content /tmp/pesi-fasi
 */
import { existsSync } from 'node:fs';
import { caseNames, writeCase } from './fixtures';

const [name, dir] = process.argv.slice(2);
if (!name || !dir || !caseNames().includes(name) || existsSync(dir)) {
  console.error(`usage: npx tsx tests/support/write-case.ts <case> <new folder>\ncases: ${caseNames().join(', ')}`);
  process.exit(2);
}
await writeCase(name, dir);
console.log(`${name} → ${dir}`);
