import { hash } from 'node:crypto';
import type { Obiettivo } from '../../schemas/obiettivo';

/**
 * Objectives the validator has already parsed, for the build's last read of content/ (run.ts): keyed by
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
