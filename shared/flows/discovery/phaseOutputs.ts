/**
 * Reading earlier phases' outputs back from the object store.
 */
import { NotFoundError } from '#errors/errors.ts';
import type { PhaseContext } from '../flowRegistry.ts';

/** Reads the JSON output an earlier phase of this flow wrote. */
export async function readPhaseOutput<T>(ctx: PhaseContext, phase: string): Promise<T> {
  const key = ctx.flow.phases.find((p) => p.name === phase)?.outputKey;
  const text = key ? await ctx.services.objects.getText(ctx.tenant, key) : null;
  if (text === null) throw new NotFoundError(`output of phase ${phase}`);
  return JSON.parse(text) as T;
}
