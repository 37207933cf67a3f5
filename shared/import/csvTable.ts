/**
 * Streams a CSV/TSV upload as a header plus batches of aligned data rows: decodes in the
 * sniffed encoding, sniffs the dialect, skips blank lines, pads short rows and truncates
 * long ones (counting both), and enforces row and column limits as it goes.
 */

import type { TableProfiler } from './columnProfiler.ts';
import { type CsvDialect, sniffDialect } from './csvDialect.ts';
import { type CsvLineSink, CsvRecordParser } from './csvRecordParser.ts';
import { EmptyFileError, TooManyColumnsError, TooManyRowsError } from './errors.ts';
import { isBlankRow, normaliseHeaders } from './headers.ts';
import type { ImportLimits } from './limits.ts';
import { decoderLabel, type TextEncodingName } from './sniffFormat.ts';

/** Rows padded or truncated to the header's width. */
export interface RaggedCounts {
  short: number;
  long: number;
}

/** A CSV opened for one pass. */
export interface CsvPass {
  readonly dialect: CsvDialect;
  readonly headers: readonly string[];
  /** Batches of data rows, each exactly `headers.length` wide. */
  readonly batches: AsyncGenerator<(readonly string[])[]>;
  /**
   * Reads the data rows into a profiler instead of yielding them (consume either this or `batches`): the
   * profile pass, where most cells are only counted, never splits a line without quotes.
   */
  readonly profileInto: (profiler: TableProfiler) => Promise<void>;
  /** Filled in while `batches` or `profileInto` is consumed. */
  readonly ragged: RaggedCounts;
}

async function* decode(
  stream: AsyncIterable<Uint8Array>,
  encoding: TextEncodingName,
  bomLength: number,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(decoderLabel(encoding), { ignoreBOM: true });
  let first = true;
  for await (const bytes of stream) {
    let text = decoder.decode(first ? bytes.subarray(bomLength) : bytes, { stream: true });
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    if (text.length > 0) yield text;
  }
  const tail = decoder.decode();
  if (tail.length > 0) yield tail;
}

function align(row: readonly string[], width: number, ragged: RaggedCounts): readonly string[] {
  if (row.length === width) return row;
  if (row.length < width) {
    ragged.short++;
    const padded = row.slice();
    while (padded.length < width) padded.push('');
    return padded;
  }
  if (hasExtraContent(row, width)) ragged.long++;
  return row.slice(0, width);
}

/** True when a row's cells past the header's width hold something (they are dropped: the row is long). */
function hasExtraContent(row: readonly string[], width: number): boolean {
  for (let i = width; i < row.length; i++) if ((row[i] as string).trim() !== '') return true;
  return false;
}

/**
 * Feeds parsed rows to a profiler exactly as the batches would give them: blank rows skipped, short rows
 * padded and long rows cut (and counted). A quote-free line whose first cell starts with a visible character
 * (so the row is not blank) goes to the profiler as a text range.
 */
class ProfilingSink implements CsvLineSink {
  rows = 0;
  private readonly profiler: TableProfiler;
  private readonly width: number;
  private readonly delimiter: string;
  private readonly delimiterCode: number;
  private readonly ragged: RaggedCounts;

  constructor(profiler: TableProfiler, width: number, delimiter: string, ragged: RaggedCounts) {
    this.profiler = profiler;
    this.width = width;
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
    this.ragged = ragged;
  }

  line(text: string, start: number, end: number): void {
    const first = text.charCodeAt(start);
    if (first <= 32 || first === this.delimiterCode) {
      this.record(text.slice(start, end).split(this.delimiter));
      return;
    }
    const cells = this.profiler.addLine(text, start, end, this.delimiter);
    this.rows++;
    if (cells < this.width) this.ragged.short++;
    else if (cells > this.width && hasExtraContent(text.slice(start, end).split(this.delimiter), this.width))
      this.ragged.long++;
  }

