import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '#domain/assetSchema.ts';
import { runCli, useTempHome } from '../support/platform.ts';
import {
  type ExpectedVm,
  type RvtoolsFormat,
  type RvtoolsGroundTruth,
  writeRvtoolsWorkbook,
} from '../support/rvtoolsWorkbook.ts';

/** Generates a workbook, discovers it through the CLI on the embedded platform, and reads the inventory. */
function discovered(format: RvtoolsFormat, vms: number) {
  const state: {
    truth?: RvtoolsGroundTruth;
    assets: Asset[];
    summary: { asset_inventory?: { merged?: number } } | undefined;
    cleanup: () => void;
  } = {
    assets: [],
    summary: undefined,
    cleanup: () => {},
  };
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvtools-large-'));
    const temp = useTempHome();
    state.cleanup = () => {
      temp.cleanup();
      rmSync(dir, { recursive: true, force: true });
    };
    const file = join(dir, `rvtools-${format}.xlsx`);
    state.truth = await writeRvtoolsWorkbook(file, { vms, format });
    const run = await runCli(['discover', file, '--json', '--auto-approve', '--engagement', 'big']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json().status).toBe('completed');
    state.summary = run.json().summary;
    state.assets = (await runCli(['inventory', '--json', '--engagement', 'big'])).json().assets;
  }, 120_000);
  afterAll(() => state.cleanup());
  return state;
}

