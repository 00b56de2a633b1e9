import type { Direzione } from '../../schemas/indicatore';

/**
 * Infers how an indicator is read from its own words; the editor confirms (the summary lists each).
 * Binary: the text states the 1/0 coding ("si=1, no=0", "fatto=1", "(si/no)"). Decreasing: the text
 * says that less is the goal ("inferiore a", "ridotto numero", "percentuale massima").
 */
const BINARY = [
  /\bs[iì]\s*=\s*1\b/i,
  /\bno\s*=\s*0\b/i,
  /\bfatto\s*=\s*1\b/i,
  /\b1\s*=\s*fatto\b/i,
  /\bnon fatto\s*=\s*0\b/i,
  /\(\s*s[iì]\s*\/\s*no\s*\)/i,
];
const DECREASING = [
  /\binferiore a\b/i,
  /\bnon superiore a\b/i,
  /\bal di sotto d/i,
  /\bmeno di\b/i,
  /\bridott[oaie] (?:numero|quantità|percentuale|tempo|tempi)\b/i,
  /\b(?:percentuale|numero|quota) massim[ao]\b/i,
  /\bentro (?:un )?massimo\b/i,
];

export interface Inference {
  direzione: Direzione;
  /** The words that decided it, quoted in the summary. */
  because: string | null;
}

export function inferDirezione(descrizione: string, note: string | null): Inference {
  const text = `${descrizione} ${note ?? ''}`;
  for (const pattern of BINARY) {
    const match = pattern.exec(text);
    if (match) return { direzione: 'binario', because: match[0] };
  }
  for (const pattern of DECREASING) {
    const match = pattern.exec(text);
    if (match) return { direzione: 'decrescente', because: match[0] };
  }
  return { direzione: 'crescente', because: null };
}
