import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('VS Code set-up for editors', () => {
  it('gives ente.yaml, dup.yaml and the performance files their JSON Schemas', () => {
    const schemas = read('.vscode/settings.json')['yaml.schemas'] as Record<string, string>;
    expect(schemas).toEqual({
      './schema/ente.schema.json': 'content/ente.yaml',
      './schema/dup.schema.json': 'content/dup.yaml',
      './schema/performance-anno.schema.json': 'content/performance/[0-9][0-9][0-9][0-9].yaml',
      './schema/sistema.schema.json': 'content/performance/sistema.yaml',
    });
    for (const [schema, file] of Object.entries(schemas)) {
      expect(existsSync(schema)).toBe(true);
      // The per-year pattern must match the shipped year.
      expect(existsSync(file.replace('[0-9][0-9][0-9][0-9]', '2020'))).toBe(true);
    }
  });

  it('recommends the YAML and remark extensions that read those settings', () => {
    expect(read('.vscode/extensions.json').recommendations).toEqual(['redhat.vscode-yaml', 'unifiedjs.vscode-remark']);
  });

  it('turns validator lines into problems on the right file, line and column', () => {
    const [errors, warnings] = read('.vscode/tasks.json').tasks[0].problemMatcher.map(
      (matcher: { severity: string; pattern: { regexp: string } }) => new RegExp(matcher.pattern.regexp),
    );
    const line =
      'content/obiettivi/2020/a01-00.md:14:12  errore  fasi.[3].peso: i decimali si separano con il punto: scrivi 12.5  [numero]';
    expect(errors.exec(line)?.slice(1)).toEqual([
      'content/obiettivi/2020/a01-00.md',
      '14',
      '12',
      'fasi.[3].peso: i decimali si separano con il punto: scrivi 12.5',
      'numero',
    ]);
    expect(warnings.exec(line)).toBeNull();
    expect(warnings.exec(line.replace('errore', 'avviso'))?.[4]).toBe(
      'fasi.[3].peso: i decimali si separano con il punto: scrivi 12.5',
    );
    expect(errors.exec('✖ 1 errore in 1 file. Correggi i file indicati')).toBeNull();
  });
});
