import type { Dup } from '../../schemas/dup';
import type { Obiettivo } from '../../schemas/obiettivo';
import { fullSlug, limitSlug } from '../derived/slugs';
import type { FieldPath, Finding } from './problem';

/**
 * Values that become addresses and folder names of the built site (pages of people, offices and DUP
 * nodes) are checked where they are written, so whatever passes the validator also builds:
 * - a slug with no letter or digit (`-`, `—`, `...`) or a placeholder (`n.d.`, `da definire`) is an
 *   error: the page would have no address, or one shared by every unknown name;
 * - reserved names (`index`, `.`, `..`) are errors: they collide with the site's own files;
 * - a slug over MAX_SLUG_LENGTH is shortened with a hash of the whole name (queries.ts limitSlug), a warning.
 * Two spellings with the same slug ("Rossi Mario", "ROSSI  MARIO") are one page by design (slugify).
 */

/** Slugs of the words editors type when a value is not known. */
const PLACEHOLDERS = new Set([
  'n-d',
  'nd',
  'n-a',
  'na',
  'n-p',
  'np',
  'non-definito',
  'non-disponibile',
  'non-indicato',
  'da-definire',
  'da-individuare',
  'nessuno',
  'nessuna',
  'null',
  'none',
  'nil',
  'undefined',
  'tbd',
  'x',
  'xx',
  'xxx',
]);

/** Folder names that belong to the site itself or to the file system. */
const RESERVED = new Set(['index', '.', '..']);

export interface UrlValue {
  /** What the value names, for the message: `il responsabile`, `il centro di responsabilità`. */
  what: string;
  /** How to fix a placeholder: `scrivi null se …` where the schema allows null. */
  fix: string;
}

/**
 * The problem with a value that becomes a folder name, or undefined when it is fine. `slug` is the
 * value's slug before the length limit.
 */
export function slugProblem(value: string, slug: string, { what, fix }: UrlValue): Omit<Finding, 'path'> | undefined {
  const shown = `«${value}»`;
  const key = slug.toLowerCase();
  if (/^[-_.]*$/.test(slug))
    return {
      rule: 'indirizzo',
      message: /[\p{L}\p{N}]/u.test(value)
        ? `${shown} non ha lettere dalla A alla Z né cifre, che servono per l’indirizzo della sua pagina: scrivilo in caratteri latini`
        : `${shown} non è ${what} (non ha lettere né cifre): ${fix}`,
    };
  if (PLACEHOLDERS.has(key)) return { rule: 'indirizzo', message: `${shown} è un segnaposto, non ${what}: ${fix}` };
  if (RESERVED.has(key))
    return {
      rule: 'indirizzo',
      message: `${shown} è un nome riservato dal sito (è il nome di un suo file): scrivi ${what} per esteso`,
    };
  const limited = limitSlug(slug);
  if (limited !== slug)
    return {
      rule: 'indirizzo-lungo',
      message: `testo di ${value.length} caratteri, l’indirizzo della sua pagina viene accorciato a …/${limited}/`,
    };
  return undefined;
}

function check(findings: Finding[], value: string | null, path: FieldPath, kind: UrlValue) {
  if (value === null) return;
  const problem = slugProblem(value, fullSlug(value), kind);
  if (problem) findings.push({ ...problem, path });
}

const RESPONSABILE: UrlValue = {
  what: 'un nome di persona',
  fix: 'scrivi il nome del responsabile (COGNOME NOME)',
};
const CENTRO: UrlValue = {
  what: 'un centro di responsabilità',
  fix: 'scrivi il nome del settore o dell’unità organizzativa',
};

/** Names of one objective that become addresses (responsabile, centro) or could (those of its fasi). */
export function urlValueFindings(data: Obiettivo): Finding[] {
  const findings: Finding[] = [];
  check(findings, data.responsabile, ['responsabile'], RESPONSABILE);
  check(findings, data.centro_di_responsabilita, ['centro_di_responsabilita'], CENTRO);
  data.fasi.forEach((fase, index) => {
    check(findings, fase.responsabile, ['fasi', index, 'responsabile'], {
      ...RESPONSABILE,
      fix: 'scrivi null se la fase non ha un responsabile',
    });
    // A fase's centro has no page today; the same rule keeps «-» from meaning "none" in one place only.
    check(findings, fase.centro_di_responsabilita, ['fasi', index, 'centro_di_responsabilita'], {
      ...CENTRO,
      fix: 'scrivi null se la fase non ha un centro di responsabilità',
    });
  });
  return findings;
}

/** DUP codes become /dup/<codice>/: no punctuation-only or reserved codes, no two differing only in case. */
export function dupCodeFindings(dup: Dup): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, string>();
  const code = (codice: string, path: FieldPath) => {
    const problem = slugProblem(codice, codice, {
      what: 'un codice DUP',
      fix: 'scrivi il codice come nel DUP (per esempio DUP_10_0101)',
    });
    if (problem) findings.push({ ...problem, path });
    // Case-insensitive file systems (Windows, macOS) would write both pages into one folder.
    const folded = limitSlug(codice).toLowerCase();
    const other = seen.get(folded);
    if (other !== undefined && other !== codice)
      findings.push({
        rule: 'indirizzo',
        path,
        message: `il codice ${codice} differisce da ${other} solo per maiuscole e minuscole: le due pagine avrebbero lo stesso indirizzo; usa un codice diverso`,
      });
    else seen.set(folded, codice);
  };
  dup.mandati.forEach((mandato, i) => {
    code(mandato.codice, ['mandati', i, 'codice']);
    mandato.missioni.forEach((missione, j) => {
      code(missione.codice, ['mandati', i, 'missioni', j, 'codice']);
      missione.programmi.forEach((programma, k) =>
        code(programma.codice, ['mandati', i, 'missioni', j, 'programmi', k, 'codice']),
      );
    });
  });
  return findings;
}
