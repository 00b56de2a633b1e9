import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { timePhase, type PhaseTiming } from '../../../src/lib/build/phases';
import { parsePhases, phaseLabel, phaseRows, phaseTable } from '../../../src/lib/dev/bench/phases';
import { tempDir } from '../../support/temp';

/** A timing that starts `start` ms after an arbitrary origin and lasts `seconds`. */
const at = (phase: string, start: number, seconds: number, cpuSeconds = seconds): PhaseTiming => ({
  phase,
  start: 1_700_000_000_000 + start,
  seconds,
  cpuSeconds,
});

describe('timePhase', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('writes nothing and returns the result when PEG_PHASES_FILE is not set', async () => {
    vi.stubEnv('PEG_PHASES_FILE', '');
    expect(await timePhase('x', () => 42)).toBe(42);
  });

  it('appends one line per phase, nested phases first, with the CPU of a child process it waited for', async () => {
    const file = join(tempDir('phases-'), 'phases.jsonl');
    vi.stubEnv('PEG_PHASES_FILE', file);
    // The child burns 300 ms of its own CPU: only the waited-for children's times can show it.
    const busy = 'for (;;) { const u = process.cpuUsage(); if (u.user + u.system >= 3e5) break; }';
    await timePhase('outer', async () => {
      await timePhase('inner', () => 'done');
      await new Promise((done) => spawn(process.execPath, ['-e', busy]).once('exit', done));
    });
    const [inner, outer] = parsePhases(readFileSync(file, 'utf8'));
    expect([inner!.phase, outer!.phase]).toEqual(['inner', 'outer']);
    expect(inner!.start).toBeGreaterThanOrEqual(outer!.start);
    // /proc counts children in 10 ms ticks, rounded down; the waiting parent itself uses next to nothing.
    expect(outer!.cpuSeconds).toBeGreaterThanOrEqual(0.25);
    expect(phaseRows([inner!, outer!]).map(phaseLabel)).toEqual(['outer', '↳ inner', '↳ rest of outer']);
  });

  it('records a phase that throws, and rethrows', async () => {
    const file = join(tempDir('phases-'), 'phases.jsonl');
    vi.stubEnv('PEG_PHASES_FILE', file);
    await expect(
      timePhase('broken', () => {
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(parsePhases(readFileSync(file, 'utf8')).map((t) => t.phase)).toEqual(['broken']);
  });
});

describe('parsePhases', () => {
  it('reads JSON lines and skips blank ones', () => {
    const text = `${JSON.stringify(at('a', 0, 1))}\n\n${JSON.stringify(at('b', 1000, 2))}\n`;
    expect(parsePhases(text).map((t) => t.phase)).toEqual(['a', 'b']);
  });

  it('rejects a line that is not a phase timing', () => {
    expect(() => parsePhases('{"phase":"a","seconds":1}')).toThrow('line 1 is not a phase timing');
  });
});

describe('phaseRows', () => {
  it('orders phases by start, whatever order the file has, and nests by time across processes', () => {
    // As the file is written: inner phases (the Astro child's) end, and are appended, before 'astro'.
    const timings = [
      at('validazione', 0, 1, 1.5),
      at('css', 1100, 2, 2),
      at('dati aperti', 3200, 3, 3),
      at('astro', 1000, 10, 12),
      at('sitemap', 11_100, 0.5, 0.5),
      at('postbuild', 11_000, 4, 1),
      at('pubblicazione', 15_000, 0.1, 0.1),
    ];
    expect(phaseRows(timings)).toEqual([
      { path: ['validazione'], rest: false, seconds: 1, cpuSeconds: 1.5 },
      { path: ['astro'], rest: false, seconds: 10, cpuSeconds: 12 },
      { path: ['astro', 'css'], rest: false, seconds: 2, cpuSeconds: 2 },
      { path: ['astro', 'dati aperti'], rest: false, seconds: 3, cpuSeconds: 3 },
      { path: ['astro'], rest: true, seconds: 5, cpuSeconds: 7 },
      { path: ['postbuild'], rest: false, seconds: 4, cpuSeconds: 1 },
      { path: ['postbuild', 'sitemap'], rest: false, seconds: 0.5, cpuSeconds: 0.5 },
      { path: ['postbuild'], rest: true, seconds: 3.5, cpuSeconds: 0.5 },
      { path: ['pubblicazione'], rest: false, seconds: 0.1, cpuSeconds: 0.1 },
    ]);
  });

  it('sums a repeated phase under the same parent and clamps a negative rest to zero', () => {
    const rows = phaseRows([at('pdf', 0, 1, 0.1), at('stampa', 0, 0.5, 0.2), at('stampa', 500, 0.5, 0.2)]);
    expect(rows).toEqual([
      { path: ['pdf'], rest: false, seconds: 1, cpuSeconds: 0.1 },
      { path: ['pdf', 'stampa'], rest: false, seconds: 1, cpuSeconds: 0.4 },
      { path: ['pdf'], rest: true, seconds: 0, cpuSeconds: 0 },
    ]);
  });

  it('keeps phases that only overlap as siblings', () => {
    const rows = phaseRows([at('a', 0, 2), at('b', 1000, 2)]);
    expect(rows.map(phaseLabel)).toEqual(['a', 'b']);
  });

  it('keeps a very short phase that starts as the previous one ends as its sibling', () => {
    // Both end within the clock slack of each other: only the start tells them apart.
    const rows = phaseRows([at('riconciliazione', 0, 1), at('pubblicazione', 1000, 0.0001)]);
    expect(rows.map(phaseLabel)).toEqual(['riconciliazione', 'pubblicazione']);
  });
});

describe('phaseTable', () => {
  it('puts builds side by side, places a phase only one build has, and reports time outside the phases', () => {
    const warm = phaseRows([at('validazione', 0, 1), at('astro', 1000, 10, 8)]);
    const cold = phaseRows([at('validazione', 0, 1), at('immagini', 1500, 20), at('astro', 1000, 30, 28)]);
    expect(
      phaseTable([
        { title: 'warm', rows: warm, total: { seconds: 12, cpuSeconds: 10 } },
        { title: 'cold', rows: cold, total: { seconds: 32, cpuSeconds: 30 } },
      ]).split('\n'),
    ).toEqual([
      '| phase | warm wall s | warm CPU s | cold wall s | cold CPU s |',
      '|---|---:|---:|---:|---:|',
      '| validazione | 1.00 | 1.00 | 1.00 | 1.00 |',
      '| astro | 10.00 | 8.00 | 30.00 | 28.00 |',
      '| ↳ immagini | – | – | 20.00 | 20.00 |',
      '| ↳ rest of astro | – | – | 10.00 | 8.00 |',
      '| outside the phases (start-up, imports) | 1.00 | 1.00 | 1.00 | 1.00 |',
      '| **whole build** | 12.00 | 10.00 | 32.00 | 30.00 |',
    ]);
  });
});
