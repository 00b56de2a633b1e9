import { z } from 'astro/zod';
import { jsonSchemas } from './json-schema';
import type { Ente } from '../../schemas/ente';

/**
 * The JSON Schemas carry no `format` (they must compile in Ajv's strict mode): a date field is told by
 * the pattern Zod writes for an ISO date.
 */
const ISO_DATE_PATTERN = (z.toJSONSchema(z.iso.date()) as { pattern?: string }).pattern;

/**
 * The configuration of the form editor at /admin/ (Decap CMS), generated from the Zod schemas through
 * their JSON Schema (src/lib/editor/json-schema.ts): every key gets a field with the schema's description as
 * hint, the widget of its type (number with min/max, date, select for enums and for `tipo`), the same
 * required-ness; lists of fasi and indicatori with their ids. tests/editor/decap-config.test.ts fails
 * when schema and configuration drift.
 */

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: unknown;
  propertyNames?: unknown;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  patternErrorMessage?: string;
  $comment?: string;
  description?: string;
  default?: unknown;
};

export interface DecapField {
  name: string;
  label: string;
  widget: string;
  hint?: string;
  required?: boolean;
  [option: string]: unknown;
}

/** Keys of the objective file that are not front-matter keys of the schema (format: src/client/decap-format.ts). */
export const BODY_FIELDS = ['introduzione', 'modalita_di_attuazione', 'stato_di_attuazione'] as const;
/** The importer's first comment line (`# importato da … impronta …`), kept as it is (see docs/ci-and-deploy.md). */
export const COMMENT_FIELD = 'commento_iniziale';

/** Italian labels: the key with spaces, first letter capital, accents where Italian has them. */
const ACCENTED: Record<string, string> = {
  responsabilita: 'responsabilità',
  modalita: 'modalità',
  unita: 'unità',
  dup: 'DUP',
};
export function labelOf(key: string): string {
  const words = key.split('_').map((word) => ACCENTED[word] ?? word);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function variants(schema: JsonSchema): { main: JsonSchema; nullable: boolean } {
  if (schema.anyOf) {
    const nonNull = schema.anyOf.filter((s) => s.type !== 'null');
    return { main: { ...nonNull[0], description: schema.description }, nullable: nonNull.length < schema.anyOf.length };
  }
  const types = [schema.type ?? []].flat();
  const nonNull = types.filter((t) => t !== 'null');
  return {
    main: { ...schema, type: nonNull.length === 1 ? nonNull[0] : nonNull },
    nullable: types.includes('null'),
  };
}

function field(name: string, schema: JsonSchema, required: boolean, context: FieldContext): DecapField {
  const { main, nullable } = variants(schema);
  const base = {
    name,
    label: labelOf(name),
    ...(schema.description ? { hint: schema.description } : {}),
    required: required && !nullable,
    // A new item gets every key: the schema's default, or null for what the schema lets be null.
    ...(schema.default !== undefined ? { default: schema.default } : nullable ? { default: null } : {}),
  };
  if (name === 'tipo' && context.tipi) return { ...base, widget: 'select', options: [...context.tipi] };
  if (main.enum) return { ...base, widget: 'select', options: main.enum.map(String) };
  if (main.format === 'date' || main.pattern === ISO_DATE_PATTERN)
    return {
      ...base,
      widget: 'datetime',
      format: 'YYYY-MM-DD',
      date_format: 'DD/MM/YYYY',
      time_format: false,
      picker_utc: true,
    };
  if (main.type === 'number' || main.type === 'integer')
    return {
      ...base,
      widget: 'number',
      value_type: main.type === 'integer' ? 'int' : 'float',
      ...(main.minimum !== undefined ? { min: main.minimum } : {}),
      ...(main.maximum !== undefined ? { max: main.maximum } : {}),
    };
  if (main.type === 'boolean') return { ...base, widget: 'boolean' };
  if (main.type === 'array' && main.items?.properties)
    return {
      ...base,
      widget: 'list',
      fields: fields(main.items, context),
      summary: main.items.properties.id ? '{{fields.id}} – {{fields.titolo}}{{fields.descrizione}}' : undefined,
    };
  if (main.type === 'array') return { ...base, widget: 'list' };
  // A map with free keys (`storico`: year → value) has no Decap widget: kept as it is, edited in the file.
  if (main.type === 'object' && !main.properties) return { ...base, widget: 'hidden', required: false };
  if (main.type === 'object') return { ...base, widget: 'object', fields: fields(main, context) };
  return {
    ...base,
    widget: 'string',
    ...(main.pattern
      ? { pattern: [main.pattern, main.$comment ?? main.patternErrorMessage ?? 'formato non valido'] }
      : {}),
  };
}

interface FieldContext {
  tipi?: readonly string[];
}

function fields(schema: JsonSchema, context: FieldContext): DecapField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) =>
    field(name, property, required.has(name), context),
  );
}

