import { describe, expect, it } from 'vitest';
import { pageType } from '../../../src/lib/dev/bench/dist-stats';
import { measure } from '../../../src/lib/dev/bench/measure';
import { renderSecondsByType } from '../../../src/lib/dev/bench/render-log';

describe('measure', () => {
  it('sees the memory and CPU time of a grandchild process', async () => {
    // sh → node: the allocation happens one level below the command measure() starts.
    // Busy until it has used 400 ms of CPU, however loaded the machine is.
    const script =
      'const b = Buffer.alloc(300 * 2 ** 20, 1); let x = 0; ' +
      'for (;;) { for (let i = 0; i < 1e6; i++) x += b[i]; const u = process.cpuUsage(); if (u.user + u.system >= 4e5) break; } ' +
      'console.log(x > 0)';
    const run = await measure('sh', ['-c', `"${process.execPath}" -e "${script}"`]);
    expect(run.status).toBe(0);
    expect(run.output).toContain('true');
    expect(run.peakRssMb).toBeGreaterThan(300);
    expect(run.peakRssMb).toBeLessThan(1000);
    expect(run.cpuSeconds).toBeGreaterThanOrEqual(0.4);
    expect(run.seconds).toBeGreaterThanOrEqual(0.4);
  });

  it('reports the exit status of a failing command', async () => {
    expect((await measure('sh', ['-c', 'exit 3'])).status).toBe(3);
  });
});

describe('pageType', () => {
  it.each([
    ['/', 'home'],
    ['/obiettivi/2020/', 'anno'],
    ['/obiettivi/2020/a01-00/', 'obiettivo'],
    ['/responsabili/caruso-gianluca/', 'responsabili'],
    ['/cerca/', 'cerca'],
  ])('files %s under %s', (path, type) => {
    expect(pageType(path)).toBe(type);
  });
});

describe('renderSecondsByType', () => {
  it('sums Astro per-route render times by page type', () => {
    const log = [
      '14:39:44   ├─ /obiettivi/2021/f03-00/index.html (+7ms) ',
      '14:39:44   ├─ /obiettivi/2021/g00-00/index.html (+1.50s) ',
      '14:39:44   └─ /obiettivi/2021/index.html (+20ms) ',
      '14:39:47   ├─ /opendata/obiettivi/2016_C03_00.json (+5ms) ',
      '14:39:42   ├─ /404.html',
    ].join('\n');
    expect(renderSecondsByType(log)).toEqual({ obiettivo: 1.51, anno: 0.02, 'opendata (file)': 0.01 });
  });
});
