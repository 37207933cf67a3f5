/**
 * A circuit breaker per endpoint: after `failureThreshold` consecutive failures the circuit
 * opens and calls fail fast (no request, no retry waits) for `openMs`; then one trial call is
 * let through (half-open) and its outcome closes or re-opens the circuit.
 *
 * Breakers hold endpoint health only, never tenant data, so one registry may live as long as
 * a warm container: every tenant benefits from knowing that the endpoint is down.
 */
import { CircuitOpenError } from './errors.ts';

export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit (default 3). */
  readonly failureThreshold?: number;
  /** How long the circuit stays open before a trial call (default 30 s). */
  readonly openMs?: number;
  /** Clock in ms (tests pass their own). */
  readonly now?: () => number;
  /**
   * Called each time the circuit opens (closed -> open, or a failed half-open trial re-opening it),
   * e.g. to emit the `Modernize/LlmCircuitOpen` metric. A throwing hook never fails the call.
   */
  readonly onOpen?: (endpoint: string) => void;
}

/** One endpoint's breaker. */
export class CircuitBreaker {
  readonly endpoint: string;
  private readonly threshold: number;
  private readonly openMs: number;
  private readonly now: () => number;
  private readonly onOpen: ((endpoint: string) => void) | undefined;
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(endpoint: string, options: CircuitBreakerOptions = {}) {
    this.endpoint = endpoint;
    this.threshold = options.failureThreshold ?? 3;
    this.openMs = options.openMs ?? 30_000;
    this.now = options.now ?? Date.now;
    this.onOpen = options.onOpen;
  }

  get state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.openMs ? 'half_open' : 'open';
  }

  /**
   * Runs `operation` through the breaker. `countsAsFailure` decides which errors say the
   * endpoint is unhealthy (a caller's bad input should not open the circuit).
   */
  async run<T>(
    operation: () => Promise<T>,
    countsAsFailure: (error: unknown) => boolean = () => true,
  ): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half_open' && this.trialInFlight))
      throw new CircuitOpenError(this.endpoint);
    if (state === 'half_open') this.trialInFlight = true;
    try {
      const result = await operation();
      this.recordSuccess();
      return result;
    } catch (error) {
      if (countsAsFailure(error)) this.recordFailure();
      else if (state === 'half_open') this.recordSuccess();
      throw error;
    } finally {
      if (state === 'half_open') this.trialInFlight = false;
    }
  }

  recordSuccess(): void {
    this.failures = 0;
    this.openedAt = null;
  }

  recordFailure(): void {
    this.failures += 1;
    if (this.openedAt === null && this.failures < this.threshold) return;
    // Failures of calls already in flight while open do not open it again.
    const opens = this.state !== 'open';
    this.openedAt = this.now();
    if (!opens) return;
    try {
      this.onOpen?.(this.endpoint);
    } catch {
      // Observability must not change the breaker's answer.
    }
  }
}

/** Breakers by endpoint. */
export class CircuitBreakerRegistry {
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly options: CircuitBreakerOptions;
  private openListener: ((endpoint: string) => void) | undefined;
  constructor(options: CircuitBreakerOptions = {}) {
    this.options = options;
    this.openListener = options.onOpen;
  }

  /**
   * Sets (or clears) what runs when any breaker of the registry opens; applies to breakers already
   * created too. The Lambda wiring (shared/config/powertools.ts) emits the LlmCircuitOpen metric.
   */
  setOnOpen(listener: ((endpoint: string) => void) | undefined): void {
    this.openListener = listener;
  }

  /** The breaker of `endpoint` (created on first use). */
  for(endpoint: string): CircuitBreaker {
    let breaker = this.breakers.get(endpoint);
    if (!breaker) {
      breaker = new CircuitBreaker(endpoint, {
        ...this.options,
        onOpen: (opened) => this.openListener?.(opened),
      });
      this.breakers.set(endpoint, breaker);
    }
    return breaker;
  }
}

/** The process-wide registry: endpoint health only (see the file comment). */
export const endpointBreakers = new CircuitBreakerRegistry();
