/**
 * Retry with capped exponential backoff and full jitter, for operations that have no retry
 * of their own (the LLM client retries inside the openai package; this serves the rest, such
 * as reading the model's key from Secrets Manager).
 */
import { RetriesExhaustedError } from './errors.ts';

export interface RetryOptions {
  /** Attempts in all, including the first (default 3). */
  readonly attempts?: number;
  /** First backoff ceiling in ms (default 200). */
  readonly baseMs?: number;
  /** Largest backoff in ms (default 5 000). */
  readonly maxMs?: number;
  /** Which failures are worth another attempt (default: all). */
  readonly retryable?: (error: unknown) => boolean;
  /** Waits `ms` (tests pass a recorder instead of real time). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Random source in [0, 1) (tests pass a fixed one). */
  readonly random?: () => number;
}

/** The wait before retry number `attempt` (1-based): uniform in [0, min(maxMs, baseMs * 2^(attempt-1))]. */
export function backoffDelay(
  attempt: number,
  options: Pick<RetryOptions, 'baseMs' | 'maxMs' | 'random'> = {},
): number {
  const ceiling = Math.min(options.maxMs ?? 5_000, (options.baseMs ?? 200) * 2 ** (attempt - 1));
  return Math.floor(ceiling * (options.random ?? Math.random)());
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `operation` until it succeeds, a failure is not retryable, or the attempts are used up. */
export async function retryWithBackoff<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 3);
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (options.retryable && !options.retryable(error)) throw error;
      if (attempt >= attempts) throw new RetriesExhaustedError(attempt, error);
      await sleep(backoffDelay(attempt, options));
    }
  }
}
