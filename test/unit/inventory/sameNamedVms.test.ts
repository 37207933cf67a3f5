import { describe, expect, it } from 'vitest';
import type { Asset } from '#domain/assetSchema.ts';
import { assetIdFor, InventoryBuilder } from '#domain/inventory/index.ts';
import type { CleansedRecord } from '#domain/tableTypes.ts';
import { record } from './records.ts';

function build(records: readonly CleansedRecord[], existing?: Iterable<Asset>) {
  const builder = new InventoryBuilder(existing);
  for (const row of records) builder.add(row);
  return builder.result();
}

interface Vm {
  name: string;
  uuid: string;
  vCenter: string;
  datacenter: string;
  cluster: string | null;
  host: string;
  ips?: string[];
  fqdn?: string;
}

/** A cleansed RVTools 3.x vInfo row: VM UUID as external id, vCenter as a custom column, no serial. */
function rvtoolsRow(uploadId: string, row: number, vm: Vm): CleansedRecord {
  return record(
    uploadId,
    row,
    {
      name: vm.name,
      fqdn: vm.fqdn ?? null,
      powerState: vm.ips ? 'on' : 'off',
      ipAddress: vm.ips ?? null,
      externalId: vm.uuid,
      datacenter: vm.datacenter,
      cluster: vm.cluster,
      hypervisorHost: vm.host,
      virtualizationPlatform: 'VMware vSphere',
    },
    { custom: { 'VI SDK Server': vm.vCenter, 'VM ID': 'vm-1021' } },
  );
}

const EAST = {
  vCenter: 'vcenter01.east.corp.example',
  datacenter: 'DC-East',
  cluster: 'CL-EAST-PROD',
  host: 'esx03.east.corp.example',
};
const WEST = {
  vCenter: 'vcenter02.west.corp.example',
  datacenter: 'DC-West',
  cluster: 'CL-WEST-PROD',
  host: 'esx01.west.corp.example',
};
const UUID_A = '50e1d33a-9b58-142a-f889-04b64c6806bb';
const UUID_B = '502f7c11-0a4d-8e6b-33c2-9d1e5a7b4f20';
const UUID_C = '5031aa02-77b4-4c1e-a0d9-1f2e3d4c5b6a';

const byUuid = (assets: readonly Asset[]) => new Map(assets.map((a) => [a.externalId, a]));

describe('same-named VMs that are provably different machines', () => {
  it('keeps two powered-off 3.x VMs of one name in two vCenters apart, with ids independent of row order', () => {
    // Prepare: no serial (3.x), no DNS name, no IP: only the name is shared.
    const rows = [
      rvtoolsRow('u1', 1, { name: 'edb-00119 (old)', uuid: UUID_A, ...EAST }),
      rvtoolsRow('u1', 2, { name: 'wcache-00179', uuid: UUID_C, ...EAST, host: 'esx08.east.corp.example' }),
      rvtoolsRow('u1', 3, { name: 'EDB-00119 (old)', uuid: UUID_B, ...WEST }),
    ];
    // Act
    const forward = build(rows);
    const backward = build([...rows].reverse());
    // Assess
    expect(forward.assets).toHaveLength(3);
    expect(forward.merged).toBe(0);
    const ids = [...byUuid(forward.assets)].map(([uuid, asset]) => [uuid, asset.assetId]);
    expect(new Set(ids.map(([, id]) => id)).size).toBe(3);
    expect(new Map([...byUuid(backward.assets)].map(([uuid, asset]) => [uuid, asset.assetId]))).toEqual(
      new Map(ids as [string, string][]),
    );
    // Neither twin takes the plain name id; a VM no rule touched keeps the id it always had.
    expect(ids.map(([, id]) => id)).not.toContain(assetIdFor({ name: 'edb-00119 (old)' }));
    expect(byUuid(forward.assets).get(UUID_C)?.assetId).toBe(assetIdFor({ name: 'wcache-00179' }));
    expect(byUuid(forward.assets).get(UUID_B)).toMatchObject({
      datacenter: 'DC-West',
      name: 'EDB-00119 (old)',
    });
  });

  it('keeps VMs apart that share a guest DNS name but run in other clusters of one vCenter', () => {
    const { assets } = build([
      rvtoolsRow('u1', 1, {
        name: 'wweb-00594',
        fqdn: 'wweb-00594.east.corp.example',
        uuid: UUID_A,
        ...EAST,
      }),
      rvtoolsRow('u1', 2, {
        name: 'wweb-00594',
        fqdn: 'wweb-00594.east.corp.example',
        uuid: UUID_B,
        ...EAST,
        cluster: 'CL-EAST-DEV',
        host: 'esxdev02.east.corp.example',
      }),
    ]);
    expect(assets.map((a) => a.externalId)).toEqual([UUID_A, UUID_B]);
  });

  it('keeps standalone hosts apart, but merges when either side does not say where it runs', () => {
    const standalone = { ...EAST, cluster: null };
    const apart = build([
      rvtoolsRow('u1', 1, { name: 'lab01', uuid: UUID_A, ...standalone, host: 'lab-esxi-01' }),
      rvtoolsRow('u1', 2, { name: 'lab01', uuid: UUID_B, ...standalone, host: 'lab-esxi-02.lab.example' }),
    ]);
    const unknown = build([
      rvtoolsRow('u1', 1, { name: 'lab01', uuid: UUID_A, ...EAST }),
      record('u1', 2, { name: 'lab01', externalId: UUID_B }),
    ]);
    expect(apart.assets).toHaveLength(2);
    expect(unknown.assets).toHaveLength(1);
  });

  it('merges same-named VMs with other UUIDs in the same cluster (a re-registered or restored VM)', () => {
    // Decision: placement agrees, so nothing but the UUID says "two"; a VM restored or re-registered in
    // place gets a new UUID, and a precision-first rule only splits what is proven.
    const { assets, merged } = build([
      rvtoolsRow('u1', 1, { name: 'app07', uuid: UUID_A, ...EAST }),
      rvtoolsRow('u2', 1, { name: 'app07', uuid: UUID_B, ...EAST, host: 'esx09.east.corp.example' }),
    ]);
    expect(assets).toHaveLength(1);
    expect(merged).toBe(1);
  });

  it('merges UUID-carrying rows of one name in other places when they share an IP', () => {
    const { assets } = build([
      rvtoolsRow('u1', 1, { name: 'app07', uuid: UUID_A, ...EAST, ips: ['10.16.0.5'] }),
      rvtoolsRow('u2', 1, { name: 'app07', uuid: UUID_B, ...WEST, ips: ['10.16.0.5', '10.20.0.5'] }),
    ]);
    expect(assets).toHaveLength(1);
    expect(assets[0]?.ipAddress).toEqual(['10.16.0.5', '10.20.0.5']);
  });
});

