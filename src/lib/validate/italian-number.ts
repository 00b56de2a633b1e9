/**
 * Numbers as Italians write them (`40.000`, `80,5`, `75%`, `€ 1.200`, `Sì`) read from the YAML source
 * token, with the exact value to write instead. YAML reads `40.000` as 40 and `80,5` as text, so the
 * parsed value cannot tell what the editor meant: only the text they typed can.
 */

const UNITS = [
  '',
  'uno',
  'due',
  'tre',
  'quattro',
  'cinque',
  'sei',
  'sette',
  'otto',
  'nove',
  'dieci',
  'undici',
  'dodici',
  'tredici',
  'quattordici',
  'quindici',
  'sedici',
  'diciassette',
  'diciotto',
  'diciannove',
];
const TENS = ['', '', 'venti', 'trenta', 'quaranta', 'cinquanta', 'sessanta', 'settanta', 'ottanta', 'novanta'];

/** 1..999 in words; tens drop their vowel before uno/otto (ventuno, trentotto), cento before ottanta. */
function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  let words = hundreds === 0 ? '' : hundreds === 1 ? 'cento' : `${UNITS[hundreds]}cento`;
  if (rest === 0) return words;
  let tail: string;
  if (rest < 20) tail = UNITS[rest]!;
  else {
    const unit = rest % 10;
    const tens = TENS[Math.floor(rest / 10)]!;
    tail = unit === 1 || unit === 8 ? tens.slice(0, -1) + UNITS[unit] : tens + UNITS[unit];
  }
  if (words && tail.startsWith('ottant')) words = words.slice(0, -1);
  return words + tail;
}

/** An integer 0..999 999 in Italian words, as a check the editor can read: 40000 → quarantamila. */
export function inLettere(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) return String(n);
  if (n === 0) return 'zero';
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const head = thousands === 0 ? '' : thousands === 1 ? 'mille' : `${belowThousand(thousands)}mila`;
  return head + (rest === 0 ? '' : belowThousand(rest));
}

/**
 * `1.234` could be a thousands separator or three decimals: such tokens are refused, so the YAML
 * way of writing a number with exactly three decimals is with a trailing zero (`1.2340`).
 */
const AMBIGUOUS = /^[-+]?[1-9]\d{0,2}\.\d{3}$/;

/** True when `value` written plainly (`1.234`) is a form this check refuses as ambiguous. */
export function isAmbiguousNumber(value: number): boolean {
  return AMBIGUOUS.test(String(value));
}

/** The way to write `value` in YAML that this check accepts: `1.234` becomes `1.2340`. */
export function yamlNumber(value: number): string {
  const text = String(value);
  return isAmbiguousNumber(value) ? `${text}0` : text;
}

/** A value written as Italian words for yes and no. */
const YES = /^(s[iìí]|vero|true|yes)$/i;
const NO = /^(no|falso|false)$/i;

export interface NumberContext {
  /** The indicator is `direzione: binario`: yes/no become 1/0. */
  binario: boolean;
  /** The field is the value of an indicator (valore_atteso, valore_raggiunto, storico), where a unit lives elsewhere. */
  indicatore: boolean;
  /** The token was written between quotes: YAML reads it as text even when it looks like a number. */
  quoted?: boolean;
}

/** Italian grouping `1.234.567` and decimals `1.234,5` / `80,5` → the number, or undefined. */
function italianValue(text: string): { value: number; ambiguous: boolean } | undefined {
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[-+]/, '');
  let match = /^(\d{1,3}(?:\.\d{3})+),(\d+)$/.exec(body);
  if (match) return { value: sign * Number(`${match[1]!.replaceAll('.', '')}.${match[2]}`), ambiguous: false };
  match = /^(\d+),(\d+)$/.exec(body);
  if (match) return { value: sign * Number(`${match[1]}.${match[2]}`), ambiguous: false };
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(body))
    return { value: sign * Number(body.replaceAll('.', '')), ambiguous: false };
  if (AMBIGUOUS.test(body)) return { value: sign * Number(body.replaceAll('.', '')), ambiguous: true };
  if (/^\d+(?:\.\d+)?$/.test(body)) return { value: sign * Number(body), ambiguous: false };
  return undefined;
}

/**
 * What is wrong with a numeric field written as `token` (the value's source text, quotes removed),
 * with the exact fix; undefined when the token is a number YAML reads as the editor means it.
 */
export function numberAdvice(token: string, context: NumberContext): string | undefined {
  const text = token.trim();
  if (YES.test(text) || NO.test(text)) {
    const yes = YES.test(text);
    const digit = yes ? '1 (sì)' : '0 (no)';
    return context.binario
      ? `«${text}» non è un numero: scrivi ${digit}`
      : `«${text}» non è un numero: per un indicatore sì/no scrivi ${digit} e direzione: binario`;
  }
  // Strip what Italians put around a number: currency, percent, spaces between thousands.
  const percent = /%$/.test(text);
  const euro = /€|\bEUR\b|\beuro\b/i.test(text);
  const bare = text
    .replace(/€|\bEUR\b|\beuro\b/gi, '')
    .replace(/%$/, '')
    .trim()
    .replace(/^([-+])\s+/, '$1');
  const spaced = /^[-+]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?$/.test(bare);
  const parsed = italianValue(spaced ? bare.replace(/[ \u00a0\u202f]/g, '') : bare);
  if (!parsed) return undefined;
  const { value } = parsed;
  // Euro amounts have two decimals: `€ 1.200` can only be thousands.
  const ambiguous = parsed.ambiguous && !euro;
  if (ambiguous) {
    const decimal = Number(bare);
    const asDecimal = Number.isInteger(decimal)
      ? `se intendi ${decimal} scrivi ${decimal}`
      : `se intendi ${String(decimal).replace('.', ',')} (con i decimali) scrivi ${yamlNumber(decimal)}`;
    const asThousands = `se intendi ${inLettere(Math.abs(value))} scrivi ${value}`;
    return `«${text}» è ambiguo (il punto separa i decimali, non le migliaia): ${asThousands}, ${asDecimal}`;
  }
  const fix = yamlNumber(value);
  if (percent)
    return context.indicatore
      ? `togli il simbolo %: scrivi ${fix} (l’unità di misura va in unita_di_misura)`
      : `togli il simbolo %: scrivi ${fix}`;
  if (euro)
    return context.indicatore
      ? `togli il simbolo dell’euro: scrivi ${fix} (l’unità di misura va in unita_di_misura)`
      : `togli il simbolo dell’euro: scrivi ${fix}`;
  if (spaced) return `senza spazi tra le cifre: scrivi ${fix}`;
  if (text.includes(','))
    return text.includes('.')
      ? `i decimali si separano con il punto, senza separatore delle migliaia: scrivi ${fix}`
      : `i decimali si separano con il punto: scrivi ${fix}`;
  if (/^[-+]?\d{1,3}\.\d{3}\./.test(text)) return `senza punti tra le migliaia: scrivi ${fix}`;
  if (context.quoted) return `un numero si scrive senza virgolette: scrivi ${fix}`;
  return undefined;
}
