import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { launchChromium, mintToken, screenshot, startConsoleServer } from './browser.ts';

/** A CMDB extract whose naming column no rule recognises, so discovery stops for review. */
const UNRECOGNISED_NAME_CSV = `Srv_Moniker,IP Addr,Operating System,RAM (GB),CPU Count,Env
zeta-app-01,10.1.0.11,Windows Server 2012 R2,16,4,Production
zeta-app-02,10.1.0.12,Red Hat Enterprise Linux 7.9,32,8,Production
zeta-db-01,10.1.0.21,Ubuntu 22.04,64,16,Test
`;

describe('the web console in headless Chromium', () => {
  let t: TestPlatform;
  let server: Server;
  let url: string;
  let browser: Browser;
  let page: Page;
  let token: string;

  async function api(
    method: string,
    path: string,
    body?: Buffer,
  ): Promise<{ assets: unknown[] } & Record<string, unknown>> {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/octet-stream' } : {}),
      },
      body,
    });
    expect(res.status).toBeLessThan(300);
    return (await res.json()) as { assets: unknown[] } & Record<string, unknown>;
  }

  beforeAll(async () => {
    t = await startTestPlatform();
    ({ url, server } = await startConsoleServer());
    token = await mintToken('acme', ['client_admin']);
    // Prepare: the bundled example, discovered and assessed, for the plan screens.
    for (const file of ['cmdb-export.csv', 'connections.csv'])
      await api(
        'PUT',
        `/engagements/example/files/${file}?autoApprove=true&asOf=2026-11-26`,
        readFileSync(join(EXAMPLES, file)),
      );
    await t.platform.idle();
    await api('POST', '/engagements/example/assessments');
    await t.platform.idle();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    await t?.stop();
  });

  it('signs in from the #token link and lists the engagements', async () => {
    await page.goto(`${url}/#token=${encodeURIComponent(token)}`);

    await page.getByRole('heading', { name: 'Engagements' }).waitFor();

    expect(page.url()).not.toContain('token=');
    await expect(page.locator('.card-title', { hasText: 'example' }).count()).resolves.toBe(1);
    await screenshot(page, '01-engagements');
  });

  it('uploads a file by drag and drop, corrects a mapping in review, approves, and sees the inventory', async () => {
    await page.fill('input[name="engagementId"]', 'zeta');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'zeta' }).waitFor();
    await screenshot(page, '02-engagement-empty');

    // Act: drop the file on the zone, as a user drags it from their desktop.
    const transfer = await page.evaluateHandle((text) => {
      // Runs in the page: DataTransfer is the browser's (the test's own types are Node's).
      const { DataTransfer } = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: File): void } };
      };
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'zeta-cmdb.csv', { type: 'text/csv' }));
      return dt;
    }, UNRECOGNISED_NAME_CSV);
    await page.dispatchEvent('[data-testid="dropzone"]', 'drop', { dataTransfer: transfer });

    // Assess: the flow stops for review, showing every column with its samples.
    await page.locator('.pill', { hasText: 'awaiting review' }).first().waitFor();
    const row = page.locator('tr[data-source="Srv_Moniker"]');
    await row.waitFor();
    await expect(row.locator('.samples').textContent()).resolves.toContain('zeta-app-01');
    await expect(page.getByTestId('approve').isDisabled()).resolves.toBe(true);
    await screenshot(page, '03-mapping-review');

    await row.locator('select').selectOption('name');
    await page.locator('[data-testid="approve"]:not([disabled])').waitFor();
    await expect(row.locator('.pill').textContent()).resolves.toBe('user');
    await page.getByTestId('approve').click();
    await page.locator('.done', { hasText: 'Discovery finished' }).waitFor();
    await screenshot(page, '04-flow-completed');

    await page.locator('.done a', { hasText: 'See the inventory' }).click();
    await page.locator('table.inventory').waitFor();
    const names = await page.locator('table.inventory tbody tr td:first-child .strong').allTextContents();
    expect(names).toEqual(['zeta-app-01', 'zeta-app-02', 'zeta-db-01']);
    await screenshot(page, '05-inventory-uploaded');
  });

  it('filters the inventory of the example engagement', async () => {
    const total = (await api('GET', '/engagements/example/assets')).assets.length;
    const eol = (await api('GET', '/engagements/example/assets?techDebt=eol')).assets.length;
    await page.goto(`${url}/#/e/example/inventory`);
    await page.getByText(`${total} of ${total} assets`).waitFor();

    await page.selectOption('select[name="techDebt"]', 'eol');

    await page.getByText(`${eol} of ${total} assets`).waitFor();
    expect(eol).toBeGreaterThan(0);
    expect(eol).toBeLessThan(total);
    const lifecycle = await page.locator('table.inventory tbody tr td:nth-child(9)').allTextContents();
    expect(lifecycle.length).toBe(Math.min(eol, 300));
    expect(lifecycle.every((text) => text !== 'supported' && text !== '–')).toBe(true);
    await screenshot(page, '06-inventory-filtered', false);
  });

  it('shows tech debt, the dependency graph, recommendations and the wave timeline', async () => {
    await page.goto(`${url}/#/e/example`);
    await page.locator('table.flows tbody tr').nth(2).waitFor();
    await expect(page.locator('table.flows .pill').allTextContents()).resolves.toEqual([
      'completed',
      'completed',
      'completed',
    ]);
    await screenshot(page, '07-overview');

    await page.goto(`${url}/#/e/example/techdebt`);
    await page.getByRole('heading', { name: 'Operating systems' }).waitFor();
    await screenshot(page, '08-tech-debt', false);

    await page.goto(`${url}/#/e/example/dependencies`);
    await page.getByTestId('dependency-graph').waitFor();
    expect(await page.locator('[data-testid="dependency-graph"] circle').count()).toBeGreaterThan(20);
    expect(await page.locator('[data-testid="dependency-graph"] line').count()).toBeGreaterThan(20);
    await screenshot(page, '09-dependencies');

    await page.goto(`${url}/#/e/example/recommendations`);
    await page.locator('table.recs tbody tr').first().waitFor();
    await page.locator('table.recs tbody tr.clickable').first().click();
    await page.getByRole('heading', { name: /^Why / }).waitFor();
    await screenshot(page, '10-recommendations', false);

    await page.goto(`${url}/#/e/example/waves`);
    await page.getByTestId('wave-timeline').waitFor();
    expect(await page.locator('.tl-bar').count()).toBeGreaterThan(0);
    await screenshot(page, '11-waves');
  });

  it('shows the engagement report and offers the exports', async () => {
    await page.goto(`${url}/#/e/example/report`);
    const frame = page.frameLocator('[data-testid="report"]');
    await frame.locator('h1').waitFor();

    await expect(frame.locator('h1').textContent()).resolves.toContain('Migration assessment');
    await expect(frame.locator('#risks table').count()).resolves.toBe(1);
    const download = page.waitForEvent('download');
    await page.click('[data-export="inventory.csv"]');
    expect((await download).suggestedFilename()).toBe('example-inventory.csv');
    await screenshot(page, '12-report', false);
  });
});