describe('CMDB duplicates and CMDB plus RVTools rows still merge', () => {
  it('merges one server listed under two sys_ids with one serial or one IP, even in other locations', () => {
    const { assets, merged } = build([
      record('u1', 1, {
        externalId: '2cc5b8d687159b010c99ee1260e03a7f',
        name: 'PAYWEBP01',
        serialNumber: '3CCAAA9',
        location: 'Frankfurt DC2',
        datacenter: 'FRA2',
      }),
      record('u1', 2, {
        externalId: '9d1a7e04db2a1c10a3e0f1c2b3d4e5f6',
        name: 'paywebp01',
        serialNumber: '3ccaaa9',
        location: 'Frankfurt',
        datacenter: 'FRA1',
      }),
      record('u1', 3, {
        externalId: 'CI0042',
        hostname: 'dbp02',
        ipAddress: ['10.10.10.20'],
        datacenter: 'A',
      }),
      record('u1', 4, {
        externalId: 'CI0043',
        hostname: 'DBP02',
        ipAddress: ['10.10.10.20'],
        datacenter: 'B',
      }),
    ]);
    expect(assets.map((a) => a.name)).toEqual(['PAYWEBP01', 'dbp02']);
    expect(merged).toBe(2);
  });

  it('merges two CMDB records of one host name whose sys_ids and datacenters differ (record ids prove nothing)', () => {
    const { assets } = build([
      record('u1', 1, {
        externalId: '2cc5b8d687159b010c99ee1260e03a7f',
        hostname: 'hrapp01',
        datacenter: 'DC1',
      }),
      record('u1', 2, {
        externalId: '9d1a7e04db2a1c10a3e0f1c2b3d4e5f6',
        hostname: 'hrapp01',
        datacenter: 'DC2',
      }),
    ]);
    expect(assets).toHaveLength(1);
  });

  it('merges CMDB records of one server keyed by GUIDs in other datacenters (no hypervisor placement)', () => {
    const { assets } = build([
      record('u1', 1, { externalId: UUID_A, hostname: 'hrapp01', datacenter: 'DC1', assetType: 'server' }),
      record('u1', 2, { externalId: UUID_B, hostname: 'hrapp01', datacenter: 'DC2', assetType: 'server' }),
    ]);
    expect(assets).toHaveLength(1);
  });

  it('merges a GUID-keyed CMDB record into a same-named VM of another datacenter', () => {
    const { assets } = build([
      rvtoolsRow('r1', 1, { name: 'edb-00119', uuid: UUID_A, ...EAST }),
      record('c1', 1, { externalId: UUID_B, name: 'edb-00119', assetType: 'server', datacenter: 'DC-West' }),
    ]);
    expect(assets).toHaveLength(1);
  });

  it('merges a later RVTools row of a VM into its stored CMDB asset, and a CMDB row into a stored VM', () => {
    // Prepare
    const cmdb = record('c1', 1, {
      externalId: '2cc5b8d687159b010c99ee1260e03a7f',
      hostname: 'edb-00119',
      datacenter: 'Frankfurt DC2',
      cluster: 'PROD',
      businessOwner: 'Julia Costa',
    });
    const vm = rvtoolsRow('r1', 1, { name: 'edb-00119', uuid: UUID_A, ...EAST });
    const storedCmdb = build([cmdb]).assets;
    const storedVm = build([vm]).assets;
    // Act
    const vmIntoCmdb = build([vm], storedCmdb);
    const cmdbIntoVm = build([cmdb], storedVm);
    // Assess
    expect(vmIntoCmdb.assets).toHaveLength(1);
    expect(vmIntoCmdb.assets[0]).toMatchObject({
      assetId: storedCmdb[0]?.assetId,
      businessOwner: 'Julia Costa',
      hypervisorHost: EAST.host,
    });
    expect(cmdbIntoVm.assets).toHaveLength(1);
    expect(cmdbIntoVm.assets[0]?.assetId).toBe(storedVm[0]?.assetId);
  });

  it('adds a same-named VM of another vCenter next to a stored VM, whose id stays', () => {
    const stored = build([rvtoolsRow('r1', 1, { name: 'wcache-00179', uuid: UUID_A, ...EAST })]).assets;
    const { assets, created } = build(
      [rvtoolsRow('r2', 1, { name: 'wcache-00179', uuid: UUID_B, ...WEST })],
      stored,
    );
    expect(created).toBe(1);
    expect(assets.map((a) => a.externalId)).toEqual([UUID_A, UUID_B]);
    expect(assets[0]?.assetId).toBe(stored[0]?.assetId);
    expect(assets[1]?.assetId).not.toBe(stored[0]?.assetId);
  });
});
