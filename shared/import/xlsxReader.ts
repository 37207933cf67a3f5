/**
 * Streams the worksheets of an XLSX workbook (all, or those asked for) with exceljs' WorkbookReader
 * and turns cells into strings. Emits per-sheet events so callers can profile sheets without holding
 * them, skips all-blank rows anywhere, and stops a decompression bomb by a cell budget. Reads the
 * workbook-wide parts first, so no worksheet is ever parked on disk and unwanted ones are not parsed.
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
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

/** Limits shared by every sheet of one workbook read. */
export class WorkbookBudget {
  private cells = 0;
  readonly limits: ImportLimits;
  private readonly cellCap: number;
  private readonly bytesSeen: () => number;

  /** @param bytesSeen compressed bytes read so far: cells may not exceed a multiple of them (a zip bomb expands far beyond that). */
  constructor(limits: ImportLimits, bytesSeen: () => number) {
    this.limits = limits;
    this.cellCap = limits.maxRows * limits.maxColumns;
    this.bytesSeen = bytesSeen;
  }

  /** Counts a row's cells against the budget. */
  count(cells: number): void {
    this.cells += Math.max(1, cells);
    if (this.cells <= XLSX_MIN_CELL_BUDGET && this.cells <= this.cellCap) return;
    const budget = Math.min(
      this.cellCap,
      Math.max(XLSX_MIN_CELL_BUDGET, this.bytesSeen() * XLSX_CELLS_PER_BYTE),
    );
    if (this.cells > budget) {
      throw new FileTooLargeError(
        `workbook expands to more than ${budget.toLocaleString('en-US')} cells; split it or export CSV`,
      );
    }
  }
}

/**
 * Turns one sheet's rows (exceljs `row.values` arrays) into header / rows / end events:
 * the first non-blank row is the header, blank rows are skipped, rows are aligned to it.
 */
