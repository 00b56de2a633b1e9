import { z } from 'astro/zod';

/**
 * Building blocks shared by every schema. Messages are Italian because they reach editors;
 * descriptions (`.describe`) become editor tooltips in the generated JSON Schema.
 */

/** Reads a YAML value that may be a JS Date (Astro's YAML parser) or an ISO string (ours). */
function dateToIso(value: unknown): unknown {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return value;
}

/** ISO calendar date `YYYY-MM-DD`; `2020-02-31` is rejected (Zod checks days per month and leap years). */
export const isoDate = z.preprocess(
  dateToIso,
  z.iso.date({
    error: (issue) =>
      typeof issue.input === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(issue.input)
        ? `la data ${issue.input} non esiste nel calendario`
        : 'scrivi la data nel formato AAAA-MM-GG (per esempio 2020-12-31)',
  }),
);

/** A date or `null` when it is not known (yet). */
export const optionalDate = isoDate.nullable();

/** A finite number (YAML `.inf` and `.nan` are refused). Italian forms (`80,5`, `75%`) get their own fix from the validator. */
export const finiteNumber = z
  .number({
    error: (issue) =>
      issue.input === undefined
        ? 'campo obbligatorio'
        : 'deve essere un numero scritto in cifre (per esempio 40 o 12.5)',
  })
  .refine(Number.isFinite, { error: 'deve essere un numero finito' });

/** A percentage from 0 to 100, or `null` when not known; `subject` names it in the error ("l’avanzamento"). */
export function percentuale(subject: string) {
  const error = `${subject} va da 0 a 100`;
  return finiteNumber.min(0, { error }).max(100, { error }).nullable();
}

/** Non-empty text, trimmed. */
export const text = z
  .string({ error: (issue) => (issue.input === undefined ? 'campo obbligatorio' : 'deve essere un testo') })
  .trim()
  .min(1, { error: 'non può essere vuoto' });

/** Optional free text: absent values are written `null`. */
export const optionalText = z
  .string({ error: 'deve essere un testo oppure null' })
  .trim()
  .transform((value) => (value === '' ? null : value))
  .nullable();

/** Stable id inside an objective: F01, F02 … for fasi, I01 … for indicatori. */
export function localId(prefix: 'F' | 'I') {
  return z.string({ error: 'deve essere un testo' }).regex(new RegExp(`^${prefix}\\d{2,3}$`), {
    error: `scrivi ${prefix} seguito da due o tre cifre (per esempio ${prefix}01)`,
  });
}
