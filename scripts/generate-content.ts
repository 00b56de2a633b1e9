/**
 * npm run generate -- --count N --out DIR [--seed S]
 * Writes a complete, valid content folder of N synthetic objectives (src/lib/dev/generate.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateContent } from '../src/lib/dev/generate';

try {
  const { values } = parseArgs({
    options: { count: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!values.out || !Number.isInteger(count) || count < 0 || !Number.isInteger(seed))
    throw new Error('usage: generate-content --count N --out DIR [--seed S] (N and S integers)');
  let written = 0;
  for (const file of generateContent({ count, seed })) {
    const path = join(values.out, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
    written++;
  }
  process.stdout.write(`${written} file scritti in ${values.out} (${count} obiettivi, seme ${seed})\n`);
} catch (error) {
  process.stderr.write(`generate-content: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
