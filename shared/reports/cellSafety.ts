/**
 * Formula-injection defence for spreadsheet exports (OWASP "CSV injection"): a text cell that a
 * spreadsheet would evaluate as a formula is prefixed with a single quote so it stays text.
 */

/** Characters that make Excel, LibreOffice or Sheets treat a cell as a formula or command. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell value as the exports carry it. Numbers and booleans are typed cells and never formulas. */
export type CellValue = string | number | boolean | null;

/**
 * Returns the value a spreadsheet will show as text: `=1+1` becomes `'=1+1`. Numbers, booleans and
 * null pass through unchanged (a negative number is a number, not a formula).
 */
export function safeCell(value: CellValue): CellValue {
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}
