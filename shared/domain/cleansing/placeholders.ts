/**
 * Placeholder cell values: what people type into a CMDB when they do not know a value. They carry no
 * information, so cleansing turns them into null instead of reporting them as invalid data.
 */

const PLACEHOLDERS: ReadonlySet<string> = new Set([
  'n/a',
  'n.a.',
  'n.a',
  '-',
  '--',
  '---',
  '—',
  'unknown',
  'unk',
  'none',
  'null',
  'nil',
  'undefined',
  'tbd',
  'tba',
  '?',
  '??',
  '#n/a',
  '#na',
  '#value!',
  '#ref!',
  '(blank)',
  '(none)',
  '(null)',
  'not available',
  'not applicable',
  'not set',
]);

/** First characters of placeholders (both cases), so most real values are rejected without lower-casing. */
const INITIALS: ReadonlySet<number> = new Set(
  [...PLACEHOLDERS].flatMap((p) => [p.toLowerCase().charCodeAt(0), p.toUpperCase().charCodeAt(0)]),
);

/** Longest placeholder, so that long cells skip the lookup and its lower-casing. */
const MAX_PLACEHOLDER_LENGTH = 15;

/**
 * True when an already trimmed cell is a placeholder ("N/A", "-", "unknown", "TBD", "#N/A"...).
 * "NA" is deliberately not one: it is a common region code (North America).
 */
export function isPlaceholder(trimmed: string): boolean {
  if (trimmed.length > MAX_PLACEHOLDER_LENGTH || !INITIALS.has(trimmed.charCodeAt(0))) return false;
  return PLACEHOLDERS.has(trimmed.toLowerCase());
}
