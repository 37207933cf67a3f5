/**
 * Support status against an as-of date, per DESIGN.md: `eol` once the end of standard security support
 * has passed (asOf > eol date: on the eol day itself the product is still supported), `eol_soon` when
 * it falls within 365 days of the as-of date (exactly 365 days ahead included), `supported` otherwise.
 */
import type { TechDebtStatus } from '#domain/assetSchema.ts';
import { InvalidAsOfDateError } from './errors.ts';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since the epoch of a YYYY-MM-DD date, or null when it is not a real date. */
export function dayNumber(date: string): number | null {
  const match = ISO_DAY.exec(date);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(y, m - 1, d);
  const check = new Date(time);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return time / DAY_MS;
}

/** Validates an as-of date and returns its day number. @throws InvalidAsOfDateError */
export function asOfDay(asOf: string): number {
  const day = dayNumber(asOf);
  if (day === null) throw new InvalidAsOfDateError(asOf);
  return day;
}

/** Days within which an upcoming end of support counts as `eol_soon`. */
export const EOL_SOON_DAYS = 365;

/** Status of an `eol` value (date, true = ended, false = no end announced) at an as-of day. */
export function statusOfEol(eol: string | boolean, today: number): Exclude<TechDebtStatus, 'unknown'> {
  if (eol === true) return 'eol';
  if (eol === false) return 'supported';
  const end = dayNumber(eol);
  if (end === null) return 'eol';
  if (today > end) return 'eol';
  return end - today <= EOL_SOON_DAYS ? 'eol_soon' : 'supported';
}
