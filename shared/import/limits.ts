/**
 * Limits that keep one upload from exhausting a Lambda or the local machine, and the
 * byte source contract the importers read from.
 */

/** Opens the same upload as many times as needed (S3 GetObject again, or fs.createReadStream). */
export type ByteSourceOpener = () => AsyncIterable<Uint8Array> | Promise<AsyncIterable<Uint8Array>>;

/** Upper bounds enforced while streaming; exceeding one stops the import with a clear error. */
export interface ImportLimits {
  /** Bytes of the upload as stored (compressed size for XLSX). */
  maxBytes: number;
  /** Data rows of any one table. */
  maxRows: number;
  /** Columns of any one table. */
  maxColumns: number;
  /** Longest CSV record (line, or quoted multi-line record) or cell, in bytes. */
  maxLineBytes: number;
}

/** Defaults sized for real exports: 2 GiB, 5 million rows, 1,000 columns, 1 MiB per line. */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = Object.freeze({
  maxBytes: 2 * 1024 ** 3,
  maxRows: 5_000_000,
  maxColumns: 1_000,
  maxLineBytes: 1024 ** 2,
});

/** JSON is parsed whole, so it has its own, smaller cap and a nesting cap. */
export const JSON_MAX_BYTES = 256 * 1024 ** 2;
/** Deepest JSON nesting accepted (deeper is not a table export). */
export const JSON_MAX_DEPTH = 32;
/** How many uncompressed cells an XLSX may expand to per byte of upload (decompression-bomb guard). */
export const XLSX_CELLS_PER_BYTE = 4;
/** Floor of the XLSX cell budget so small workbooks are never refused. */
export const XLSX_MIN_CELL_BUDGET = 5_000_000;

/** Merges caller overrides over the defaults. */
export function resolveLimits(overrides?: Partial<ImportLimits>): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...overrides };
}
