import { afterEach, describe, expect, it, vi } from 'vitest';
import { LLM_CIRCUIT_OPEN_METRIC, llmCircuitOpenPublisher } from '#config/powertools.ts';
import { CircuitBreaker, CircuitBreakerRegistry } from '#reliability/circuitBreaker.ts';

const failing = () => Promise.reject(new Error('503'));

async function fail(breaker: CircuitBreaker, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await breaker.run(failing).catch(() => undefined);
}

afterEach(() => vi.restoreAllMocks());

describe('circuit breaker open hook', () => {
  it('reports each opening once: on opening, not for calls refused while open, again on a failed trial', async () => {
    // Prepare
    let now = 0;
    const opened: string[] = [];
    const breaker = new CircuitBreaker('https://llm.example', {
      failureThreshold: 2,
      openMs: 1000,
      now: () => now,
      onOpen: (endpoint) => opened.push(endpoint),
    });

    // Act
    await fail(breaker, 2);
    await fail(breaker, 3);
    const whileOpen = [...opened];
    now += 1000;
    await fail(breaker, 1);

    // Assess
    expect(whileOpen).toEqual(['https://llm.example']);
    expect(opened).toEqual(['https://llm.example', 'https://llm.example']);
    expect(breaker.state).toBe('open');
  });

  it('a registry listener set later reaches breakers created before, and a throwing one changes nothing', async () => {
    // Prepare
    const registry = new CircuitBreakerRegistry({ failureThreshold: 1 });
    const breaker = registry.for('a');
    registry.setOnOpen(() => {
      throw new Error('metrics down');
    });

    // Act
    const error = await breaker.run(failing).catch((e: unknown) => e);

    // Assess
    expect((error as Error).message).toBe('503');
    expect(breaker.state).toBe('open');
  });
});

describe('LlmCircuitOpen metric', () => {
  it('inside Lambda, writes one EMF record Modernize/LlmCircuitOpen = 1 with no dimensions', () => {
    // Prepare
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const publish = llmCircuitOpenPublisher({ AWS_LAMBDA_FUNCTION_NAME: 'flow-phase' });

    // Act
    publish?.('https://llm.example');

    // Assess
    const records = lines
      .join('')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    expect(records).toHaveLength(1);
    const emf = records[0]._aws.CloudWatchMetrics[0];
    expect(emf.Namespace).toBe(LLM_CIRCUIT_OPEN_METRIC.namespace);
    expect(emf.Metrics).toEqual([{ Name: LLM_CIRCUIT_OPEN_METRIC.metricName, Unit: 'Count' }]);
    expect(emf.Dimensions.flat()).toEqual([]);
    expect(records[0][LLM_CIRCUIT_OPEN_METRIC.metricName]).toBe(1);
  });

  it('outside Lambda (CLI, embedded platform) emits nothing', () => {
    // Prepare, Act
    const publish = llmCircuitOpenPublisher({});

    // Assess
    expect(publish).toBeUndefined();
  });
});
