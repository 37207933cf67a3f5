import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { routes } from '#http/routes.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

type Operation = {
  operationId: string;
  parameters: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  security?: unknown[];
  responses: Record<string, { content?: Record<string, unknown> }>;
};
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

describe('GET /openapi.json', () => {
  let t: TestPlatform;
  let api: TestApi;
  let doc: Document;

  beforeAll(async () => {
    t = await startTestPlatform();
    api = await startTestApi();
    const res = await api.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body as Document;
  });

  afterAll(async () => {
    api.close();
    await t.stop();
  });

  it('is public OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/openapi.json']?.get?.security).toEqual([]);
  });

  it('lists exactly the routes of the route table, no more and no fewer', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const table = routes.map((r) => `${r.method} ${r.path}`);

    expect(documented.sort()).toEqual([...table].sort());
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(routes.length);
  });

  it('documents every path parameter, and request bodies from the same zod schemas the API validates with', () => {
    for (const route of routes) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()] as Operation;
      const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(params);
      if (route.body) {
        const expected = z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) as Record<
          string,
          unknown
        >;
        delete expected.$schema;
        expect(op.requestBody?.content['application/json']?.schema).toEqual(expected);
      } else if (route.rawBody) {
        expect(Object.keys(op.requestBody?.content ?? {})).toEqual(['application/octet-stream']);
      } else {
        expect(op.requestBody).toBeUndefined();
      }
    }
  });

  it('describes non-JSON responses and the canonical asset schema', () => {
    const report = doc.paths['/engagements/{engagementId}/report']?.get as Operation;
    const exportOp = doc.paths['/engagements/{engagementId}/exports/{fileName}']?.get as Operation;

    expect(Object.keys(report.responses['200']?.content ?? {})).toContain('text/html');
    expect(Object.keys(exportOp.responses['200']?.content ?? {})).toContain('text/csv');
    expect(Object.keys(doc.components.schemas.Asset?.properties ?? {})).toEqual(
      expect.arrayContaining(['assetId', 'name', 'operatingSystem', 'techDebt']),
    );
  });
});