  record(fields: readonly string[]): void {
    if (isBlankRow(fields)) return;
    this.rows++;
    this.profiler.addRow(fields.length === this.width ? fields : align(fields, this.width, this.ragged));
  }
}

/**
 * Opens one pass over a CSV: reads until the header row is found (the first non-blank record),
 * then returns it with a generator of aligned data-row batches.
 */
export async function openCsvPass(
  stream: AsyncIterable<Uint8Array>,
  encoding: TextEncodingName,
  bomLength: number,
  limits: ImportLimits,
): Promise<CsvPass> {
  const texts = decode(stream, encoding, bomLength);
  try {
    return await openPass(texts, limits);
  } catch (error) {
    await texts.return(undefined);
    throw error;
  }
}

async function openPass(texts: AsyncGenerator<string>, limits: ImportLimits): Promise<CsvPass> {
  let pending: (readonly string[])[] = [];
  let head = '';
  let ended = false;
  // Gather enough text to sniff the dialect reliably.
  while (head.length < 32 * 1024) {
    const next = await texts.next();
    if (next.done) {
      ended = true;
      break;
    }
    head += next.value;
  }
  const dialect = sniffDialect(head, ended);
  const parser = new CsvRecordParser(dialect.delimiter, dialect.newline, limits.maxLineBytes);
  parser.push(head.slice(dialect.skipChars), ended, pending);
  let headerIndex = pending.findIndex((r) => !isBlankRow(r));
  while (headerIndex === -1 && !ended) {
    pending = [];
    const next = await texts.next();
    if (next.done) {
      ended = true;
      parser.push('', true, pending);
    } else parser.push(next.value, false, pending);
    headerIndex = pending.findIndex((r) => !isBlankRow(r));
  }
  if (headerIndex === -1) throw new EmptyFileError();
  const rawHeader = pending[headerIndex] as readonly string[];
  if (rawHeader.length > limits.maxColumns) {
    throw new TooManyColumnsError(`file has ${rawHeader.length} columns; the limit is ${limits.maxColumns}`);
  }
  const headers = normaliseHeaders(rawHeader);
  const width = headers.length;
  const ragged: RaggedCounts = { short: 0, long: 0 };
  const firstRecords = pending.slice(headerIndex + 1);
  let rows = 0;
  function checkRows(): void {
    if (rows > limits.maxRows) {
      throw new TooManyRowsError(`file has more than ${limits.maxRows.toLocaleString('en-US')} data rows`);
    }
  }
  function accept(records: readonly (readonly string[])[]): (readonly string[])[] {
    const batch: (readonly string[])[] = [];
    for (let i = 0; i < records.length; i++) {
      const record = records[i] as readonly string[];
      if (isBlankRow(record)) continue;
      batch.push(record.length === width ? record : align(record, width, ragged));
    }
    rows += batch.length;
    checkRows();
    return batch;
  }
  async function profileInto(profiler: TableProfiler): Promise<void> {
    const sink = new ProfilingSink(profiler, width, dialect.delimiter, ragged);
    for (const record of firstRecords) sink.record(record);
    rows = sink.rows;
    checkRows();
    if (ended) return;
    for await (const text of texts) {
      parser.scan(text, false, sink);
      rows = sink.rows;
      checkRows();
    }
    parser.scan('', true, sink);
    rows = sink.rows;
    checkRows();
  }
  async function* batches(): AsyncGenerator<(readonly string[])[]> {
    const first = accept(firstRecords);
    if (first.length > 0) yield first;
    if (ended) return;
    let records: (readonly string[])[] = [];
    for await (const text of texts) {
      parser.push(text, false, records);
      if (records.length >= 512) {
        const batch = accept(records);
        records = [];
        if (batch.length > 0) yield batch;
      }
    }
    parser.push('', true, records);
    const last = accept(records);
    if (last.length > 0) yield last;
  }
  return { dialect, headers, batches: batches(), profileInto, ragged };
}
