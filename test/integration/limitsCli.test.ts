import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedPlatform } from '#adapters/local/embeddedPlatform.ts';
import { runCli, tenant, useTempHome } from '../support/platform.ts';

/** Saves a client record in the embedded platform under the CLI's home, as a platform admin would. */
async function saveClientLimits(
  home: string,
  clientId: string,
  limits: Record<string, number>,
): Promise<void> {
  const platform = await EmbeddedPlatform.start({ home });
  try {
    await platform.services.clients.put(tenant('ops', ['platform_admin']), {
      clientId,
      name: clientId,
      limits,
      updatedAt: new Date().toISOString(),
      updatedBy: 'ops-tester',
    });
  } finally {
    await platform.stop();
  }
}

describe('the CLI applies the local tenant limits of its client record', () => {
  let temp: ReturnType<typeof useTempHome>;
  let file: string;
  beforeAll(() => {
    temp = useTempHome();
    file = join(temp.home, 'servers.csv');
    writeFileSync(file, 'Name,IP Address\nweb-1,10.0.0.1\nweb-2,10.0.0.2\nweb-3,10.0.0.3\n');
  });
  afterAll(() => temp.cleanup());

  it('refuses a file over the tenant row limit with exit code 2 and stores nothing', async () => {
    await saveClientLimits(temp.home, 'small', { maxRows: 2 });

    const refused = await runCli(['discover', file, '--json', '--tenant', 'small', '--engagement', 'e1']);
    const mapped = await runCli(['map', file, '--json', '--tenant', 'small']);
    const otherTenant = await runCli(['map', file, '--json', '--tenant', 'roomy']);
    const flows = await runCli(['flows', '--json', '--tenant', 'small', '--engagement', 'e1']);

    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/more than 2 data rows/);
    expect(mapped.code).toBe(2);
    expect(otherTenant.code, otherTenant.stderr).toBe(0);
    expect(flows.json()).toEqual({ flows: [] });
  });
});
