import { describe, expect, it } from 'vitest';
import { lazyPort } from '#flows/lazyPort.ts';
import type { WorkflowEngine } from '#ports/workflowEngine.ts';

/** A workflow engine that records its calls; `builds` counts how often the lazy port built it. */
function recordingEngine() {
  const calls: string[] = [];
  const engine: WorkflowEngine = {
    start: async (flowType, name) => {
      calls.push(`start ${flowType} ${name}`);
      return { executionArn: `arn:${name}` };
    },
    describe: async (executionArn) => {
      calls.push(`describe ${executionArn}`);
      return { status: 'RUNNING' } as Awaited<ReturnType<WorkflowEngine['describe']>>;
    },
    stop: async (executionArn, cause) => {
      calls.push(`stop ${executionArn} ${cause}`);
    },
  };
  return { engine, calls };
}

describe('lazyPort', () => {
  it('builds nothing until the first call, then builds once and hands every call through', async () => {
    // Prepare
    const { engine, calls } = recordingEngine();
    let builds = 0;
    const port = lazyPort<WorkflowEngine>(['start', 'describe', 'stop'], async () => {
      builds += 1;
      return engine;
    });
    expect(builds).toBe(0);

    // Act
    const started = await port.start('discovery', 'f1', {});
    await port.describe(started.executionArn);
    await port.stop(started.executionArn, 'user');

    // Assess
    expect(builds).toBe(1);
    expect(started).toEqual({ executionArn: 'arn:f1' });
    expect(calls).toEqual(['start discovery f1', 'describe arn:f1', 'stop arn:f1 user']);
  });

  it('shares one build between concurrent first calls', async () => {
    const { engine } = recordingEngine();
    let builds = 0;
    const port = lazyPort<WorkflowEngine>(['start', 'describe', 'stop'], async () => {
      builds += 1;
      return engine;
    });

    await Promise.all([port.start('discovery', 'a', {}), port.start('discovery', 'b', {})]);

    expect(builds).toBe(1);
  });

  it('retries a failed build on the next call instead of keeping the failure', async () => {
    // Prepare: the first import fails (e.g. a transient error), the second succeeds.
    const { engine } = recordingEngine();
    let attempts = 0;
    const port = lazyPort<WorkflowEngine>(['start', 'describe', 'stop'], async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('module failed to load');
      return engine;
    });

    // Act / Assess
    await expect(port.start('discovery', 'f1', {})).rejects.toThrow('module failed to load');
    await expect(port.start('discovery', 'f1', {})).resolves.toEqual({ executionArn: 'arn:f1' });
    expect(attempts).toBe(2);
  });

  it('passes errors of the real port through unchanged', async () => {
    const port = lazyPort<WorkflowEngine>(['start', 'describe', 'stop'], async () => ({
      start: async () => {
        throw new RangeError('no state machine configured for flow type x');
      },
      describe: async () => ({ status: 'RUNNING' }) as Awaited<ReturnType<WorkflowEngine['describe']>>,
      stop: async () => {},
    }));

    await expect(port.start('x', 'f1', {})).rejects.toBeInstanceOf(RangeError);
  });
});
