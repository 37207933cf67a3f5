/**
 * Tolerant number parsing for spreadsheet exports: thousands separators ("1,024", "1 024",
 * "1.024,5"), trailing units or words ("4 vCPU", "16 GB", "2.4 GHz") and percent signs.
 */
import type { SizeUnit } from '#domain/tableTypes.ts';

/** A number found at the start of a cell, and the (lower-cased, trimmed) text after it. */
export interface NumberWithSuffix {
  readonly value: number;
  readonly suffix: string;
}

const NUMBER_THEN_SUFFIX = /^([-+]?\d[\d.,'\u00a0 ]*?)\s*([^\d\s.,'][\s\S]*)?$/;
const COMMA_GROUPS = /^\d{1,3}(?:,\d{3})+$/;
const DOT_GROUPS = /^\d{1,3}(?:\.\d{3}){2,}$/;

/**
 * Splits a trimmed cell into a leading number and the text after it, or null when the cell does not
 * start with a number. Decides thousands vs decimal separators the way people write them:
 * "1,024" → 1024, "1,5" → 1.5, "1.024,50" → 1024.5, "1,234.5" → 1234.5.
 */
export function splitNumber(trimmed: string): NumberWithSuffix | null {
  if (isPlainNumber(trimmed)) return { value: Number(trimmed), suffix: '' };
  if (COMMA_GROUPS.test(trimmed)) return { value: Number(trimmed.replaceAll(',', '')), suffix: '' };
  const match = NUMBER_THEN_SUFFIX.exec(trimmed);
  if (!match) return null;
  const digits = normaliseDigits((match[1] ?? '').replace(/['\u00a0 ]/g, ''));
  if (digits === null) return null;
  const value = Number(digits);
  if (!Number.isFinite(value)) return null;
  return { value, suffix: (match[2] ?? '').trim().toLowerCase() };
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * True for an optionally signed decimal without separators ("42", "-1.5"), as `/^[-+]?\d+(?:\.\d+)?$/`
 * accepts it, checked by character codes: most numeric cells are plain and take no regex.
 */
export function isPlainNumber(text: string): boolean {
  const length = text.length;
  let i = 0;
  const first = text.charCodeAt(0);
  if (first === 45 || first === 43) i = 1;
  const start = i;
  while (i < length && isDigitCode(text.charCodeAt(i))) i++;
  if (i === start) return false;
  if (i === length) return true;
  if (text.charCodeAt(i) !== 46) return false;
  const fraction = ++i;
  while (i < length && isDigitCode(text.charCodeAt(i))) i++;
  return i === length && i > fraction;
}

function normaliseDigits(text: string): string | null {
  const sign = text.startsWith('-') || text.startsWith('+') ? text[0] : '';
  const body = sign ? text.slice(1) : text;
  const lastComma = body.lastIndexOf(',');
  const lastDot = body.lastIndexOf('.');
  let out: string;
  if (lastComma >= 0 && lastDot >= 0) {
    out = lastComma > lastDot ? body.replace(/\./g, '').replace(',', '.') : body.replace(/,/g, '');
  } else if (lastComma >= 0) {
    if (COMMA_GROUPS.test(body)) out = body.replace(/,/g, '');
    else if (body.indexOf(',') === lastComma) out = body.replace(',', '.');
    else return null;
  } else if (lastDot >= 0 && body.indexOf('.') !== lastDot) {
    if (!DOT_GROUPS.test(body)) return null;
    out = body.replace(/\./g, '');
  } else {
    out = body;
  }
  if (!/^\d*\.?\d+$|^\d+\.$/.test(out)) return null;
  return sign + out;
}

/**
 * Removes binary floating-point noise (0.1 + 0.2, 1.1 * 1024) by rounding to 9 decimals: far below any
 * unit the canonical fields use (1e-9 GB is one byte). Integers pass through untouched.
 */
export function tidy(value: number): number {
  return Number.isInteger(value) ? value : Math.round(value * 1e9) / 1e9;
}

/** Which side of a "used / total" cell a field wants. */
export type SizePart = 'used' | 'total';

const USED_OF_TOTAL = /^(.+?)\s*(?:\/|\bof\b)\s*(.+)$/i;

/**
 * Splits a size cell written as used over total, as consoles and some exports show capacity
 * ("61.2 GiB / 127 GiB", "40 of 100 GB"), and keeps the requested side: the total for an
 * allocated size, the used part for a used size. A used part without its own unit takes the
 * total's ("61.2 / 127 GiB"). Any other cell is returned as it is.
 * @example pickSizePart('61.2 GiB / 127 GiB', 'used') // '61.2 GiB'
 */
export function pickSizePart(trimmed: string, part: SizePart): string {
  const match = USED_OF_TOTAL.exec(trimmed);
  if (!match) return trimmed;
  const used = splitNumber((match[1] ?? '').trim());
  const total = splitNumber((match[2] ?? '').trim());
  if (used === null || total === null) return trimmed;
  if (part === 'total') return (match[2] ?? '').trim();
  const usedText = (match[1] ?? '').trim();
  return used.suffix === '' && total.suffix !== '' ? `${usedText} ${total.suffix}` : usedText;
}

/** GB per unit, with GiB semantics: 1024 MB = 1 GB, as infrastructure tools report sizes. */
const GB_PER_UNIT: Readonly<Record<string, number>> = {
  b: 1 / 1024 ** 3,
  byte: 1 / 1024 ** 3,
  bytes: 1 / 1024 ** 3,
  k: 1 / 1024 ** 2,
  kb: 1 / 1024 ** 2,
  kib: 1 / 1024 ** 2,
  m: 1 / 1024,
  mb: 1 / 1024,
  mib: 1 / 1024,
  g: 1,
  gb: 1,
  gib: 1,
  t: 1024,
  tb: 1024,
  tib: 1024,
  p: 1024 ** 2,
  pb: 1024 ** 2,
  pib: 1024 ** 2,
};

/** GB per unit written after a number ("512MB", "16 GiB", "2T", "16 GB RAM"), or undefined for other words. */
export function gigabytesPerSuffix(suffix: string): number | undefined {
  const space = suffix.indexOf(' ');
  return GB_PER_UNIT[space < 0 ? suffix : suffix.slice(0, space)];
}

/** GB per unit for a mapping's declared unit. */
export function gigabytesPerUnit(unit: SizeUnit | undefined): number {
  return unit === undefined ? 1 : (GB_PER_UNIT[unit.toLowerCase()] ?? 1);
}

/**
 * Parses a size cell to gigabytes (GiB semantics: 1024 MB = 1 GB). A unit written in the cell
 * ("512MB", "1.5 TB") wins over the column's unit; a bare number uses the column's unit (GB when none).
 * A "used / total" cell gives its total, or its used part when `part` is 'used' (see pickSizePart).
 * Returns null for empty cells, placeholders-free garbage, negative sizes or unknown unit words.
 */
export function parseSize(raw: string, unit: SizeUnit | undefined, part: SizePart = 'total'): number | null {
  const trimmed = pickSizePart(raw.trim(), part);
  if (trimmed === '') return null;
  const parsed = splitNumber(trimmed);
  if (parsed === null || parsed.value < 0) return null;
  let factor: number;
  if (parsed.suffix === '') factor = gigabytesPerUnit(unit);
  else {
    const inline = gigabytesPerSuffix(parsed.suffix);
    if (inline === undefined) return null;
    factor = inline;
  }
  return tidy(parsed.value * factor);
}
