import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaffoldObiettivo } from '../../src/lib/editor/scaffold';
import {
  centroUrl,
  dupUrl,
  objectiveDataUrl,
  objectiveSourcePath,
  objectiveUrl,
  overviewPath,
  personaUrl,
  yearUrl,
} from '../../src/lib/routes';

describe('routes', () => {
  it('builds the public addresses of docs/contract.md §3', () => {
    expect(objectiveUrl({ codice: '2020_A01_00', anno: 2020 })).toBe('/obiettivi/2020/a01-00/');
    expect(yearUrl(2021)).toBe('/obiettivi/2021/');
    expect(centroUrl('Settore Risorse e Patrimonio')).toBe('/centri-di-responsabilita/settore-risorse-e-patrimonio/');
    expect(personaUrl('CARUSO  Gianluca')).toBe('/responsabili/caruso-gianluca/');
    expect(dupUrl('DUP_10_0101')).toBe('/dup/DUP_10_0101/');
    expect(objectiveDataUrl('2020_A01_00', 'csv')).toBe('/opendata/obiettivi/2020_A01_00.csv');
  });

  it('puts the latest year on the home page and earlier years under /panoramica/', () => {
    expect(overviewPath(2021, [2021, 2020])).toBe('/');
    expect(overviewPath(2020, [2021, 2020])).toBe('/panoramica/2020/');
  });

  it('gives the source path the scaffold writes', () => {
    expect(objectiveSourcePath({ codice: '2021_B03_00', anno: 2021 })).toBe('obiettivi/2021/b03-00.md');
    expect(scaffoldObiettivo('2021_B03_00').file).toBe(objectiveSourcePath({ codice: '2021_B03_00', anno: 2021 }));
  });

  it('is the only place that writes an objective or year address: pages and components ask it', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|astro)$/.test(f));
    const inline = files.filter(
      (file) =>
        !['lib/routes.ts', join('lib', 'build', 'reconcile.ts')].includes(file) &&
        /[`'"]\/obiettivi\/\$\{/.test(readFileSync(join('src', file), 'utf8')),
    );
    expect(inline).toEqual([]);
  });
});
