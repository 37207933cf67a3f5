import { describe, expect, it } from 'vitest';
import { lazyPhase, type PhaseContext, type PhaseOutcome } from '#flows/flowRegistry.ts';

/** A phase module whose loads are counted; `failFirst` makes the first load fail. */
function phaseModule(options: { failFirst?: boolean } = {}) {
  let loads = 0;
  const seen: string[] = [];
  const module = {
    countRows: async (ctx: PhaseContext): Promise<PhaseOutcome> => {
      seen.push(ctx.flow.flowId);
      return { summary: { rows: 3 } };
    },
  };
  const load = async () => {
    loads += 1;
    if (options.failFirst && loads === 1) throw new Error('chunk not reachable');
    return module;
  };
  return { load, seen, loads: () => loads };
}

const ctxOf = (flowId: string) => ({ flow: { flowId } }) as unknown as PhaseContext;

describe('lazyPhase', () => {
  it('loads the phase module on the first run only, then runs the named handler with the context', async () => {
    // Prepare
    const mod = phaseModule();
    const phase = lazyPhase(mod.load, 'countRows');
    const loadsBeforeRun = mod.loads();
    // Act
    const first = await phase(ctxOf('f1'));
    const second = await phase(ctxOf('f2'));
    // Assess
    expect(loadsBeforeRun).toBe(0);
    expect(mod.loads()).toBe(1);
    expect([first, second]).toEqual([{ summary: { rows: 3 } }, { summary: { rows: 3 } }]);
    expect(mod.seen).toEqual(['f1', 'f2']);
  });

  it('retries a failed load on the next run instead of failing every run after it', async () => {
    // Prepare
    const mod = phaseModule({ failFirst: true });
    const phase = lazyPhase(mod.load, 'countRows');
    // Act
    const failed = await phase(ctxOf('f1')).catch((error: Error) => error.message);
    const retried = await phase(ctxOf('f1'));
    // Assess
    expect(failed).toBe('chunk not reachable');
    expect(retried.summary).toEqual({ rows: 3 });
    expect(mod.loads()).toBe(2);
  });
});
