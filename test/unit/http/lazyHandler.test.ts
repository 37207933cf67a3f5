import { describe, expect, it } from 'vitest';
import type { RouteContext, RouteResult } from '#http/apiTypes.ts';
import { lazyHandler } from '#http/baseRoutes.ts';

const ctx = { params: { engagementId: 'e1' }, query: {} } as unknown as RouteContext;

describe('lazyHandler', () => {
  it('imports nothing until the route is called, then hands each call to the named handler', async () => {
    // Prepare: a module loader that counts its imports.
    let loads = 0;
    const module = {
      report: async (c: RouteContext): Promise<RouteResult> => ({ status: 200, body: c.params.engagementId }),
    };
    const handler = lazyHandler(async () => {
      loads += 1;
      return module;
    }, 'report');
    const before = loads;
    // Act
    const first = await handler(ctx);
    const second = await handler(ctx);
    // Assess
    expect(before).toBe(0);
    expect(first).toEqual({ status: 200, body: 'e1' });
    expect(second).toEqual(first);
  });

  it('lets a failed import surface on the call and succeed on a later one', async () => {
    // Prepare
    let fail = true;
    const handler = lazyHandler(async () => {
      if (fail) throw new Error('chunk missing');
      return { ok: async (): Promise<RouteResult> => ({ status: 204 }) };
    }, 'ok');
    // Act / Assess
    await expect(handler(ctx)).rejects.toThrow('chunk missing');
    fail = false;
    await expect(handler(ctx)).resolves.toEqual({ status: 204 });
  });
});
