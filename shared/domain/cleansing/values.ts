/**
 * Parsers for small typed values: booleans, power states, network protocols and dates (ISO,
 * US month/day/year, day.month.year, Excel serials and Unix epochs).
 */

const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 'yes', 'y', '1', 'on', 't', 'x', 'enabled']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'no', 'n', '0', 'off', 'f', 'disabled']);

/** Parses true/false/yes/no/y/n/1/0/on/off (any case); null when the cell is none of these. */
export function parseBoolean(raw: string): boolean | null {
  const lower = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(lower)) return true;
  if (FALSE_WORDS.has(lower)) return false;
  return null;
}

const POWER_STATES: Readonly<Record<string, string>> = {
  poweredon: 'on',
  on: 'on',
  running: 'on',
  started: 'on',
  up: 'on',
  active: 'on',
  online: 'on',
  poweredoff: 'off',
  off: 'off',
  stopped: 'off',
  down: 'off',
  shutdown: 'off',
  deallocated: 'off',
  offline: 'off',
  terminated: 'off',
  suspended: 'suspended',
  paused: 'suspended',
  saved: 'suspended',
  hibernated: 'suspended',
};

/** Normalises a power state to 'on' | 'off' | 'suspended' (RVTools poweredOn/poweredOff, cloud running/stopped); other values are kept lower-cased. */
export function normalizePowerState(raw: string): string {
  const lower = raw.trim().toLowerCase();
  return POWER_STATES[lower.replace(/[\s_-]+/g, '')] ?? lower;
}

const PROTOCOL_NUMBERS: Readonly<Record<string, string>> = {
  '1': 'ICMP',
  '6': 'TCP',
  '17': 'UDP',
  '58': 'ICMPV6',
};

/** Normalises a protocol to upper case, mapping IANA numbers (6 → TCP, 17 → UDP, 1 → ICMP). */
export function normalizeProtocol(raw: string): string {
  const trimmed = raw.trim();
  return PROTOCOL_NUMBERS[trimmed] ?? trimmed.toUpperCase();
}

/** How slash dates of a column are ordered, decided once per column from its samples. */
export type SlashDateOrder = 'month-first' | 'day-first';

/** Day-first when any sample's first slash field exceeds 12 (e.g. "25/12/2023"), month-first (US) otherwise. */
export function detectSlashDateOrder(samples: readonly string[]): SlashDateOrder {
  for (const sample of samples) {
    const match = SLASH_DATE.exec(sample.trim());
    if (match && Number(match[1]) > 12) return 'day-first';
  }
  return 'month-first';
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i;
const DOT_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SERIAL = /^\d{4,5}(?:\.\d+)?$/;
const EPOCH = /^\d{10}(?:\d{3})?$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Options of {@link parseDate}. */
export interface DateParseOptions {
  /** Slash-date order of the column. */
  readonly slashOrder?: SlashDateOrder;
  /** Accept bare numbers as Excel serial days (only for columns known to hold dates). */
  readonly allowSerial?: boolean;
}

/**
 * Parses a date cell to ISO 8601: "YYYY-MM-DD" for dates, "YYYY-MM-DDTHH:MM:SS.sssZ" when a time is
 * present. Accepts ISO, US m/d/Y (or d/m/Y per column), d.m.Y, Unix epochs (seconds or milliseconds)
 * and, when allowed, Excel serial days. Returns null for anything else or an impossible date.
 */
export function parseDate(raw: string, options: DateParseOptions = {}): string | null {
  const text = raw.trim();
  let match = ISO_DATE.exec(text);
  if (match) {
    const [, y, mo, d, h, mi, s, frac, zone] = match;
    if (h === undefined) return buildDate(Number(y), Number(mo), Number(d));
    if (zone !== undefined) {
      const parsed = Date.parse(text.replace(' ', 'T'));
      return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
    }
    const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
    return buildDateTime(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
  }
  match = SLASH_DATE.exec(text);
  if (match) {
    const [, a, b, yText, h, mi, s, ampm] = match;
    const year = yText !== undefined && yText.length === 2 ? 2000 + Number(yText) : Number(yText);
    const [month, day] = options.slashOrder === 'day-first' ? [Number(b), Number(a)] : [Number(a), Number(b)];
    if (h === undefined) return buildDate(year, month, day);
    let hour = Number(h);
    if (ampm !== undefined) hour = (hour % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
    return buildDateTime(year, month, day, hour, Number(mi), Number(s ?? 0), 0);
  }
  match = DOT_DATE.exec(text);
  if (match) {
    const [, d, mo, y, h, mi, s] = match;
    if (h === undefined) return buildDate(Number(y), Number(mo), Number(d));
    return buildDateTime(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0), 0);
  }
  if (EPOCH.test(text)) {
    const value = Number(text);
    return new Date(text.length === 13 ? value : value * 1000).toISOString();
  }
  if (options.allowSerial && SERIAL.test(text)) {
    const days = Number(text);
    if (days < 1 || days > 2_958_465) return null;
    const ms = Math.round(EXCEL_EPOCH_MS + days * DAY_MS);
    const date = new Date(ms);
    return Number.isInteger(days) ? date.toISOString().slice(0, 10) : date.toISOString();
  }
  return null;
}

function buildDate(year: number, month: number, day: number): string | null {
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}

function buildDateTime(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
): string | null {
  if (buildDate(y, mo, d) === null || h > 23 || mi > 59 || s > 59) return null;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms)).toISOString();
}
