import type { z } from 'astro/zod';
import { numberFindings } from './numbers';
import { dottedPath, type Finding } from './problem';
import { issuesToFindings, italianErrorMap, requiredKeys } from './schema-issues';
import { parseYaml } from './yaml';

export type ParsedFile<T> = { raw: unknown; data: T | undefined; findings: Finding[] };

function kind(value: unknown): string {
  if (value === null || value === undefined) return 'vuoti';
  if (Array.isArray(value)) return 'un elenco';
  return 'un valore singolo';
}

/**
 * Parses YAML text and checks it against a schema: the one path used for ente.yaml, dup.yaml and the
 * front matter of objectives. `data` is set only when the schema accepts the file.
 */
export function parseWithSchema<T>(yaml: string, firstLine: number, schema: z.ZodType<T>, what: string): ParsedFile<T> {
  const parsed = parseYaml(yaml, firstLine, requiredKeys(schema));
  if ('finding' in parsed) return { raw: undefined, data: undefined, findings: [parsed.finding] };
  const raw = parsed.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const finding: Finding = {
      rule: 'frontmatter',
      line: firstLine,
      col: 1,
      message: `${what} devono essere campi «chiave: valore», non ${kind(raw)}`,
    };
    return { raw, data: undefined, findings: [finding] };
  }
  // Numbers written the Italian way (`40.000` reads as 40) and empty values: errors the schema cannot see.
  const { findings: numbers, explained } = numberFindings(yaml, firstLine, schema);
  const result = schema.safeParse(raw, { error: italianErrorMap });
  if (result.success && numbers.length === 0) return { raw, data: result.data, findings: [] };
  const issues = result.success ? [] : issuesToFindings(result.error.issues, schema, raw);
  return {
    raw,
    data: undefined,
    findings: [...numbers, ...issues.filter((finding) => !explained.has(dottedPath(finding.path)))],
  };
}