export async function* sheetEvents(
  sheet: string,
  rows: AsyncIterable<{ values: unknown }> | Iterable<{ values: unknown }>,
  budget: WorkbookBudget,
): AsyncGenerator<WorkbookEvent> {
  const { maxColumns, maxRows } = budget.limits;
  let headers: readonly string[] | null = null;
  let width = 0;
  let count = 0;
  let truncatedRows = 0;
  let batch: (readonly string[])[] = [];
  for await (const row of rows) {
    const values = row.values as unknown[];
    budget.count(Array.isArray(values) ? values.length : 0);
    const texts = rowTexts(values);
    if (isBlankRow(texts)) continue;
    if (headers === null) {
      width = lastNonBlank(texts);
      if (width > maxColumns) {
        throw new TooManyColumnsError(`sheet ${sheet} has ${width} columns; the limit is ${maxColumns}`);
      }
      headers = normaliseHeaders(texts.slice(0, width));
      yield { kind: 'header', sheet, headers };
      continue;
    }
    if (texts.length > width) {
      if (lastNonBlank(texts) > width) truncatedRows++;
      texts.length = width;
    } else while (texts.length < width) texts.push('');
    count++;
    if (count > maxRows) {
      throw new TooManyRowsError(`sheet ${sheet} has more than ${maxRows.toLocaleString('en-US')} data rows`);
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

/** Maps anything exceljs throws to a one-line MalformedFileError (import errors pass through). */
export function asXlsxError(error: unknown): ImportError {
  if (error instanceof ImportError) return error;
  const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const reason = /FILE_ENDED|end of central directory|invalid signature|corrupted zip/i.test(detail)
    ? 'the file ends early or is not a valid workbook (a truncated upload?)'
    : detail;
  return new MalformedFileError(`malformed XLSX: ${reason}`, { cause: error });
}

/** How long the reader may sit without progress once its input has ended (see `stallGuard`). */
const STALL_MS = 3000;

/**
 * exceljs' streaming reader never settles on some corrupt ZIPs (found by the importer fuzz): its
 * input has ended, yet neither a sheet nor an error ever comes. This yields from `iterable` but
 * fails with a MalformedFileError once the input has ended and `STALL_MS` pass without progress.
 */
async function* stallGuard<T>(iterable: AsyncIterable<T>, inputEndedAt: () => number): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  for (;;) {
    const waitingSince = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stalled = new Promise<never>((_, reject) => {
      const check = () => {
        const ended = inputEndedAt();
        if (ended > 0 && Date.now() - Math.max(ended, waitingSince) >= STALL_MS)
          reject(
            new MalformedFileError(
              'malformed XLSX: the workbook is corrupt (its ZIP stops making sense part-way)',
            ),
          );
        else timer = setTimeout(check, 200);
      };
      timer = setTimeout(check, 200);
    });
    try {
      const next = await Promise.race([iterator.next(), stalled]);
      if (next.done) return;
      yield next.value;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Which sheets a read parses (by name as in the workbook); the others are skipped unparsed. */
export type SheetFilter = (sheet: string) => boolean;

/**
 * An upload stream as exceljs' input. A failing source must not become an 'error' event on a stream
 * exceljs only pipes (that is an uncaught exception, or a hang): the input ends instead, and the
 * failure is kept for the reader to rethrow.
 */
class ReaderInput {
  bytesSeen = 0;
  endedAt = 0;
  error: unknown;
  readonly readable: Readable;

  constructor(stream: AsyncIterable<Uint8Array>) {
    this.readable = Readable.from(this.counted(stream), { objectMode: false });
  }

  private async *counted(stream: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of stream) {
        this.bytesSeen += chunk.length;
        yield chunk;
      }
    } catch (error) {
      this.error = error;
    } finally {
      this.endedAt = Date.now();
    }
  }

  /** Rethrows the source's failure, if any. */
  check(): void {
    if (this.error !== undefined) throw this.error;
  }
}

/** The workbook-wide parts exceljs' streaming reader needs before it can parse a worksheet as it streams by. */
interface WorkbookParts {
  sharedStrings: unknown;
  workbookRels: unknown;
  model: { sheets?: unknown };
  properties: unknown;
  styles: unknown;
}

type Excel = typeof ExcelJS;

/**
 * Reads the workbook-wide parts (sheet names, relationships, shared strings, number formats) without
 * parsing any worksheet: their ZIP entries are only inflated. Undefined when xl/workbook.xml is missing
 * or lost (a known exceljs race when it is the last ZIP entry, as exceljs itself writes it).
 */
async function readWorkbookParts(excel: Excel, input: ReaderInput): Promise<WorkbookParts | undefined> {
  const reader = new excel.stream.xlsx.WorkbookReader(input.readable, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // 'cache' (not 'ignore'): exceljs needs the number formats to tell dates from numbers.
    styles: 'cache',
    worksheets: 'ignore',
  });
  const parts = reader as unknown as WorkbookParts & { parse(): AsyncIterable<unknown> };
  // Non-empty placeholders make exceljs drain every worksheet entry as it comes, where it would otherwise
  // park those that precede the shared strings in temporary files; the real parts replace them as read.
  const placeholder = {};
  parts.sharedStrings = [];
  parts.workbookRels = [];
  parts.model = placeholder;
  for await (const _ of stallGuard(parts.parse(), () => input.endedAt)) {
    // Nothing is emitted with worksheets ignored and shared strings cached.
  }
  input.check();
  if (parts.model === placeholder || !parts.model?.sheets) return undefined;
  const { sharedStrings, workbookRels, model, properties, styles } = parts;
  return { sharedStrings, workbookRels, model, properties, styles };
}

/** How readWorkbook reaches the upload and what it reads of it. */
export interface WorkbookReadOptions {
  /** Opens the upload again: the worksheets are read on a second pass, after the workbook-wide parts. */
  readonly reopen: () => Promise<AsyncIterable<Uint8Array>>;
  /** Reads the upload another way when the streaming reader cannot find the workbook part. */
  readonly fallback?: () => AsyncIterable<WorkbookEvent>;
  /** Sheets to parse (default all). */
  readonly wanted?: SheetFilter;
}

/**
 * Reads a workbook with exceljs' streaming WorkbookReader, yielding header / row-batch / end events for
 * every sheet `wanted` accepts, in file order. Two passes over the upload: the first reads the workbook-wide
 * parts (wherever the ZIP puts them: RVTools and exceljs write the shared strings after the sheets), the
 * second parses the wanted worksheets as they stream by and only inflates the others. Nothing is written to
 * disk and no sheet is held. When the workbook part cannot be found, `fallback` reads the upload instead.
 */
export async function* readWorkbook(
  stream: AsyncIterable<Uint8Array>,
  limits: ImportLimits,
  options: WorkbookReadOptions,
): AsyncGenerator<WorkbookEvent> {
  const wanted = options.wanted ?? (() => true);
  // exceljs (with its zip libraries) loads only when a workbook arrives: it is ~600 KB of a bundle.
  const excel = (await import('exceljs')).default;
  const first = new ReaderInput(stream);
  let parts: WorkbookParts | undefined;
  try {
    parts = await readWorkbookParts(excel, first);
  } catch (error) {
    first.check();
    throw asXlsxError(error);
  } finally {
    first.readable.destroy();
  }
  if (!parts) {
    if (!options.fallback) throw new MalformedFileError('malformed XLSX: the workbook part is missing');
    yield* options.fallback();
    return;
  }
  const input = new ReaderInput(await options.reopen());
  const reader = new excel.stream.xlsx.WorkbookReader(input.readable, {
    sharedStrings: 'ignore',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  Object.assign(reader, parts);
  const budget = new WorkbookBudget(limits, () => input.bytesSeen);
  try {
    const ended = () => input.endedAt;
    for await (const worksheet of stallGuard(
      reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader>,
      ended,
    )) {
      const sheet = (worksheet as unknown as { name: string }).name;
      // A sheet not iterated is drained by exceljs: its ZIP entry is inflated, not parsed.
      if (!wanted(sheet)) continue;
      const rows = stallGuard(worksheet as AsyncIterable<ExcelJS.Row>, ended);
      for await (const event of sheetEvents(sheet, rows, budget)) {
        input.check();
        yield event;
      }
    }
    input.check();
  } catch (error) {
    input.check();
    throw asXlsxError(error);
  } finally {
    input.readable.destroy();
  }
}
