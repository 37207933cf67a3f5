import { describe, expect, it } from 'vitest';
import { type Asset, assetSchema } from '#domain/assetSchema.ts';
import { assetIdFor, InventoryBuilder } from '#domain/inventory/index.ts';
import type { CleansedRecord } from '#domain/tableTypes.ts';
import { record } from './records.ts';

function build(records: readonly CleansedRecord[], existing?: Iterable<Asset>) {
  const builder = new InventoryBuilder(existing);
  for (const row of records) builder.add(row);
  return builder.result();
}

describe('InventoryBuilder', () => {
  it('produces schema-valid assets with every canonical field and a derived name', () => {
    // Prepare
    const rows = [
      record('u1', 1, {
        hostname: 'web01',
        ipAddress: ['10.0.0.1'],
        operatingSystem: 'RHEL 8',
        memoryGb: 16,
      }),
    ];
    // Act
    const { assets, created } = build(rows);
    // Assess
    expect(created).toBe(1);
    const asset = assets[0];
    expect(assetSchema.parse(asset)).toBeTruthy();
    expect(asset).toMatchObject({
      name: 'web01',
      assetType: 'server',
      memoryGb: 16,
      techDebt: [],
      sources: ['u1'],
    });
    expect(asset).toHaveProperty('databaseEngine', null);
    expect(asset?.assetId).toBe(assetIdFor({ hostname: 'web01' }));
  });

  it('names a row from its FQDN short name, external id or IP when there is no name column', () => {
    const { assets } = build([
      record('u1', 1, { fqdn: 'App02.corp.example.com' }),
      record('u1', 2, { externalId: 'CI0042' }),
      record('u1', 3, { ipAddress: ['10.9.9.9'] }),
    ]);
    expect(assets.map((asset) => asset.name)).toEqual(['App02', 'CI0042', '10.9.9.9']);
  });

  it('keeps rows without any identity as row-N assets and counts them', () => {
    const { assets, rowsWithoutIdentity } = build([
      record('u1', 17, { operatingSystem: 'Windows Server 2016' }),
      record('u1', 18, { operatingSystem: 'Windows Server 2016' }),
    ]);
    expect(rowsWithoutIdentity).toBe(2);
    expect(assets.map((asset) => asset.name)).toEqual(['row-17', 'row-18']);
    expect(new Set(assets.map((asset) => asset.assetId)).size).toBe(2);
  });

  it('gives the same ids for the same rows in another order', () => {
    // Prepare
    const rows = [
      record('u1', 1, { name: 'WEB01', fqdn: 'web01.corp.local', ipAddress: ['10.0.0.1'] }),
      record('u1', 2, { name: 'db01', serialNumber: 'VMware-42 1a 2b', ipAddress: ['10.0.0.2'] }),
      record('u1', 3, { name: 'web01', ipAddress: ['10.0.0.1'], serialNumber: 'SN-WEB-01' }),
      record('u1', 4, { externalId: 'x-77' }),
    ];
    // Act
    const forward = build(rows).assets.map((asset) => [asset.name.toLowerCase(), asset.assetId]);
    const backward = build([...rows].reverse()).assets.map((asset) => [
      asset.name.toLowerCase(),
      asset.assetId,
    ]);
    // Assess
    expect(forward).toHaveLength(3);
    expect(new Map(backward as [string, string][])).toEqual(new Map(forward as [string, string][]));
  });

  it('deduplicates rows by host name case, FQDN versus short name, and IP', () => {
    const { assets, created, merged } = build([
      record('u1', 1, { name: 'APP01', ipAddress: ['10.1.0.5'], operatingSystem: 'Windows Server 2012 R2' }),
      record('u1', 2, { name: 'app01.corp.example.com', cpuCores: 4 }),
      record('u1', 3, { name: 'app01', memoryGb: 8 }),
      record('u1', 4, { ipAddress: ['10.1.0.5'], application: 'Payroll' }),
    ]);
    expect(created).toBe(1);
    expect(merged).toBe(3);
    expect(assets[0]).toMatchObject({
      name: 'APP01',
      operatingSystem: 'Windows Server 2012 R2',
      cpuCores: 4,
      memoryGb: 8,
      application: 'Payroll',
      fqdn: 'app01.corp.example.com',
    });
  });

  it('does not merge hosts that share a NAT/VIP address, loopback or a placeholder serial', () => {
    const rows = [
      record('u1', 1, { hostname: 'web01', ipAddress: ['127.0.0.1', '203.0.113.10'], serialNumber: 'N/A' }),
      record('u1', 2, { hostname: 'web02', ipAddress: ['127.0.0.1', '203.0.113.10'], serialNumber: 'N/A' }),
      record('u1', 3, { hostname: 'web03', ipAddress: ['203.0.113.10'], serialNumber: '0000000000' }),
      record('u1', 4, { hostname: 'web04', serialNumber: 'To Be Filled By O.E.M.' }),
      record('u1', 5, { hostname: 'web05', serialNumber: 'To Be Filled By O.E.M.' }),
      record('u1', 6, { name: 'Payroll DB', ipAddress: ['203.0.113.10'] }),
    ];
    const { assets, created, merged } = build(rows);
    expect(created).toBe(6);
    expect(merged).toBe(0);
    expect(new Set(assets.map((asset) => asset.assetId)).size).toBe(6);
  });

  it('does not merge a host with one of the same short name in another domain', () => {
    const { assets } = build([
      record('u1', 1, { name: 'app01.corp.example.com' }),
      record('u1', 2, { name: 'APP01' }),
      record('u1', 3, { fqdn: 'app01.lab.example.org' }),
    ]);
    expect(assets.map((asset) => asset.fqdn)).toEqual(['app01.corp.example.com', 'app01.lab.example.org']);
  });

  it('keeps two database instances on one host apart from each other and from the host', () => {
    const { assets } = build([
      record('u1', 1, { name: 'db01', operatingSystem: 'Windows Server 2016', ipAddress: ['10.0.0.9'] }),
      record('u1', 2, {
        name: 'MSSQLSERVER',
        hostname: 'db01',
        databaseEngine: 'SQL Server',
        ipAddress: ['10.0.0.9'],
      }),
      record('u1', 3, {
        name: 'REPORTING',
        hostname: 'db01',
        databaseEngine: 'SQL Server',
        ipAddress: ['10.0.0.9'],
      }),
    ]);
    expect(assets.map((asset) => [asset.name, asset.assetType])).toEqual([
      ['db01', 'server'],
      ['MSSQLSERVER', 'database'],
      ['REPORTING', 'database'],
    ]);
  });

  it('within one upload the first row wins and later duplicates only fill empty fields', () => {
    const { assets } = build([
      record('u1', 1, { name: 'web01', environment: 'Production', tags: ['pci'] }),
      record('u1', 2, { name: 'WEB01', environment: 'Test', location: 'DC1', tags: ['dmz'] }),
    ]);
    expect(assets[0]).toMatchObject({ environment: 'Production', location: 'DC1', tags: ['pci', 'dmz'] });
  });

  it('merges a later upload into the stored assets: new values win, lists and sources union, ids stay', () => {
    // Prepare
    const first = build([
      record('u1', 1, { name: 'web01', environment: 'Test', ipAddress: ['10.0.0.1'], memoryGb: 4 }),
      record('u1', 2, { name: 'db01', ipAddress: ['10.0.0.2'] }),
    ]).assets;
    // Act
    const second = build(
      [
        record('u2', 1, { name: 'WEB01', environment: 'Production', ipAddress: ['10.0.0.11'] }),
        record('u2', 2, { name: 'new01' }),
      ],
      first,
    );
    // Assess
    expect(second.created).toBe(1);
    expect(second.merged).toBe(1);
    const web = second.assets.find((asset) => asset.name === 'WEB01');
    expect(web).toMatchObject({
      assetId: first[0]?.assetId,
      environment: 'Production',
      memoryGb: 4,
      ipAddress: ['10.0.0.1', '10.0.0.11'],
      sources: ['u1', 'u2'],
    });
    expect(second.assets.map((asset) => asset.name)).toEqual(['WEB01', 'db01', 'new01']);
    expect(first[0]?.environment).toBe('Test');
  });

  it('re-running the same upload yields the same ids and no duplicates', () => {
    const rows = [
      record('u1', 1, { name: 'web01', ipAddress: ['10.0.0.1'] }),
      record('u1', 2, { operatingSystem: 'AIX 7.1' }),
    ];
    const first = build(rows).assets;
    const again = build(rows, first);
    expect(again.created).toBe(0);
    expect(again.assets.map((asset) => asset.assetId)).toEqual(first.map((asset) => asset.assetId));
  });

  it('carries over quality, custom attributes and the template flag', () => {
    const { assets } = build([
      record(
        'u1',
        1,
        { name: 'tmpl-rhel8', hypervisorHost: 'esx01' },
        {
          custom: { 'VI SDK Server': 'vc01' },
          isTemplate: true,
          qualityScore: 0.6,
          qualityIssues: ['no OS'],
        },
      ),
    ]);
    expect(assets[0]).toMatchObject({
      assetType: 'virtual_machine',
      isTemplate: true,
      qualityScore: 0.6,
      qualityIssues: ['no OS'],
      customAttributes: { 'VI SDK Server': 'vc01' },
    });
  });

  it('builds 100k records with duplicates quickly', () => {
    // Prepare
    const rows: CleansedRecord[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      const n = i % 80_000;
      rows.push(
        record('big', i + 1, {
          name: i < 80_000 ? `host${n}` : `HOST${n}.corp.example.com`,
          ipAddress: [`10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`],
          cpuCores: 4,
          operatingSystem: 'Ubuntu 22.04',
        }),
      );
    }
    // Act
    const started = performance.now();
    const result = build(rows);
    const elapsed = performance.now() - started;
    // Assess
    expect(result.assets).toHaveLength(80_000);
    expect(result.merged).toBe(20_000);
    expect(elapsed).toBeLessThan(20_000);
  });
});
