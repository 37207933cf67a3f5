/**
 * Streams every worksheet of an XLSX workbook with exceljs' WorkbookReader and turns cells
 * into strings. Emits per-sheet events so callers can profile sheets without holding them,
 * skips all-blank rows anywhere, and stops a decompression bomb by a cell budget.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  FileTooLargeError,
  ImportError,
  MalformedFileError,
  TooManyColumnsError,
  TooManyRowsError,
} from './errors.ts';
import { isBlankRow, normaliseHeaders } from './headers.ts';
import { type ImportLimits, XLSX_CELLS_PER_BYTE, XLSX_MIN_CELL_BUDGET } from './limits.ts';

/** What the workbook reader reports, in file order. */
export type WorkbookEvent =
  | { readonly kind: 'header'; readonly sheet: string; readonly headers: readonly string[] }
  | { readonly kind: 'rows'; readonly sheet: string; readonly rows: (readonly string[])[] }
  | { readonly kind: 'end'; readonly sheet: string; readonly truncatedRows: number };

const ROW_BATCH = 512;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  if (
    d.getUTCHours() === 0 &&
    d.getUTCMinutes() === 0 &&
    d.getUTCSeconds() === 0 &&
    d.getUTCMilliseconds() === 0
  ) {
    return day;
  }
  return d.toISOString();
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  const text = String(n);
  if (!text.includes('e')) return text;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/**
 * Converts one exceljs cell value to the text a user sees: numbers as plain decimals, booleans
 * `true`/`false`, dates ISO 8601, formulas their result, rich text and hyperlinks their text,
 * errors ''.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return numberText(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return String(value);
  }
  if (value instanceof Date) return dateText(value);
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText))
    return v.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join('');
  if ('error' in v) return '';
  if ('formula' in v || 'sharedFormula' in v || 'result' in v) return cellText(v.result);
  if ('text' in v) return cellText(v.text);
  return '';
}

function rowTexts(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const out: string[] = [];
  for (let i = 1; i < values.length; i++) out.push(cellText(values[i]));
  return out;
}

function lastNonBlank(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if ((cells[i] as string).trim() !== '') return i + 1;
  return 0;
}

/** Reads a workbook stream, yielding header / row-batch / end events for every sheet. */
export async function* readWorkbook(
  stream: AsyncIterable<Uint8Array>,
  limits: ImportLimits,
): AsyncGenerator<WorkbookEvent> {
  let bytesSeen = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of stream) {
      bytesSeen += chunk.length;
      yield chunk;
    }
  }
  const input = Readable.from(counted(), { objectMode: false });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // 'cache' (not 'ignore'): exceljs needs the number formats to tell dates from numbers.
    styles: 'cache',
    worksheets: 'emit',
  });
  let cells = 0;
  // Cells may not exceed a multiple of the compressed bytes read so far (a zip bomb expands far
  // beyond that), nor what the row and column limits allow.
  const cellCap = limits.maxRows * limits.maxColumns;
  try {
    for await (const worksheet of reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader>) {
      const sheet = (worksheet as unknown as { name: string }).name;
      let headers: readonly string[] | null = null;
      let width = 0;
      let rows = 0;
      let truncatedRows = 0;
      let batch: (readonly string[])[] = [];
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        cells += Math.max(1, values.length);
        const budget = Math.min(cellCap, Math.max(XLSX_MIN_CELL_BUDGET, bytesSeen * XLSX_CELLS_PER_BYTE));
        if (cells > budget) {
          throw new FileTooLargeError(
            `workbook expands to more than ${budget.toLocaleString('en-US')} cells; split it or export CSV`,
          );
        }
        const texts = rowTexts(values);
        if (isBlankRow(texts)) continue;
        if (headers === null) {
          width = lastNonBlank(texts);
          if (width > limits.maxColumns) {
            throw new TooManyColumnsError(
              `sheet ${sheet} has ${width} columns; the limit is ${limits.maxColumns}`,
            );
          }
          headers = normaliseHeaders(texts.slice(0, width));
          yield { kind: 'header', sheet, headers };
          continue;
        }
        if (texts.length !== width) {
          if (texts.length > width) {
            if (lastNonBlank(texts) > width) truncatedRows++;
            texts.length = width;
          } else while (texts.length < width) texts.push('');
        }
        rows++;
        if (rows > limits.maxRows) {
          throw new TooManyRowsError(
            `sheet ${sheet} has more than ${limits.maxRows.toLocaleString('en-US')} data rows`,
          );
        }
        batch.push(texts);
        if (batch.length >= ROW_BATCH) {
          yield { kind: 'rows', sheet, rows: batch };
          batch = [];
        }
      }
      if (batch.length > 0) yield { kind: 'rows', sheet, rows: batch };
      yield { kind: 'end', sheet, truncatedRows };
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const reason = /FILE_ENDED|end of central directory/i.test(detail)
      ? 'the file ends early (a truncated upload?)'
      : detail;
    throw new MalformedFileError(`malformed XLSX: ${reason}`, { cause: error });
  } finally {
    input.destroy();
  }
}
