/**
 * npm run bench [-- --sizes 100,1000,10000]
 * Measures validation, cold and warm `npm run build` (phase by phase) and the template-string floor for
 * generated content of each size; writes bench/results.json and the tables of docs/benchmarks.md. Logic: src/lib/dev/bench/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { benchSize } from '../src/lib/dev/bench/run';
import { phaseTable } from '../src/lib/dev/bench/phases';
import { markdownTable, renderTable, weightTable, type BenchRow } from '../src/lib/dev/bench/report';

const DOC = 'docs/benchmarks.md';
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

function parseSizes(argv: string[]): number[] {
  const i = argv.indexOf('--sizes');
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length);
  if (i >= 0 && raw === undefined) throw new Error('--sizes needs a value, e.g. --sizes 100,1000');
  const sizes = (raw ?? '100,1000,10000').split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--sizes must be positive integers, not ${raw}`);
  return sizes;
}

async function main() {
  const sizes = parseSizes(process.argv.slice(2));
  const rows: BenchRow[] = [];
  for (const size of sizes) {
    rows.push(await benchSize(size, (line) => console.log(line)));
    console.log(JSON.stringify(rows.at(-1)));
  }
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify(rows, null, 2)}\n`);
  const largest = rows.at(-1)!;
  const size = largest.objectives.toLocaleString('en-US');
  const tables = [
    START,
    markdownTable(rows),
    `\nWeight per page type (${size} objectives):\n`,
    weightTable(largest),
    `\nRendering time by page type in the warm build (${size} objectives; Astro's per-route timings, summed):\n`,
    renderTable(largest),
    `\nPhases of \`npm run build\` (${size} objectives; see "How phases are reported" above):\n`,
    phaseTable([
      {
        title: 'warm',
        rows: largest.phases_warm,
        total: { seconds: largest.build_s, cpuSeconds: largest.build_cpu_s },
      },
      {
        title: 'cold',
        rows: largest.phases_cold,
        total: { seconds: largest.cold_build_s, cpuSeconds: largest.cold_build_cpu_s },
      },
    ]),
    END,
  ].join('\n');
  let doc: string;
  try {
    doc = readFileSync(DOC, 'utf8');
  } catch {
    doc = `# Benchmarks\n\n${START}\n${END}\n`;
  }
  writeFileSync(DOC, doc.replace(new RegExp(`${START}[\\s\\S]*${END}`), tables));
  console.log(markdownTable(rows));
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
