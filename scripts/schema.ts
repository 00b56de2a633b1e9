/**
 * npm run schema — writes the JSON Schemas of the content files to schema/ (see src/lib/editor/json-schema.ts).
 * Run it after every change to src/schemas/ and commit the result.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas, serializeSchema } from '../src/lib/editor/json-schema';

const outDir = 'schema';
mkdirSync(outDir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(outDir, name), serializeSchema(schema));
  console.log(`scritto ${outDir}/${name}`);
}
