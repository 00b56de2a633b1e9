import type { Direzione } from '../../schemas/indicatore';

/**
 * Infers `unita_di_misura` from an indicator's description, conservatively: null when the words say
 * nothing, when two units compete, or when the indicator is binario (its values are 1/0, not a unit).
 * The editor confirms each one (the summary lists it with the words that decided it).
 */
const PERCENT = /\(\s*(?:in\s*)?%\s*\)|\d+(?:[.,]\d+)?\s*%|\bin\s*%|\bpercentual[ei]\b/i;
// "giorni" as the measure ("(giorni)", "in giorni", "numero di giorni", "giorni lavorativi"), not
// a frequency ("6 giorni su 7") or a deadline ("entro 30 giorni").
const DAYS =
  /\(\s*giorni\s*\)|\bin giorni\b|\bnumero(?: medio)? di giorni\b|\bgiorni (?:lavorativi|medi)\b|\bgiorni di (?:attesa|ritardo)\b/i;
const EURO = /\beuro\b|€/i;
// A count: the description opens with "Numero", "N°" or "n." (also after a "servizi …:" or "… -" prefix).
const COUNT = /(?:^|[:\-–]\s*)(?:numero\b|n\s?[°º]|n\.\s)/i;

export interface UnitInference {
  unita: string | null;
  /** The words that decided it, quoted in the summary. */
  because: string | null;
}

export function inferUnita(
  descrizione: string,
  direzione: Direzione,
  values: readonly (number | null)[],
): UnitInference {
  if (direzione === 'binario') return { unita: null, because: null };
  const found: { unita: string; because: string }[] = [];
  const days = DAYS.exec(descrizione);
  if (days) found.push({ unita: 'giorni', because: days[0] });
  const euro = EURO.exec(descrizione);
  if (euro) found.push({ unita: 'euro', because: euro[0] });
  const percent = PERCENT.exec(descrizione);
  // A percentage valued only 0 or 1 is a done/not done written with a "%" in its text: unsure.
  const onlyZeroOne = values.every((value) => value === null || value === 0 || value === 1);
  if (percent && !onlyZeroOne) found.push({ unita: '%', because: percent[0].trim() });
  const count = COUNT.exec(descrizione);
  // "numero di giorni" is a number of days: the count does not compete with it.
  if (count && !days) found.push({ unita: 'numero', because: count[0].replace(/^[:\-–]\s*/, '').trim() });
  return found.length === 1 ? found[0]! : { unita: null, because: null };
}
