import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '#reliability/circuitBreaker.ts';
import { CircuitOpenError, RetriesExhaustedError } from '#reliability/errors.ts';
import { AllFallbacksFailedError, runWithFallbacks } from '#reliability/fallback.ts';
import { backoffDelay, retryWithBackoff } from '#reliability/retry.ts';

describe('circuit breaker per endpoint', () => {
  it('opens after consecutive failures, fails fast, then lets one trial through after the cool-down', async () => {
    let now = 0;
    const breaker = new CircuitBreaker('http://model', { failureThreshold: 2, openMs: 1000, now: () => now });
    const fail = () => Promise.reject(new Error('down'));
    await expect(breaker.run(fail)).rejects.toThrow('down');
    await expect(breaker.run(fail)).rejects.toThrow('down');
    let called = false;
    await expect(breaker.run(async () => (called = true))).rejects.toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(false);
    now = 1000;
    expect(breaker.state).toBe('half_open');
    await expect(breaker.run(async () => 'ok')).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
  });

  it('does not count failures the caller says are not the endpoint’s fault', async () => {
    const breaker = new CircuitBreaker('e', { failureThreshold: 1 });
    await expect(
      breaker.run(
        () => Promise.reject(new Error('bad input')),
        () => false,
      ),
    ).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });
});

describe('retry with backoff and jitter', () => {
  it('waits a jittered, growing, capped delay between attempts and gives up with the last cause', async () => {
    const waits: number[] = [];
    const attempt = () => Promise.reject(new Error('busy'));
    const error = await retryWithBackoff(attempt, {
      attempts: 4,
      baseMs: 100,
      maxMs: 250,
      random: () => 0.999,
      sleep: async (ms) => void waits.push(ms),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(RetriesExhaustedError);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(waits).toEqual([99, 199, 249]);
    expect(backoffDelay(3, { baseMs: 100, random: () => 0 })).toBe(0);
  });

  it('stops at once on a failure that is not retryable', async () => {
    let calls = 0;
    await expect(
      retryWithBackoff(
        async () => {
          calls++;
          throw new Error('no');
        },
        { retryable: () => false },
      ),
    ).rejects.toThrow('no');
    expect(calls).toBe(1);
  });
});

describe('fallback chain', () => {
  it('answers with the first candidate that succeeds and lists earlier failures', async () => {
    const result = await runWithFallbacks([
      { name: 'specialist', run: () => Promise.reject(new Error('invalid')) },
      { name: 'fallback', run: async () => 7 },
    ]);
    expect(result).toMatchObject({ value: 7, answeredBy: 'fallback' });
    expect(result.failures.map((f) => f.name)).toEqual(['specialist']);
    await expect(
      runWithFallbacks([{ name: 'a', run: () => Promise.reject(new Error('x')) }]),
    ).rejects.toBeInstanceOf(AllFallbacksFailedError);
  });
});