/** Every difference between an asset and its VM's ground truth, as readable lines. */
function differences(vm: ExpectedVm, asset: Asset, customHeaders: readonly string[]): string[] {
  const out: string[] = [];
  const check = (field: string, actual: unknown, expected: unknown) => {
    if (JSON.stringify(actual ?? null) !== JSON.stringify(expected ?? null)) {
      out.push(`${vm.name} (${vm.uuid}) ${field}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
    }
  };
  const near = (field: string, actual: unknown, expected: number) => {
    if (typeof actual !== 'number' || Math.abs(actual - expected) > 0.01) check(field, actual, expected);
  };
  check('name', asset.name, vm.name);
  check('serialNumber', asset.serialNumber, vm.serialNumber);
  check('fqdn', asset.fqdn, vm.dnsName);
  check('assetType', asset.assetType, 'virtual_machine');
  check('isTemplate', asset.isTemplate, vm.isTemplate);
  check('powerState', asset.powerState, POWER[vm.powerState]);
  check('cpuCores', asset.cpuCores, vm.cpuCores);
  near('memoryGb', asset.memoryGb, vm.memoryGb);
  near('storageGb', asset.storageGb, vm.storageGb);
  check('hypervisorHost', asset.hypervisorHost, vm.host);
  check('cluster', asset.cluster, vm.cluster);
  check('datacenter', asset.datacenter, vm.datacenter);
  check('virtualizationPlatform', asset.virtualizationPlatform, 'VMware vSphere');
  check('Host ESX Version', asset.customAttributes['Host ESX Version'], vm.esxVersion);
  check('ipAddress', [...(asset.ipAddress ?? [])].sort(), [...vm.ipAddresses].sort());
  if (!asset.operatingSystem || !fromConfigOs(`${asset.operatingSystem} ${asset.osVersion ?? ''}`, vm)) {
    check('operatingSystem', [asset.operatingSystem, asset.osVersion], vm.operatingSystem);
  }
  for (const header of customHeaders)
    check(header, asset.customAttributes[header], vm.customAttributes[header]);
  const annotation = vm.annotation.trim();
  check(
    'annotation',
    asset.description ?? asset.customAttributes.Annotation,
    annotation === '' ? null : annotation,
  );
  return out;
}

/** Power states as cleansing normalises them. */
const POWER: Record<ExpectedVm['powerState'], string> = {
  poweredOn: 'on',
  poweredOff: 'off',
  suspended: 'suspended',
};

const words = (text: string) => text.toLowerCase().match(/[a-z0-9.]+/g) ?? [];

/**
 * True when a cleansed OS (product and version) comes from the VM's configuration-file OS: every word of it
 * is there ("Windows Server 2008 R2" from "Microsoft Windows Server 2008 R2 (64-bit)"; "server" may be added,
 * as in "SUSE Linux Enterprise Server 15"). Another VM's OS, or a version taken from one, fails.
 */
function fromConfigOs(cleansed: string, vm: ExpectedVm): boolean {
  const source = new Set(words(vm.operatingSystem));
  return words(cleansed).every((w) => w === 'server' || source.has(w));
}

function compareAll(truth: RvtoolsGroundTruth, assets: readonly Asset[]): string[] {
  const byUuid = new Map(assets.map((a) => [String(a.externalId ?? '').toLowerCase(), a]));
  const problems: string[] = [];
  for (const vm of truth.vms) {
    const asset = byUuid.get(vm.uuid);
    if (!asset) problems.push(`${vm.name} (${vm.uuid}) has no asset`);
    else problems.push(...differences(vm, asset, truth.customAttributeHeaders));
  }
  return problems;
}

describe('discovery of a 5,000-VM RVTools 4.x workbook', () => {
  const run = discovered('4.x', 5_000);

  it('makes every VM exactly one asset: same-named VMs in other vCenters apart, no blank-row assets', () => {
    const truth = run.truth as RvtoolsGroundTruth;
    expect(truth.vms).toHaveLength(5_000);
    expect(new Set(truth.vms.map((v) => v.name)).size).toBeLessThan(5_000);
    expect(truth.vms.filter((v) => v.isTemplate).length).toBeGreaterThan(50);
    expect(truth.vms.filter((v) => v.powerState !== 'poweredOn').length).toBeGreaterThan(300);
    expect(truth.vms.filter((v) => v.cluster === null).length).toBeGreaterThan(50);
    expect(truth.vms.filter((v) => v.annotation.includes('\n')).length).toBeGreaterThan(50);
    expect(run.assets).toHaveLength(5_000);
    expect(new Set(run.assets.map((a) => a.externalId)).size).toBe(5_000);
    expect(run.assets.filter((a) => /^row-\d+$/.test(a.name))).toEqual([]);
    expect(run.assets.filter((a) => a.isTemplate)).toHaveLength(truth.vms.filter((v) => v.isTemplate).length);
    expect(run.summary?.asset_inventory?.merged).toBe(0);
  });

  it('gives every one of the 5,000 VMs the sizing, OS, IPs, host, ESXi version and custom attributes of its rows', () => {
    const problems = compareAll(run.truth as RvtoolsGroundTruth, run.assets);
    expect(problems.slice(0, 15), `${problems.length} differences`).toEqual([]);
  });

  it('keeps IPv6 and multi-IP cells: VMs with several addresses get all of them', () => {
    const truth = run.truth as RvtoolsGroundTruth;
    const many = truth.vms.filter((v) => v.ipAddresses.length >= 3);
    const v6 = truth.vms.filter((v) => v.ipAddresses.some((ip) => ip.includes(':')));
    expect(many.length).toBeGreaterThan(100);
    expect(v6.length).toBeGreaterThan(100);
    const byUuid = new Map(run.assets.map((a) => [a.externalId, a]));
    for (const vm of [...many, ...v6]) {
      expect(new Set(byUuid.get(vm.uuid)?.ipAddress)).toEqual(new Set(vm.ipAddresses));
    }
  });
});

describe('discovery of an RVTools 3.x workbook (MB headers, one IP column, no SMBIOS UUID)', () => {
  const run = discovered('3.x', 800);

  it('keeps same-named VMs apart by VM UUID and placement, though no serial, DNS name or IP tells them apart', () => {
    // A 3.x export has no SMBIOS UUID (so no serial) and a powered-off VM has no DNS name nor IP: only its
    // VM UUID and where it runs (another vCenter, datacenter or cluster) prove a same-named VM is another one.
    const truth = run.truth as RvtoolsGroundTruth;
    const names = new Map<string, ExpectedVm[]>();
    for (const vm of truth.vms) names.set(vm.name, [...(names.get(vm.name) ?? []), vm]);
    const twins = [...names.values()].filter((group) => group.length > 1).flat();
    expect(twins.filter((vm) => vm.serialNumber === null && vm.dnsName === null).length).toBeGreaterThan(2);
    expect(run.assets).toHaveLength(truth.vms.length);
    expect(new Set(run.assets.map((a) => a.externalId)).size).toBe(truth.vms.length);
    expect(new Set(run.assets.map((a) => a.assetId)).size).toBe(truth.vms.length);
    expect(run.summary?.asset_inventory?.merged).toBe(0);
  });

  it('gives every VM its own asset with the fields of its rows', () => {
    const problems = compareAll(run.truth as RvtoolsGroundTruth, run.assets);
    expect(problems.slice(0, 15), `${problems.length} differences`).toEqual([]);
  });
});