/** A `## title` section of the body, edited as Markdown; `hint` says what it holds. */
function section(name: string, title: string, hint: string): DecapField {
  return {
    name,
    label: `## ${title}`,
    widget: 'markdown',
    hint: `${hint}: la sezione «${title}» della pagina`,
    required: false,
    buttons: ['bold', 'italic', 'link', 'bulleted-list', 'numbered-list'],
    editor_components: [],
    modes: ['rich_text', 'raw'],
  };
}

/** The fields of an objective file: front matter, then the two sections of the body. */
export function obiettivoFields(tipi: readonly string[]): DecapField[] {
  const schema = jsonSchemas()['obiettivo.schema.json'] as JsonSchema;
  return [
    { name: COMMENT_FIELD, label: 'Commento iniziale', widget: 'hidden', required: false },
    ...fields(schema, { tipi }),
    { name: 'introduzione', label: 'Introduzione', widget: 'hidden', required: false },
    section('modalita_di_attuazione', 'Modalità di attuazione', 'Come si realizza l’obiettivo'),
    section('stato_di_attuazione', 'Stato di attuazione', 'A che punto è l’obiettivo'),
  ];
}

export interface DecapConfigOptions {
  ente: Ente;
  /** Years with a folder under content/obiettivi/, ascending. */
  anni: readonly number[];
  /** Local mode (`npm run editor`): decap-server on this port, saving writes the checkout directly. */
  local?: { port: number };
  /**
   * Collections added by other parts of the site (hook for the Performance section documents under
   * content/performance/: pass their collections here, built the same way from their schemas).
   */
  extraCollections?: readonly Record<string, unknown>[];
}

/** `owner/name` of a GitHub repository URL, or undefined. */
export function githubRepo(url: string | null | undefined): string | undefined {
  const match = /^https:\/\/github\.com\/([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(url ?? '');
  return match?.[1];
}

export function decapConfig(options: DecapConfigOptions): Record<string, unknown> {
  const { ente, anni } = options;
  const schemas = jsonSchemas();
  const repo = githubRepo((ente as { repository?: { url?: string | null } }).repository?.url);
  // In local mode Decap replaces this backend with decap-server (local_backend) and logs in nobody.
  const backend = {
    name: 'github',
    repo: repo ?? 'proprietario/repository',
    branch: 'main',
    // The OAuth endpoint (docs/ci-and-deploy.md, «Editor web»): set PEG_DECAP_AUTH_URL at build time.
    ...(process.env.PEG_DECAP_AUTH_URL ? { base_url: process.env.PEG_DECAP_AUTH_URL } : {}),
    commit_messages: {
      create: 'Crea {{collection}} «{{slug}}»',
      update: 'Aggiorna {{collection}} «{{slug}}»',
      delete: 'Elimina {{collection}} «{{slug}}»',
    },
  };
  const tipi = ente.tipi_indicatore;
  return {
    locale: 'it',
    backend,
    ...(options.local
      ? { local_backend: { url: `http://localhost:${options.local.port}/api/v1` } }
      : // Every save opens a pull request: CI validates it and builds a preview.
        { publish_mode: 'editorial_workflow' }),
    media_folder: 'public/img',
    public_folder: '/img',
    // No site_url: it adds a «Torna al sito» link to the login screen whose grey text fails WCAG contrast
    // (Decap's own style); display_url still links the site from the editor's header.
    display_url: ente.sito_url,
    collections: [
      ...anni.map((anno) => ({
        name: `obiettivi-${anno}`,
        label: `Obiettivi ${anno}`,
        label_singular: `Obiettivo ${anno}`,
        folder: `content/obiettivi/${anno}`,
        extension: 'md',
        format: 'peg-obiettivo',
        identifier_field: 'codice',
        summary: '{{codice}} – {{titolo}}',
        // New objectives: `npm run nuovo -- <codice>` names the file from the code (2021_B03_00 → b03-00.md).
        create: false,
        delete: false,
        fields: obiettivoFields(tipi),
      })),
      {
        name: 'impostazioni',
        label: 'Ente e DUP',
        delete: false,
        files: [
          {
            name: 'ente',
            label: 'Dati dell’ente (ente.yaml)',
            file: 'content/ente.yaml',
            format: 'peg-yaml',
            fields: fields(schemas['ente.schema.json'] as JsonSchema, {}),
          },
          {
            name: 'dup',
            label: 'Gerarchia del DUP (dup.yaml)',
            file: 'content/dup.yaml',
            format: 'peg-yaml',
            fields: fields(schemas['dup.schema.json'] as JsonSchema, {}),
          },
        ],
      },
      ...(options.extraCollections ?? []),
    ],
  };
}
