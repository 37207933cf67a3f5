/**
 * Errors of the reliability helpers.
 */

/** Base of the reliability errors. */
export class ReliabilityError extends Error {
  readonly code: string;
  constructor(message: string, code: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ReliabilityError';
    this.code = code;
  }
}

/** The endpoint's circuit is open: calls fail fast until the cool-down ends. */
export class CircuitOpenError extends ReliabilityError {
  readonly endpoint: string;
  constructor(endpoint: string) {
    super(`circuit open for ${endpoint}: too many recent failures`, 'circuit_open');
    this.name = 'CircuitOpenError';
    this.endpoint = endpoint;
  }
}

/** Every attempt of a retried operation failed; `cause` is the last failure. */
export class RetriesExhaustedError extends ReliabilityError {
  readonly attempts: number;
  constructor(attempts: number, cause: unknown) {
    super(
      `gave up after ${attempts} attempt(s): ${cause instanceof Error ? cause.message : String(cause)}`,
      'retries_exhausted',
      {
        cause,
      },
    );
    this.name = 'RetriesExhaustedError';
    this.attempts = attempts;
  }
}
