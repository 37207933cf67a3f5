/**
 * Errors of the data-cleansing engine. Row-level data problems are never thrown: they become
 * quality issues on the record. These errors signal a misuse of the engine itself.
 */

/** Base error of the cleansing area; `code` is stable and mapped by the API to a status. */
export class CleansingError extends Error {
  override readonly name: string = 'CleansingError';
  readonly code: string;
  constructor(message: string, code = 'CLEANSING_ERROR', options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** A mapping refers to a column header that the profile does not have, or a column appears twice. */
export class CleanserCompileError extends CleansingError {
  override readonly name: string = 'CleanserCompileError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'CLEANSER_COMPILE_ERROR', options);
  }
}
