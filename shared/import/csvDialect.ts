/**
 * Sniffs a CSV's dialect from its first decoded text: delimiter (by consistency of field
 * counts outside quotes), line ending, and an Excel `sep=` first line.
 */

/** Delimiters tried, in tie-break order. */
export const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;

/** How a CSV is laid out. */
export interface CsvDialect {
  readonly delimiter: string;
  readonly newline: '\n' | '\r';
  /** Characters at the start of the text to skip (an Excel `sep=;` line). */
  readonly skipChars: number;
}

const SEP_LINE = /^sep=(.)[ \t]*(\r\n|\n|\r|$)/i;
const SAMPLE_LINES = 50;

/** Counts each candidate delimiter outside quotes, per record, over the first records. */
function countPerRecord(text: string, complete: boolean): number[][] {
  const counts: number[][] = [];
  let current = CANDIDATE_DELIMITERS.map(() => 0);
  let inQuotes = false;
  let blank = true;
  for (let i = 0; i < text.length && counts.length < SAMPLE_LINES; i++) {
    const c = text[i] as string;
    if (c === '"') {
      inQuotes = !inQuotes;
      blank = false;
    } else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (!blank) counts.push(current);
      current = CANDIDATE_DELIMITERS.map(() => 0);
      blank = true;
    } else if (!inQuotes) {
      const d = CANDIDATE_DELIMITERS.indexOf(c as (typeof CANDIDATE_DELIMITERS)[number]);
      if (d >= 0) current[d] = (current[d] as number) + 1;
      if (c !== ' ' && c !== '\t') blank = false;
    }
  }
  if (complete && !blank && counts.length < SAMPLE_LINES) counts.push(current);
  return counts;
}

function mode(values: readonly number[]): { value: number; share: number } {
  const freq = new Map<number, number>();
  for (const v of values) freq.set(v, (freq.get(v) ?? 0) + 1);
  let value = 0;
  let best = 0;
  for (const [v, n] of freq) {
    if (n > best || (n === best && v > value)) {
      value = v;
      best = n;
    }
  }
  return { value, share: values.length === 0 ? 0 : best / values.length };
}

/**
 * Sniffs the dialect. `text` is the decoded head of the file; `complete` says whether it is
 * the whole file (otherwise its last line may be cut and is ignored).
 */
export function sniffDialect(text: string, complete: boolean): CsvDialect {
  const newline: '\n' | '\r' = text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
  const sep = SEP_LINE.exec(text);
  if (sep) return { delimiter: sep[1] as string, newline, skipChars: sep[0].length };
  const perRecord = countPerRecord(text, complete);
  let best: string = ',';
  let bestShare = 0;
  let bestCount = 0;
  CANDIDATE_DELIMITERS.forEach((delimiter, d) => {
    const { value, share } = mode(perRecord.map((r) => r[d] as number));
    if (value === 0) return;
    if (share > bestShare + 1e-9 || (Math.abs(share - bestShare) < 1e-9 && value > bestCount)) {
      best = delimiter;
      bestShare = share;
      bestCount = value;
    }
  });
  return { delimiter: best, newline, skipChars: 0 };
}
