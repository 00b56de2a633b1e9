// @ts-check
/**
 * remark plugin that checks the YAML front matter of objective files against the JSON Schema generated
 * from the Zod schemas (schema/obiettivo.schema.json), with Italian messages on the exact line.
 *
 * Why it exists: VS Code's YAML extension does not look inside Markdown files, but the remark extension
 * (unifiedjs.vscode-remark) runs the plugins of .remarkrc.mjs on every Markdown file it opens. It is
 * plain JavaScript because the editor loads it without a TypeScript step. It is a quick check while
 * typing; the complete check (cross-field rules, DUP codes, pesi) stays `npm run validate`.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { isMap, LineCounter, parseDocument } from 'yaml';

/** @typedef {import('ajv').ErrorObject} ErrorObject */

const TYPES = /** @type {Record<string, string>} */ ({
  string: 'un testo',
  number: 'un numero',
  integer: 'un numero intero',
  array: 'un elenco',
  object: 'un insieme di chiavi',
  boolean: 'sì o no (true o false)',
  null: 'null',
});

/**
 * One Italian message for an Ajv error, or null for errors that only echo another one.
 * @param {ErrorObject} error
 */
function message(error) {
  const params = /** @type {Record<string, any>} */ (error.params);
  switch (error.keyword) {
    case 'pattern':
      return error.parentSchema?.$comment ?? 'il valore non ha il formato richiesto';
    case 'enum':
      return `scrivi uno tra: ${params.allowedValues.join(', ')}`;
    case 'type':
      return `deve essere ${[params.type]
        .flat()
        .map((type) => TYPES[type] ?? type)
        .join(' oppure ')}`;
    case 'required':
      return `manca la chiave obbligatoria ${params.missingProperty}`;
    case 'additionalProperties':
      return `chiave sconosciuta «${params.additionalProperty}»: controlla come è scritta`;
    case 'minLength':
      return 'non può essere vuoto';
    case 'minimum':
      return `deve essere almeno ${params.limit}`;
    case 'maximum':
      return `non può superare ${params.limit}`;
    case 'anyOf':
      return null;
    default:
      return error.message ?? 'valore non valido';
  }
}

/**
 * Keeps one error per field: in `anyOf` (a value or null) the "must be null" branch only adds noise,
 * and the remaining branch says what to write.
 * @param {ErrorObject[]} errors
 */
function relevant(errors) {
  const seen = new Set();
  return errors.filter((error) => {
    if (error.keyword === 'type' && error.params.type === 'null' && error.schemaPath.includes('/anyOf/')) return false;
    const key = `${error.instancePath} ${error.keyword} ${JSON.stringify(error.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Range (character offsets in the YAML text) of the node an error is about.
 * @param {import('yaml').Document} doc
 * @param {ErrorObject} error
 * @returns {[number, number] | undefined}
 */
function rangeOf(doc, error) {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (error.keyword === 'additionalProperties' && isMap(node)) {
    const pair = node.items.find((item) => /** @type {any} */ (item.key)?.value === error.params.additionalProperty);
    const key = /** @type {any} */ (pair?.key);
    if (key?.range) return [key.range[0], key.range[1]];
  }
  const range = /** @type {any} */ (node)?.range;
  return range ? [range[0], range[1]] : undefined;
}

/**
 * @param {{ schema: string | URL, applies?: (file: import('vfile').VFile) => boolean }} options
 *   schema: the JSON Schema file; applies: which files to check (default: all)
 */
export default function remarkPegFrontmatter(options) {
  const schema = JSON.parse(readFileSync(options.schema, 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);

  /** @param {import('mdast').Root} tree @param {import('vfile').VFile} file */
  return (tree, file) => {
    if (options.applies && !options.applies(file)) return;
    const front = tree.children[0];
    if (!front || front.type !== 'yaml' || !front.position) return;
    // The YAML text starts on the line after the opening `---`.
    const firstLine = front.position.start.line + 1;
    const lineCounter = new LineCounter();
    const doc = parseDocument(front.value, { lineCounter });
    /** @param {string} reason @param {[number, number] | undefined} range */
    const report = (reason, range) => {
      const [from, to] = (range ?? [0, 0]).map((offset) => lineCounter.linePos(offset));
      const place = {
        start: { line: (from?.line ?? 1) + firstLine - 1, column: from?.col ?? 1 },
        end: { line: (to?.line ?? 1) + firstLine - 1, column: to?.col ?? 1 },
      };
      const problem = file.message(reason, { place, ruleId: 'schema', source: 'peg-aperto' });
      problem.fatal = true; // shown as an error, not a style warning
    };
    if (doc.errors.length > 0) {
      for (const error of doc.errors)
        report(`YAML non valido: ${error.message.split('\n')[0]}`, [error.pos[0], error.pos[1]]);
      return;
    }
    if (validate(doc.toJS())) return;
    for (const error of relevant(validate.errors ?? [])) {
      const reason = message(error);
      if (reason === null) continue;
      const field = error.instancePath.split('/').slice(1).join('.');
      report(field ? `${field}: ${reason}` : reason, rangeOf(doc, error));
    }
  };
}
