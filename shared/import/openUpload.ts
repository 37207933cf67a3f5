/**
 * The entry point of the data_import parsing layer: sniffs an upload's real format and
 * exposes it as one profiled logical table that can be streamed as many times as needed.
 */
import type { ImportProfile } from '#domain/tableTypes.ts';
import { checkKnownSize, openPeeked, type PeekedSource, readAll } from './byteSource.ts';
import { TableProfiler } from './columnProfiler.ts';
import { openCsvPass } from './csvTable.ts';
import { HeaderOnlyError } from './errors.ts';
import { readJsonTable } from './jsonTable.ts';
import { type ByteSourceOpener, type ImportLimits, JSON_MAX_BYTES, resolveLimits } from './limits.ts';
import { type SniffedFormat, sniffFormat } from './sniffFormat.ts';
import { profileWorkbook, workbookRows } from './xlsxTable.ts';

/** An upload opened as a logical table. */
export interface UploadTable {
  /** One streaming pass: validates and returns the ImportProfile (from '#domain/tableTypes.ts'), plus warnings. */
  profile(): Promise<UploadProfile>;
  /** Streams the logical table's data rows; each row is string[] aligned with profile.columns (missing cells ''), in batches for speed. */
  rows(): AsyncIterable<readonly (readonly string[])[]>;
}

/** The profile plus data-quality notes found while reading (ragged rows and the like). */
export interface UploadProfile extends ImportProfile {
  /** One-line notes, e.g. `12 rows had fewer cells than the header (padded)`. */
  readonly warnings: readonly string[];
}

/** Extra facts about the upload known before reading it. */
export interface UploadOptions {
  /** Stored size in bytes (e.g. S3 ContentLength): an oversize upload is refused before reading. */
  readonly sizeBytes?: number;
}

function raggedWarnings(short: number, long: number): string[] {
  const out: string[] = [];
  if (short > 0) out.push(`${short} rows had fewer cells than the header (padded with empty cells)`);
  if (long > 0) out.push(`${long} rows had more cells than the header (extra cells dropped)`);
  return out;
}

/**
 * Opens an upload as a logical table. The format comes from the content (ZIP → XLSX,
 * `[`/`{` → JSON, other text → CSV), never from `fileName`, which is only recorded.
 * @example
 * const table = openUpload(() => fs.createReadStream(path), 'cmdb.csv');
 * const profile = await table.profile(); // ImportError subclasses on bad input, UploadReadError on I/O
 * for await (const batch of table.rows()) for (const row of batch) use(row);
 */
export function openUpload(
  open: ByteSourceOpener,
  fileName: string,
  limits?: Partial<ImportLimits>,
  options: UploadOptions = {},
): UploadTable {
  const resolved = resolveLimits(limits);
  let cachedProfile: Promise<UploadProfile & { readonly tableSheet?: string }> | undefined;

  async function reopen(): Promise<AsyncIterable<Uint8Array>> {
    return (await openPeeked(open, resolved.maxBytes)).stream;
  }

  async function start() {
    checkKnownSize(options.sizeBytes, resolved.maxBytes);
    const peeked = await openPeeked(open, resolved.maxBytes);
    try {
      return { peeked, sniffed: sniffFormat(peeked.head) as SniffedFormat };
    } catch (error) {
      await peeked.close();
      throw error;
    }
  }

  async function profileOnce(): Promise<UploadProfile & { readonly tableSheet?: string }> {
    const { peeked, sniffed } = await start();
    try {
      return await profileSniffed(peeked, sniffed);
    } finally {
      // Releases the source when a check stopped reading early (a no-op once fully read).
      await peeked.close();
    }
  }

  async function profileSniffed(
    peeked: PeekedSource,
    sniffed: SniffedFormat,
  ): Promise<UploadProfile & { readonly tableSheet?: string }> {
    if (sniffed.format === 'xlsx') {
      const wb = await profileWorkbook({ stream: peeked.stream, reopen }, resolved);
      return {
        fileName,
        format: 'xlsx',
        rows: wb.rows,
        columns: wb.columns,
        sheets: wb.sheets,
        ...(wb.composition ? { composition: wb.composition } : {}),
        warnings: raggedWarnings(0, wb.truncatedRows),
        tableSheet: wb.tableSheet,
      };
    }
    if (sniffed.format === 'json') {
      const bytes = await readAll(peeked.stream, Math.min(resolved.maxBytes, JSON_MAX_BYTES));
      const table = readJsonTable(bytes, sniffed.encoding, sniffed.bomLength, resolved);
      const profiler = new TableProfiler(table.headers);
      profiler.addRows(table.rows);
      const columns = profiler.columns();
      return {
        fileName,
        format: 'json',
        encoding: sniffed.encoding,
        rows: profiler.rows,
        columns,
        sheets: [{ name: fileName, rows: profiler.rows, columns }],
        warnings: [],
      };
    }
    const pass = await openCsvPass(peeked.stream, sniffed.encoding, sniffed.bomLength, resolved);
    const profiler = new TableProfiler(pass.headers);
    await pass.profileInto(profiler);
    if (profiler.rows === 0) throw new HeaderOnlyError();
    const columns = profiler.columns();
    return {
      fileName,
      format: 'csv',
      encoding: sniffed.encoding,
      delimiter: pass.dialect.delimiter,
      rows: profiler.rows,
      columns,
      sheets: [{ name: fileName, rows: profiler.rows, columns }],
      warnings: raggedWarnings(pass.ragged.short, pass.ragged.long),
    };
  }

  function profileCached() {
    cachedProfile ??= profileOnce().catch((error: unknown) => {
      cachedProfile = undefined;
      throw error;
    });
    return cachedProfile;
  }

  async function* rowsOnce(): AsyncGenerator<readonly (readonly string[])[]> {
    const { peeked, sniffed } = await start();
    if (sniffed.format === 'xlsx') {
      // An RVTools workbook's own sheets settle its logical table; the profile is read only when they cannot.
      yield* workbookRows({ stream: peeked.stream, reopen }, resolved, profileCached);
      return;
    }
    if (sniffed.format === 'json') {
      const bytes = await readAll(peeked.stream, Math.min(resolved.maxBytes, JSON_MAX_BYTES));
      const table = readJsonTable(bytes, sniffed.encoding, sniffed.bomLength, resolved);
      for (let i = 0; i < table.rows.length; i += 1_000) yield table.rows.slice(i, i + 1_000);
      return;
    }
    const pass = await openCsvPass(peeked.stream, sniffed.encoding, sniffed.bomLength, resolved);
    yield* pass.batches;
  }

  return {
    profile: async () => {
      const { tableSheet: _sheet, ...profile } = await profileCached();
      return profile;
    },
    rows: () => ({ [Symbol.asyncIterator]: () => rowsOnce() }),
  };
}
