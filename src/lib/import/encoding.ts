/**
 * The export must be UTF-8 (with or without BOM). Anything else is refused with the position of the
 * first bad byte: guessing Windows-1252 cannot be told apart from Latin-1, Latin-9 or Mac Roman on
 * accented letters, and a wrong guess publishes wrong text that validates (the importer docs say so).
 */

export type Decoded = { text: string } | { line: number; message: string };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return i;
    i += length;
  }
  return -1;
}

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

export function decodeExport(bytes: Uint8Array): Decoded {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      line: lineOf(bytes, nul),
      message:
        'la riga contiene byte nulli: l’export non è un file di testo (riconvertilo dal PDF); nessun file scritto',
    };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
    const column = [...strict.decode(bytes.subarray(lineStart, bad))].length + 1;
    return {
      line: lineOf(bytes, bad),
      message:
        `il byte ${hex(bytes[bad]!)} (colonna ${column}, byte ${bad + 1} del file) non è UTF-8: ` +
        'l’export è in un’altra codifica (forse Windows-1252). Salva il file in UTF-8 ' +
        '(per esempio con un editor di testo, «Salva con codifica UTF-8») e riprova; nessun file scritto',
    };
  }
  const text = strict.decode(bytes);
  // U+FFFD in valid UTF-8: a previous conversion already replaced a character it could not read.
  const replaced = text.indexOf('\uFFFD');
  if (replaced !== -1) {
    const lineStart = text.lastIndexOf('\n', replaced - 1) + 1;
    return {
      line: text.slice(0, replaced).split('\n').length,
      message:
        `la riga contiene il carattere di sostituzione «\uFFFD» (colonna ${[...text.slice(lineStart, replaced)].length + 1}): ` +
        'una conversione precedente ha perso una lettera. Riconverti il PDF e salva il file in UTF-8; nessun file scritto',
    };
  }
  return { text };
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}
