/**
 * Spreadsheet formula injection (CSV injection): a text cell starting with one of these characters
 * is run as a formula by Excel, LibreOffice and Google Sheets when the CSV is opened. The CSV writer
 * neutralises such cells and the validator warns about them ([formula]); both use this one test.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The text as a safe CSV cell: a leading apostrophe makes spreadsheets read it as text (OWASP advice). */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
