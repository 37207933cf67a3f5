import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { type HostileCase, hostileCorpus } from '../support/hostileCorpus.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const FORMULA_START = /^[=+\-@\t\r]/;
const PER_CATEGORY = 2;

/** A sample of the corpus: the first cases of every category that runs under the default limits. */
async function sample(): Promise<HostileCase[]> {
  const taken = new Map<string, number>();
  return (await hostileCorpus()).filter((c) => {
    if (c.limits) return false;
    const n = taken.get(c.category) ?? 0;
    taken.set(c.category, n + 1);
    return n < PER_CATEGORY || c.category === 'path-names' || c.category === 'fixture';
  });
}

describe('hostile uploads through the HTTP API: a 4xx with one line, or a flow that ends cleanly', async () => {
  const cases = await sample();
  let t: TestPlatform;
  let api: TestApi;
  let analyst: string;

  beforeAll(async () => {
    t = await startTestPlatform();
    api = await startTestApi();
    analyst = await api.token('acme', ['analyst']);
  });
  afterAll(async () => {
    api.close();
    await t.stop();
  });

  it.each(cases.map((c) => [`${c.category}: ${c.name}`, c] as const))('%s', async (_label, c) => {
    const engagement = `h-${c.category}`.slice(0, 60);
    const before = (await api.call('GET', `/engagements/${engagement}/uploads`, analyst)).body.uploads.length;

    const put = await api.call(
      'PUT',
      `/engagements/${engagement}/files/${encodeURIComponent(c.fileName)}?autoApprove=true&asOf=2026-11-26`,
      analyst,
      Buffer.from(c.bytes),
    );
    await t.platform.idle();

    expect(put.status === 202 || (put.status >= 400 && put.status < 500), `status ${put.status}`).toBe(true);
    const uploads = (await api.call('GET', `/engagements/${engagement}/uploads`, analyst)).body.uploads;
    if (put.status !== 202) {
      expect(put.body.error.message).toMatch(/^\S[^\n]*$/);
      expect(uploads.length, 'a refused upload leaves no record').toBe(before);
      if (c.expect === 'accept') expect.fail(`refused: ${put.body.error.message}`);
      return;
    }
    if (c.expect === 'reject') expect.fail('accepted a file that must be refused');
    expect(put.body.upload.objectKey).toMatch(
      new RegExp(`^t/acme/e/${engagement}/files/[0-9a-f-]{36}/[A-Za-z0-9._ -]+$`),
    );
    expect(put.body.upload.objectKey).not.toContain('..');
    const flow = (await api.call('GET', `/flows/${put.body.flow.flowId}`, analyst)).body;
    expect(['completed', 'failed', 'awaiting_review']).toContain(flow.status);
    if (flow.status === 'failed') {
      expect(flow.error?.phase).toBeTruthy();
      expect(String(flow.error?.message)).toMatch(/^\S[^\n]*$/);
    }
  });

  it('hostile engagement ids are refused with 400, never used as a key', async () => {
    for (const id of ['..', '../acme', 'a/b', ' x', 'x'.repeat(65), '%00', 'é']) {
      const res = await api.call(
        'PUT',
        `/engagements/${encodeURIComponent(id)}/files/x.csv`,
        analyst,
        Buffer.from('name,ip\nweb,10.0.0.1\n'),
      );
      expect([400, 404], id).toContain(res.status);
    }
  });

  it('neutralises formulas in every export, CSV and XLSX', async () => {
    const formulas = (await hostileCorpus()).filter(
      (c) => c.category === 'formula-injection' && !c.fileName.endsWith('.xlsx'),
    );
    for (const c of formulas) {
      const put = await api.call(
        'PUT',
        '/engagements/formulas/files/f.csv?autoApprove=true&asOf=2026-11-26',
        analyst,
        Buffer.from(c.bytes),
      );
      expect(put.status).toBe(202);
    }
    await t.platform.idle();
    await api.call('POST', '/engagements/formulas/assessments', analyst);
    await t.platform.idle();

    const offending: string[] = [];
    let cells = 0;
    for (const dataset of ['inventory', 'dependencies', 'recommendations', 'waves']) {
      const csv = await fetch(`${api.url}/engagements/formulas/exports/${dataset}.csv`, {
        headers: { authorization: `Bearer ${analyst}` },
      });
      expect(csv.status).toBe(200);
      for (const row of parse(await csv.text(), { relax_column_count: true }) as string[][])
        for (const cell of row) {
          cells++;
          if (FORMULA_START.test(cell)) offending.push(`${dataset}.csv: ${JSON.stringify(cell)}`);
        }
      const xlsx = await fetch(`${api.url}/engagements/formulas/exports/${dataset}.xlsx`, {
        headers: { authorization: `Bearer ${analyst}` },
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            cells++;
            if (cell.formula || (typeof cell.value === 'string' && FORMULA_START.test(cell.value)))
              offending.push(`${dataset}.xlsx: ${JSON.stringify(cell.value)}`);
          }),
        ),
      );
    }

    expect(cells).toBeGreaterThan(100);
    expect(offending).toEqual([]);
  });
});
