/**
 * Named errors with stable codes. The HTTP layer maps `status`, the CLI maps
 * `exitCode`; messages are one line a user can act on.
 */

/** Base of every error Modernize raises on purpose. */
export class ModernizeError extends Error {
  readonly code: string;
  /** HTTP status the API answers with. */
  readonly status: number;
  /** CLI exit code: 2 for bad input, 1 otherwise. */
  readonly exitCode: number;

  constructor(message: string, options: { code: string; status: number; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ModernizeError';
    this.code = options.code;
    this.status = options.status;
    this.exitCode = options.status >= 400 && options.status < 500 ? 2 : 1;
  }
}

/** The request or file is wrong: 400, exit code 2. */
export class BadInputError extends ModernizeError {
  constructor(message: string, code = 'bad_input', cause?: unknown) {
    super(message, { code, status: 400, cause });
    this.name = 'BadInputError';
  }
}

/** Missing, or belongs to another tenant (which must look the same): 404. */
export class NotFoundError extends ModernizeError {
  constructor(what: string, cause?: unknown) {
    super(`${what} not found`, { code: 'not_found', status: 404, cause });
    this.name = 'NotFoundError';
  }
}

/** A state transition that is not allowed now (e.g. approving a running flow): 409. */
export class ConflictError extends ModernizeError {
  constructor(message: string, code = 'conflict', cause?: unknown) {
    super(message, { code, status: 409, cause });
    this.name = 'ConflictError';
  }
}

/** No or invalid credentials: 401. */
export class UnauthorizedError extends ModernizeError {
  constructor(message = 'missing or invalid token', cause?: unknown) {
    super(message, { code: 'unauthorized', status: 401, cause });
    this.name = 'UnauthorizedError';
  }
}

/** Authenticated but not allowed: 403. */
export class ForbiddenError extends ModernizeError {
  constructor(message = 'not allowed', cause?: unknown) {
    super(message, { code: 'forbidden', status: 403, cause });
    this.name = 'ForbiddenError';
  }
}

/** Optimistic-lock retries exhausted: 409. */
export class ConcurrentUpdateError extends ModernizeError {
  constructor(what: string, cause?: unknown) {
    super(`${what} was changed concurrently; retry`, { code: 'concurrent_update', status: 409, cause });
    this.name = 'ConcurrentUpdateError';
  }
}

/** True for errors whose message is safe and meant for the user. */
export function isModernizeError(error: unknown): error is ModernizeError {
  return error instanceof ModernizeError;
}

/** Duck-typed view of errors from modules that carry a stable `code` (e.g. importer errors). */
export function errorCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
    return error.code;
  return undefined;
}

/** One line, no stack: what a user sees for any error. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.slice(0, 500) ?? 'unknown error';
}
