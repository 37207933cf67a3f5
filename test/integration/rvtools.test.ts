import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RVTOOLS, runCli, useTempHome } from '../support/platform.ts';

describe('discovery of a real RVTools workbook', () => {
  let temp: ReturnType<typeof useTempHome>;
  let assets: any[];
  beforeAll(async () => {
    expect(existsSync(RVTOOLS), `missing ${RVTOOLS}`).toBe(true);
    temp = useTempHome();
    const run = await runCli(['discover', RVTOOLS, '--json', '--auto-approve', '--engagement', 'rv']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json().status).toBe('completed');
    assets = (await runCli(['inventory', '--json', '--engagement', 'rv'])).json().assets;
  });
  afterAll(() => temp.cleanup());

  it('produces the 805 VMs, no blank-row assets, templates flagged', () => {
    expect(assets).toHaveLength(805);
    expect(assets.filter((a) => a.isTemplate)).toHaveLength(10);
    expect(assets.every((a) => a.assetType === 'virtual_machine')).toBe(true);
  });

  it('gives each VM its OS, memory in GB, host and cluster', () => {
    const wadfs1 = assets.find((a) => a.name === 'wadfs1');
    expect(wadfs1.memoryGb).toBe(4);
    expect(wadfs1.operatingSystem).toMatch(/Windows Server 2008 R2/);
    expect(wadfs1.hypervisorHost).toBe('bovmsp-04.customer.com');
    expect(wadfs1.cluster).toBe('Cluster1');
    expect(wadfs1.virtualizationPlatform).toBe('VMware vSphere');
    expect(wadfs1.ipAddress).toEqual(['10.0.0.0']);
    expect(assets.filter((a) => a.operatingSystem).length).toBeGreaterThan(780);
    expect(assets.filter((a) => a.hypervisorHost && a.cluster).length).toBe(805);
    expect(
      assets.filter((a) => typeof a.memoryGb === 'number' && a.memoryGb > 0 && a.memoryGb < 4096).length,
    ).toBe(805);
  });

  it('joins each VM to its ESXi host on vHost, even when the names differ by a site prefix', () => {
    const joined = assets.filter((a) => a.customAttributes['Host ESX Version']);
    expect(joined.length).toBeGreaterThan(700);
    const wadfs1 = assets.find((a) => a.name === 'wadfs1');
    expect(wadfs1.techDebt.find((t: { component: string }) => t.component === 'hypervisor')).toMatchObject({
      product: expect.stringMatching(/ESXi/),
      status: 'eol',
    });
  });

  it('takes IP addresses from vNetwork', () => {
    expect(assets.filter((a) => (a.ipAddress ?? []).length > 0).length).toBeGreaterThan(600);
  });
});
