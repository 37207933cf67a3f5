/**
 * Ordered fallbacks: try each candidate in turn, remember why each one failed, and let the
 * caller see which candidate answered (flows record that on the flow as notes).
 */

/** One candidate of a fallback chain. */
export interface FallbackCandidate<T> {
  readonly name: string;
  readonly run: () => Promise<T>;
}

/** Which candidate answered and why earlier ones did not. */
export interface FallbackResult<T> {
  readonly value: T;
  readonly answeredBy: string;
  readonly failures: readonly { name: string; error: unknown }[];
}

/** Thrown when every candidate failed; `failures` lists each one's error. */
export class AllFallbacksFailedError extends Error {
  readonly code = 'all_fallbacks_failed';
  readonly failures: readonly { name: string; error: unknown }[];
  constructor(failures: readonly { name: string; error: unknown }[]) {
    super(`every candidate failed: ${failures.map((f) => `${f.name} (${errorText(f.error)})`).join('; ')}`, {
      cause: failures.at(-1)?.error,
    });
    this.name = 'AllFallbacksFailedError';
    this.failures = failures;
  }
}

/**
 * Runs the candidates in order until one succeeds. `stopOn` lets an error skip the rest
 * (e.g. the model is unreachable: a fallback agent on the same endpoint would fail too).
 */
export async function runWithFallbacks<T>(
  candidates: readonly FallbackCandidate<T>[],
  stopOn: (error: unknown) => boolean = () => false,
): Promise<FallbackResult<T>> {
  const failures: { name: string; error: unknown }[] = [];
  for (const candidate of candidates) {
    try {
      return { value: await candidate.run(), answeredBy: candidate.name, failures };
    } catch (error) {
      failures.push({ name: candidate.name, error });
      if (stopOn(error)) break;
    }
  }
  throw new AllFallbacksFailedError(failures);
}

/** A one-line description of an error for notes and logs. */
export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
