import { hash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Obiettivo } from '../../schemas/obiettivo';

/**
 * Objectives the validator has already parsed, for the build's later reads of content/ (`astro build`'s
 * and the reconciliation's, src/lib/build/run.ts): keyed by
 * the SHA-256 of the front matter's exact text, so a file edited since validation misses and is parsed
 * afresh. Each value is what ObiettivoSchema made of that text: the same js-yaml and the same schema as
 * loadContent, so reusing it changes nothing but the CPU spent.
 */
export type ValidatedObjectives = ReadonlyMap<string, Obiettivo>;

/** Key of the front matter `yaml`, as the validator splits it (src/lib/validate/frontmatter.ts). */
export function frontMatterKey(yaml: string): string {
  return hash('sha256', yaml);
}

/**
 * The validated data for the front matter `region` as gray-matter hands it to its YAML engine, if any.
 * gray-matter's region starts after the opening `---` and stops before the `\n` of the closing one; the
 * validator's starts on the next line and keeps that `\n`. The two are the same text, so js-yaml reads
 * them the same, only when the opening line is exactly `---` (the region starts with `\n`) and the last
 * line is not blank (js-yaml ignores one final newline, but a blank last line counts for a `|+` block). A
 * region that does not match these rules, or was never validated, is undefined: parsed afresh.
 */
export function validatedData(region: string, validated: ValidatedObjectives): Obiettivo | undefined {
  if (!region.startsWith('\n') || !/\S$/.test(region)) return undefined;
  return validated.get(frontMatterKey(`${region.slice(1)}\n`));
}

/**
 * Names the file in which `npm run build` hands the validated objectives to its `astro build` process
 * (build-read.ts), so the pages' read of content/ does not parse them a third time.
 */
export const VALIDATED_FILE_ENV = 'PEG_VALIDATED_FILE';

/**
 * Runs `use` with the path of a file for the validated objectives, in a temporary folder removed when `use`
 * is done. The build's validation writes it (src/lib/build/validation.ts); `astro build` and the
 * reconciliation read it.
 */
export async function withValidatedFile<T>(use: (path: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'peg-validated-'));
  try {
    return await use(join(dir, 'obiettivi.v8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes `validated` at `path`. V8's serialization keeps the Date values that a JSON file would not. */
export function writeValidated(path: string, validated: ValidatedObjectives): void {
  writeFileSync(path, serialize(validated));
}

/** What writeValidated wrote at `path`; undefined when it cannot be read: content/ is then parsed in full. */
export function readValidated(path: string | undefined): ValidatedObjectives | undefined {
  if (!path) return undefined;
  try {
    const value: unknown = deserialize(readFileSync(path));
    return value instanceof Map ? (value as ValidatedObjectives) : undefined;
  } catch {
    return undefined;
  }
}
