import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildPolicy, injectPolicy } from './policy';
import { scanInlineCode } from './scan';

/** Every .html file under a folder, in a stable order. */
export async function listHtmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Adds the page's own policy to one HTML document (idempotent: an existing policy is replaced). */
export function secureHtml(html: string): string {
  const withoutOld = html.replace(/<meta http-equiv="content-security-policy" content="[^"]*">/i, '');
  const code = scanInlineCode(withoutOld);
  return injectPolicy(withoutOld, code.headEnd, buildPolicy(code));
}

/** Writes the policy into every built page; returns how many pages it secured. */
export async function secureBuiltSite(outDir: string): Promise<number> {
  const files = await listHtmlFiles(outDir);
  // Small batches keep memory flat at 10,000 pages while still overlapping the disk work.
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(
      files.slice(i, i + 64).map(async (file) => writeFile(file, secureHtml(await readFile(file, 'utf8')))),
    );
  }
  return files.length;
}
