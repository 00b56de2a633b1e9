import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validateContent } from '../../validate/validate-content';
import { distStats } from './dist-stats';
import { measure, type Measured } from './measure';
import { parsePhases, phaseRows } from './phases';
import { renderSecondsByType } from './render-log';
import type { BenchRow } from './report';

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const node = resolve('node_modules/.bin/node');
const tsx = resolve('node_modules/.bin/tsx');

function check(step: string, run: Measured): Measured {
  if (run.status !== 0) throw new Error(`bench: ${step} failed (exit ${run.status})\n${run.output.slice(-4000)}`);
  return run;
}

/** Generates, validates, builds cold and warm, and renders the floor for one size; cleans up after itself. */
export async function benchSize(objectives: number, log: (line: string) => void): Promise<BenchRow> {
  const work = mkdtempSync(join(tmpdir(), `peg-bench-${objectives}-`));
  const content = join(work, 'content');
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    PEG_CONTENT_DIR: content,
    PEG_OUT_DIR: join(work, 'dist'),
    // A cache folder of its own: the cold build starts empty, the warm build finds what the cold one left.
    PEG_CACHE_DIR: join(work, 'cache'),
  };
  try {
    log(`${objectives}: genero i contenuti`);
    check(
      'generate',
      await measure(tsx, ['scripts/generate-content.ts', '--count', String(objectives), '--out', content], env),
    );

    log(`${objectives}: valido`);
    const load = loadavg()[0]!;
    const started = performance.now();
    const cpu = process.cpuUsage();
    // As `npm run validate` runs it: on every core.
    const report = await validateContent(content, { parallel: true });
    const validate_s = (performance.now() - started) / 1000;
    const validateCpu = process.cpuUsage(cpu);
    const errors = report.problems.filter((p) => p.level === 'errore');
    if (errors.length > 0)
      throw new Error(`bench: generated content has ${errors.length} errors, first: ${errors[0]!.message}`);

    // What `npm run build` runs (scripts/build.ts), each phase timed into a file of its own.
    const build = async (step: string, phasesFile: string) => {
      const run = check(step, await measure(tsx, ['scripts/build.ts'], { ...env, PEG_PHASES_FILE: phasesFile }));
      return { run, phases: phaseRows(parsePhases(readFileSync(phasesFile, 'utf8'))) };
    };
    log(`${objectives}: build a freddo`);
    const cold = await build('cold build', join(work, 'phases-cold.jsonl'));
    log(`${objectives}: build con la cache (${cold.run.seconds.toFixed(1)} s a freddo)`);
    const warm = await build('warm build', join(work, 'phases-warm.jsonl'));
    const stats = distStats(env.PEG_OUT_DIR);

    log(`${objectives}: floor`);
    const floor = check('floor', await measure(node, ['scripts/bench/floor.ts', content, join(work, 'floor')], env));

    return {
      objectives,
      pages: stats.htmlPages,
      validate_s: round(validate_s),
      build_s: round(warm.run.seconds),
      cold_build_s: round(cold.run.seconds),
      floor_s: round(floor.seconds),
      ratio: round(warm.run.seconds / floor.seconds),
      validate_cpu_s: round((validateCpu.user + validateCpu.system) / 1e6),
      build_cpu_s: round(warm.run.cpuSeconds),
      cold_build_cpu_s: round(cold.run.cpuSeconds),
      floor_cpu_s: round(floor.cpuSeconds),
      cpu_ratio: round(warm.run.cpuSeconds / floor.cpuSeconds),
      load_avg: round(load),
      pages_per_s: round(stats.htmlPages / warm.run.seconds, 0),
      peak_rss_mb: round(warm.run.peakRssMb, 0),
      cold_peak_rss_mb: round(cold.run.peakRssMb, 0),
      dist_mb: round(stats.bytes / 2 ** 20),
      weight: stats.weight,
      render_s_by_type: renderSecondsByType(warm.run.output),
      phases_warm: warm.phases,
      phases_cold: cold.phases,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
