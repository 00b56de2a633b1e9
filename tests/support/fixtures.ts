import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tempDir } from './temp';

/**
 * Validator fixtures are declared once: a valid base content folder plus, per case, only what differs
 * (tests/fixtures/cases/<case>.ts). A new key in the base objective is one edit, not one per case.
 * Content folders that browser tests build, or that hold symlinks, stay real folders in FOLDERS.
 */
export const FOLDERS = 'tests/fixtures/content';
/** The valid content folder every case starts from (ente.yaml, dup.yaml, one objective). */
export const BASE = `${FOLDERS}/valido`;
const CASES = 'tests/fixtures/cases';

/** What one file of a case is: a patch of a base file, a whole text or bytes, or null (the file is removed). */
export type FileSpec =
  | null
  | { text: string }
  | { bytes: Buffer }
  | {
      /** The base file to start from; the same path when absent. */
      copy?: string;
      /** [from, to] in order; each `from` must occur exactly once. A Buffer `to` is written as raw bytes. */
      replace?: [string, string | Buffer][];
    };

/** A case: content-folder paths (ente.yaml, obiettivi/2020/a01-00.md …) → what differs from BASE. */
export type FixtureCase = Record<string, FileSpec>;

/**
 * A `replace` pair that gives the base objective the fasi and indicatori of `yaml` instead of its own: the
 * front matter closes after them, and the base's own header and lists follow as plain text in the body.
 */
export function fasiEIndicatori(yaml: string): [string, string] {
  const source = readFileSync(join(BASE, 'obiettivi/2020/a01-00.md'), 'utf8');
  const header = source.slice(0, source.indexOf('soggetti_coinvolti: []'));
  return ['soggetti_coinvolti: []', `soggetti_coinvolti: []\n${yaml}${header}soggetti_coinvolti: []`];
}

export function caseNames(): string[] {
  return readdirSync(CASES)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => name.slice(0, -3))
    .sort();
}

/** Every fixture content folder by name: the real folders and the declared cases. */
export function fixtureNames(): string[] {
  return [...readdirSync(FOLDERS), ...caseNames()].sort();
}

function patch(source: Buffer, replace: [string, string | Buffer][], file: string): Buffer {
  let result = source;
  for (const [from, to] of replace) {
    const needle = Buffer.from(from);
    const at = result.indexOf(needle);
    if (at < 0 || result.indexOf(needle, at + 1) >= 0) {
      throw new Error(`fixture: "${from}" must occur exactly once in ${file}`);
    }
    const replacement = typeof to === 'string' ? Buffer.from(to) : to;
    result = Buffer.concat([result.subarray(0, at), replacement, result.subarray(at + needle.length)]);
  }
  return result;
}

/** Writes a case's content folder at `dir`: BASE with the case's files patched, added or removed. */
export async function writeCase(name: string, dir: string): Promise<void> {
  const { default: files } = (await import(`../fixtures/cases/${name}.ts`)) as { default: FixtureCase };
  cpSync(BASE, dir, { recursive: true });
  for (const [file, spec] of Object.entries(files)) {
    const path = join(dir, file);
    if (spec === null) {
      rmSync(path);
      continue;
    }
    let data: Buffer;
    if ('text' in spec) data = Buffer.from(spec.text);
    else if ('bytes' in spec) data = spec.bytes;
    else data = patch(readFileSync(join(BASE, spec.copy ?? file)), spec.replace ?? [], `${name}/${file}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
}

export interface Fixture {
  /** The content folder. */
  dir: string;
  /** Its parent: validate with `cwd: root` and every path reads `<name>/obiettivi/…`, wherever the folder is. */
  root: string;
}

let casesRoot: string | undefined;
const written = new Map<string, Promise<void>>();

/**
 * A fixture content folder by name: a real folder as it is, a case written once per test file below
 * a temp folder that is removed when the file ends. Treat it as read-only; copy it to change it.
 */
export async function fixture(name: string): Promise<Fixture> {
  if (existsSync(join(FOLDERS, name))) return { dir: resolve(FOLDERS, name), root: resolve(FOLDERS) };
  if (!existsSync(join(CASES, `${name}.ts`))) throw new Error(`fixture: no folder or case named ${name}`);
  casesRoot ??= tempDir('peg-fixtures-', { keep: 'file' });
  const root = casesRoot;
  const dir = join(root, name);
  if (!written.has(name)) written.set(name, writeCase(name, dir));
  await written.get(name);
  return { dir, root };
}

/** A private, writable copy of a folder (content/, tests/fixtures/content/editor …), removed after the test. */
export function copyFolder(source: string): string {
  const dir = join(tempDir('peg-copy-'), 'content');
  cpSync(source, dir, { recursive: true });
  return dir;
}

/** A private, writable copy of a fixture by name (a real folder or a case), removed after the test. */
export async function copyFixture(name: string): Promise<string> {
  return copyFolder((await fixture(name)).dir);
}
