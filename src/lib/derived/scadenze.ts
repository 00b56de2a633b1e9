/**
 * Legal deadlines of the Performance section and how a publication date stands against them. Numbers and
 * dates only: pages word them (src/i18n/it.json).
 * - Relazione sulla Performance: by 30 June of the following year (d.lgs. 150/2009 art. 10 c. 1 b).
 * - PIAO: by 31 January, or 30 days after the approval of the budget when that comes later (DM 132/2022 art. 7,
 *   DPR 81/2022 art. 8 c. 2).
 */

/** ISO date plus `days` days, in UTC (dates have no time zone). */
function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (ISO dates), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Deadline of the Relazione sulla Performance of `anno`. */
export function scadenzaRelazione(anno: number): string {
  return `${anno + 1}-06-30`;
}

/** Deadline of the PIAO of `anno`: 31 January, or 30 days after the budget's approval when later. */
export function scadenzaPiao(anno: number, approvazioneBilancio: string | null): string {
  const gennaio = `${anno}-01-31`;
  if (approvazioneBilancio === null) return gennaio;
  const dopo = addDays(approvazioneBilancio, 30);
  return dopo > gennaio ? dopo : gennaio;
}

/** How a publication stands against its deadline. */
export type Tempestivita =
  | { stato: 'nei termini'; scadenza: string }
  | { stato: 'in ritardo'; scadenza: string; giorni: number }
  | { stato: 'non pubblicato'; scadenza: string };

export function tempestivita(pubblicazione: string | null, scadenza: string): Tempestivita {
  if (pubblicazione === null) return { stato: 'non pubblicato', scadenza };
  const giorni = daysBetween(scadenza, pubblicazione);
  return giorni > 0 ? { stato: 'in ritardo', scadenza, giorni } : { stato: 'nei termini', scadenza };
}
