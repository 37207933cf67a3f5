/**
 * Errors raised while importing an upload. Each has a stable `code` the API maps to a
 * status, and a one-line message a consultant understands (never a stack trace).
 */

/** Base class of every import failure; `code` is stable, `message` is one user-facing line. */
export class ImportError extends Error {
  override readonly name: string = 'ImportError';
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** The upload has no content (0 bytes, or only whitespace / a byte-order mark). */
export class EmptyFileError extends ImportError {
  override readonly name = 'EmptyFileError';
  constructor(message = 'file is empty', options?: { cause?: unknown }) {
    super('empty_file', message, options);
  }
}

/** The upload has a header row but no data rows. */
export class HeaderOnlyError extends ImportError {
  override readonly name = 'HeaderOnlyError';
  constructor(message = 'file has a header row but no data rows', options?: { cause?: unknown }) {
    super('header_only', message, options);
  }
}

/** The upload is binary content that is none of the supported formats. */
export class BinaryFileError extends ImportError {
  override readonly name = 'BinaryFileError';
  constructor(message = 'file looks binary (not CSV, XLSX or JSON)', options?: { cause?: unknown }) {
    super('binary_file', message, options);
  }
}

/** The upload claims a supported format but its structure is broken (bad quoting, bad JSON, corrupt XLSX). */
export class MalformedFileError extends ImportError {
  override readonly name = 'MalformedFileError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('malformed', message, options);
  }
}

/** The upload (or what it expands to) exceeds the size limit. */
export class FileTooLargeError extends ImportError {
  override readonly name = 'FileTooLargeError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('too_large', message, options);
  }
}

/** A table has more columns than the limit allows. */
export class TooManyColumnsError extends ImportError {
  override readonly name = 'TooManyColumnsError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('too_many_columns', message, options);
  }
}

/** A table has more data rows than the limit allows. */
export class TooManyRowsError extends ImportError {
  override readonly name = 'TooManyRowsError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('too_many_rows', message, options);
  }
}

/** The upload is a recognisable format we do not import (old .xls, ODS, other ZIPs, JSON that is not rows). */
export class UnsupportedFormatError extends ImportError {
  override readonly name = 'UnsupportedFormatError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('unsupported_format', message, options);
  }
}

/**
 * The upload could not be read from its source (S3 or disk failed mid-way). Deliberately not an
 * ImportError: callers treat ImportError as the user's bad input, and this is a retryable failure.
 */
export class UploadReadError extends Error {
  override readonly name = 'UploadReadError';
  readonly code = 'read_failed';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Formats a byte count the way a user reads it (e.g. `3.1 GB`, `512 KB`). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text =
    unit === 0 || value >= 10 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(1);
  return `${text} ${units[unit]}`;
}
