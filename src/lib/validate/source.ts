import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { Finding } from './problem';

/** Files over this size are refused unread: an objective is a few KB, so 1 MB is a pasted mistake. */
export const MAX_FILE_BYTES = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

export type SourceResult = { text: string } | { finding: Finding };

/** Line (1-based) of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Reads a content file as UTF-8 text, or says in one line why it cannot be read: missing, too big,
 * empty, binary, not UTF-8. The size is checked before reading so a 50 MB file costs nothing.
 */
export function readSource(path: string): SourceResult {
  let fd: number;
  try {
    // Opening a FIFO blocks until a writer comes: check the kind of file first.
    const stats = statSync(path);
    if (stats.isDirectory()) return { finding: { rule: 'file', message: 'è una cartella, non un file' } };
    if (!stats.isFile())
      return { finding: { rule: 'file', message: 'non è un file normale (pipe, socket o dispositivo)' } };
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? 'il file non esiste: crealo' : `il file non si può leggere (${code ?? 'errore'})`;
    return { finding: { rule: 'file', message } };
  }
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) {
      const mb = (size / 1024 / 1024).toLocaleString('it-IT', { maximumFractionDigits: 1 });
      return {
        finding: { rule: 'file', message: `il file pesa ${mb} MB, oltre il limite di 1 MB: non è un obiettivo` },
      };
    }
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return decode(bytes.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

/** Decodes bytes already in memory; exported for tests. */
export function decode(bytes: Uint8Array): SourceResult {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      finding: { rule: 'file', message: 'il file non è di testo (contiene byte nulli): salva un file .md o .yaml' },
    };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    // TextDecoder does not say where; the first replacement character of a lenient decode does.
    const loose = lenient.decode(bytes);
    const line = lineAt(loose, Math.max(0, loose.indexOf('\uFFFD')));
    return {
      finding: {
        rule: 'file',
        line,
        col: 1,
        message:
          'il file non è in codifica UTF-8: salvalo come UTF-8 (per esempio da un editor di testo, «Salva con codifica UTF-8»)',
      },
    };
  }
  if (text.trim() === '') return { finding: { rule: 'file', message: 'il file è vuoto' } };
  return { text };
}
