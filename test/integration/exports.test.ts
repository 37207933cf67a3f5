import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { EXAMPLES, runCli, startTestPlatform, type TestPlatform } from '../support/platform.ts';

/** An export whose cells try to run formulas in whoever opens the spreadsheet. */
const HOSTILE_CSV = `name,ip_address,os,environment,description
=cmd|' /C calc'!A0,10.9.0.1,Ubuntu 22.04,production,+SUM(1+1)
@evil,10.9.0.2,Windows Server 2016,-staging,normal host
`;

describe('report and exports over the API', () => {
  let t: TestPlatform;
  let api: TestApi;
  let token: string;

  async function get(path: string): Promise<Response> {
    return fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  }

  beforeAll(async () => {
    t = await startTestPlatform();
    api = await startTestApi();
    token = await api.token('acme', ['analyst']);
    const admin = await api.token('acme', ['client_admin']);
    for (const [file, body] of [
      ['cmdb-export.csv', readFileSync(join(EXAMPLES, 'cmdb-export.csv'))],
      ['connections.csv', readFileSync(join(EXAMPLES, 'connections.csv'))],
      ['hostile.csv', Buffer.from(HOSTILE_CSV)],
    ] as const) {
      const put = await api.call(
        'PUT',
        `/engagements/dc1/files/${file}?autoApprove=true&asOf=2026-11-26`,
        admin,
        body,
      );
      expect(put.status).toBe(202);
      await t.platform.idle();
    }
    expect((await api.call('POST', '/engagements/dc1/assessments', admin)).status).toBe(202);
    await t.platform.idle();
  });

  afterAll(async () => {
    api.close();
    await t.stop();
  });

  it('serves the inventory as CSV with every formula-like cell neutralised', async () => {
    const res = await get('/engagements/dc1/exports/inventory.csv');

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="dc1-inventory.csv"');
    const csv = await res.text();
    expect(csv.split('\r\n').length).toBeGreaterThan(200);
    expect(csv).toContain("'+SUM(1+1)");
    expect(csv).toContain("'@evil");
    expect(csv).not.toMatch(/(^|[\r\n,])"?[=+@-][^0-9]/);
  });

  it('serves every dataset as XLSX (binary, base64 through the proxy) with no formula cells', async () => {
    for (const dataset of ['inventory', 'dependencies', 'recommendations', 'waves']) {
      const res = await get(`/engagements/dc1/exports/${dataset}.xlsx`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const sheet = workbook.worksheets[0];
      expect(sheet?.rowCount).toBeGreaterThan(1);
      sheet?.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula).toBeFalsy();
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+@\t\r]/);
        }),
      );
    }
  });

  it('answers an unknown dataset or format with 404 and another tenant with nothing', async () => {
    expect((await get('/engagements/dc1/exports/secrets.csv')).status).toBe(404);
    expect((await get('/engagements/dc1/exports/inventory.pdf')).status).toBe(404);
    const other = await api.token('globex', ['analyst']);
    const res = await fetch(`${api.url}/engagements/dc1/exports/inventory.csv`, {
      headers: { authorization: `Bearer ${other}` },
    });
    expect((await res.text()).split('\r\n').filter(Boolean)).toHaveLength(1);
  });

  it('serves the report as HTML, or stores it and returns a working presigned link', async () => {
    const res = await get('/engagements/dc1/report');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('Migration assessment');
    expect(html).toContain('id="risks"');
    expect(html).not.toMatch(/<script/i);

    const link = await get('/engagements/dc1/report?format=url');
    expect(link.status).toBe(200);
    const { url, key } = (await link.json()) as { url: string; key: string };
    expect(key).toMatch(/^t\/acme\/e\/dc1\/reports\/report-\d+\.html$/);
    const stored = await fetch(url);
    expect(stored.status).toBe(200);
    expect(await stored.text()).toContain('Migration assessment');
  });

  it('modernize report writes the report to a file and prints {"path"} with --json', async () => {
    // The CLI opens its own platform: give it its own home with one small discovered file.
    const previous = process.env.MODERNIZE_HOME;
    process.env.MODERNIZE_HOME = join(t.home, 'cli-home');
    const out = join(t.home, 'report.html');
    const csv = join(t.home, 'hostile.csv');
    writeFileSync(csv, HOSTILE_CSV);
    try {
      const missing = await runCli(['report', '--engagement', 'lab']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('--out');
      const empty = await runCli(['report', '--engagement', 'lab', '--out', out, '--json']);
      expect(empty.code).toBe(2);
      expect(empty.stdout).toBe('');

      expect((await runCli(['discover', csv, '--engagement', 'lab', '--auto-approve'])).code).toBe(0);
      const done = await runCli(['report', '--engagement', 'lab', '--out', out, '--json']);

      expect(done.code).toBe(0);
      expect(done.json()).toEqual({ path: out });
      const html = readFileSync(out, 'utf8');
      expect(html).toContain('@evil');
      expect(html).toContain('No assessment yet');
    } finally {
      if (previous === undefined) delete process.env.MODERNIZE_HOME;
      else process.env.MODERNIZE_HOME = previous;
    }
  });
});
