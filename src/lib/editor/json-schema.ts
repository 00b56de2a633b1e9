import { z } from 'astro/zod';
import { DupSchema } from '../../schemas/dup';
import { EnteSchema } from '../../schemas/ente';
import { TIPI_INDICATORE_BASE } from '../../schemas/indicatore';
import { ObiettivoSchema } from '../../schemas/obiettivo';
import { PerformanceAnnoSchema, SistemaSchema } from '../../schemas/performance';

/**
 * JSON Schemas for editors' tools (VS Code's YAML extension, remark-lint), generated from the Zod
 * schemas so they can never disagree with the validator. `npm run schema` writes them to schema/;
 * a unit test fails when the committed files differ from a fresh generation.
 */

type JsonSchema = Record<string, unknown>;

/** Italian message of a string's pattern, as Zod would report it, for the editor's inline error. */
function patternMessage(schema: z.core.$ZodType): string | undefined {
  // Zod 4 exposes a schema's definition on `_zod.def`: its checks carry the messages we wrote.
  const def = schema._zod.def as { error?: (issue: unknown) => unknown; checks?: z.core.$ZodCheck[] };
  const regex = def.checks?.find((check) => (check._zod.def as { format?: string }).format === 'regex');
  const error = (regex?._zod.def.error ?? def.error) as ((issue: unknown) => unknown) | undefined;
  const message = error?.({ input: '' });
  return typeof message === 'string' ? message : undefined;
}

function generate(schema: z.core.$ZodType, title: string): JsonSchema {
  const json = z.toJSONSchema(schema, {
    // Input side: keys with a default (direzione, storico …) are optional for the editor.
    io: 'input',
    // Draft 7 is the dialect every YAML editor extension understands.
    target: 'draft-7',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      // `format` (date, uri) is an assertion only with a formats plug-in, and Ajv's strict mode refuses an
      // unknown one: dates keep their pattern, URLs their type, and the validator checks the rest.
      delete (jsonSchema as JsonSchema).format;
      if (typeof jsonSchema.pattern !== 'string') return;
      const message = patternMessage(zodSchema);
      // The Italian fix rides in $comment, a standard draft-7 keyword: the files must compile in Ajv's strict
      // mode, which refuses vendor keywords such as VS Code's patternErrorMessage. Our remark lint reads it.
      if (message) (jsonSchema as JsonSchema).$comment = message;
    },
  }) as JsonSchema;
  const { $schema, ...rest } = json;
  return { $schema, title, ...rest };
}

/** Suggests the base indicator types while accepting others (ente.yaml may list more). */
function withTipoSuggestions(schema: JsonSchema): JsonSchema {
  const indicatori = (schema.properties as Record<string, JsonSchema>).indicatori;
  const tipo = ((indicatori?.items as JsonSchema)?.properties as Record<string, JsonSchema>)?.tipo;
  if (!tipo) throw new Error('json-schema: indicatori.items.properties.tipo not found');
  tipo.examples = [...TIPI_INDICATORE_BASE];
  return schema;
}

/** File name under schema/ → JSON Schema. */
export function jsonSchemas(): Record<string, JsonSchema> {
  return {
    'obiettivo.schema.json': withTipoSuggestions(
      generate(ObiettivoSchema, 'Obiettivo di PEG (front matter di content/obiettivi/<anno>/<slug>.md)'),
    ),
    'ente.schema.json': generate(EnteSchema, 'Dati dell’ente (content/ente.yaml)'),
    'dup.schema.json': generate(DupSchema, 'Gerarchia del DUP (content/dup.yaml)'),
    'performance-anno.schema.json': generate(
      PerformanceAnnoSchema,
      'Performance di un anno: piano, relazione, premi (content/performance/<anno>.yaml)',
    ),
    'sistema.schema.json': generate(
      SistemaSchema,
      'Sistema di misurazione e valutazione della Performance (content/performance/sistema.yaml)',
    ),
  };
}

/** Stable text of a schema file: two-space JSON and a final newline, as Prettier writes it. */
export function serializeSchema(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
