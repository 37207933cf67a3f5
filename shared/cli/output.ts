/**
 * CLI output discipline: one JSON document (or human text) on stdout, progress on stderr,
 * exit code 2 with a one-line reason for bad input, 1 for anything else.
 */
import { isModernizeError, oneLine } from '#errors/errors.ts';
import { ImportError } from '#import/index.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Bad command-line usage: exit code 2. */
export class UsageError extends Error {
  readonly code = 'usage';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Maps an error to its exit code and prints one line on stderr. */
export function reportError(io: Io, error: unknown): number {
  const badInput = error instanceof UsageError || error instanceof ImportError;
  const exitCode = badInput ? 2 : isModernizeError(error) ? error.exitCode : 1;
  const known = badInput || isModernizeError(error);
  io.err(`error: ${known ? oneLine(error) : `unexpected failure: ${oneLine(error)}`}`);
  return exitCode;
}
