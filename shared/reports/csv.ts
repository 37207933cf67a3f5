/**
 * RFC 4180 CSV writer for the exports: every text cell passes through `safeCell`, fields with a
 * delimiter, quote or line break are quoted, lines end with CRLF, and a UTF-8 byte order mark lets
 * Excel read non-ASCII names correctly.
 */
import { type CellValue, safeCell } from './cellSafety.ts';
import type { ExportTable } from './exportTables.ts';

const BOM = '\uFEFF';

/** Serialises one table (header row first) as CSV text. */
export function toCsv(table: ExportTable): string {
  const lines = [table.columns.map((c) => field(c)), ...table.rows.map((row) => row.map((v) => field(v)))];
  return `${BOM}${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

function field(value: CellValue): string {
  const safe = safeCell(value);
  if (safe === null) return '';
  const text = String(safe);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
