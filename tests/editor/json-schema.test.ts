import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import matter from 'gray-matter';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { matterOptions } from '../../src/lib/content/load';
import { jsonSchemas, serializeSchema } from '../../src/lib/editor/json-schema';
import { ObiettivoSchema } from '../../src/schemas/obiettivo';

const FIXTURE = 'tests/fixtures/content/editor';
const schemas = jsonSchemas();

/** A validator like the editors' YAML extension and our remark lint: draft 7, strict mode. */
function validator(name: string) {
  const ajv = new Ajv({ allErrors: true, strict: true });
  return ajv.compile(schemas[name]!);
}

function frontMatter(path: string) {
  return matter(readFileSync(path, 'utf8'), matterOptions).data as Record<string, unknown>;
}

describe('JSON Schemas for editors', () => {
  it.each(Object.keys(schemas))(
    'keeps the committed schema/%s equal to a fresh generation (run npm run schema)',
    (name) => {
      expect(readFileSync(`schema/${name}`, 'utf8')).toBe(serializeSchema(schemas[name]!));
    },
  );

  it.each(Object.keys(schemas))('compiles schema/%s in Ajv’s strict mode (no non-standard keyword)', (name) => {
    const committed = JSON.parse(readFileSync(`schema/${name}`, 'utf8')) as object;
    expect(() => new Ajv({ strict: true }).compile(committed)).not.toThrow();
  });

  it('accepts the content files that the Zod schemas accept', () => {
    expect(validator('obiettivo.schema.json')(frontMatter(`${FIXTURE}/obiettivi/2020/a01-00.md`))).toBe(true);
    expect(validator('ente.schema.json')(load(readFileSync(`${FIXTURE}/ente.yaml`, 'utf8')))).toBe(true);
    expect(validator('dup.schema.json')(load(readFileSync(`${FIXTURE}/dup.yaml`, 'utf8')))).toBe(true);
  });

  it('requires every key without a default, lists the direzioni and rejects misspelt keys', () => {
    const schema = schemas['obiettivo.schema.json'] as { properties: object; required: string[] };
    // Every key of the Zod schema, in its order; only the three lists default (to empty), so all else is required.
    const keys = Object.keys(ObiettivoSchema.shape);
    expect(Object.keys(schema.properties)).toEqual(keys);
    const withDefault = ['soggetti_coinvolti', 'fasi', 'indicatori'];
    expect(schema.required).toEqual(keys.filter((key) => !withDefault.includes(key)));
    const data = frontMatter(`${FIXTURE}/obiettivi/2020/a01-00.md`);
    const indicatori = data.indicatori as Record<string, unknown>[];
    indicatori[0]!.direzione = 'su';
    data.responsabil = 'X';
    const validate = validator('obiettivo.schema.json');
    expect(validate(data)).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`))
      .toMatchInlineSnapshot(`
      [
        " must NOT have additional properties {"additionalProperty":"responsabil"}",
        "/indicatori/0/direzione must be equal to one of the allowed values {"allowedValues":["crescente","decrescente","binario"]}",
      ]
    `);
  });

  it('carries the Italian descriptions and pattern messages of the Zod schemas', () => {
    type Node = {
      description?: string;
      $comment?: string;
      anyOf?: Node[];
      items?: Node;
      properties?: Record<string, Node>;
    };
    const fase = (schemas['obiettivo.schema.json'] as Node).properties!.fasi!.items!.properties!;
    expect(fase.peso!.description).toBe(
      'Peso della fase in percentuale: i pesi delle fasi di un obiettivo sommano a 100',
    );
    expect(fase.id!['$comment']).toBe('scrivi F seguito da due o tre cifre (per esempio F01)');
    expect(fase.fine_prevista!.anyOf![0]!['$comment']).toBe(
      'scrivi la data nel formato AAAA-MM-GG (per esempio 2020-12-31)',
    );
  });
});
