import { describe, expect, it } from 'vitest';
import type { CanonicalField } from '#domain/assetSchema.ts';
import { CleanserCompileError, compileCleanser } from '#domain/cleansing/index.ts';
import type { ColumnProfile, FieldMapping, SizeUnit } from '#domain/tableTypes.ts';

type Spec = [
  header: string,
  target: CanonicalField | null,
  options?: { unit?: SizeUnit; samples?: string[] },
];

/** Builds profiles and mappings for a table whose columns are given in order. */
function table(specs: Spec[]): { columns: ColumnProfile[]; mappings: FieldMapping[] } {
  const columns = specs.map(([header, , options], index) => ({
    header,
    index,
    inferredType: 'text' as const,
    fillRate: 1,
    nonEmpty: 1,
    distinct: 1,
    samples: options?.samples ?? [],
  }));
  const mappings = specs.map(([header, target, options]) => ({
    source: header,
    target,
    confidence: 0.9,
    method: 'rules' as const,
    reason: 'test',
    ...(options?.unit ? { unit: options.unit } : {}),
  }));
  return { columns, mappings };
}

function cleanser(specs: Spec[]) {
  const { columns, mappings } = table(specs);
  return compileCleanser(columns, mappings, { uploadId: 'upload-1' });
}

describe('compileCleanser on an RVTools-like asset table', () => {
  const clean = cleanser([
    ['VM', 'name'],
    ['Powerstate', 'powerState'],
    ['Template', null],
    ['CPUs', 'cpuCores'],
    ['Memory', 'memoryGb', { unit: 'MB' }],
    ['Provisioned MB', 'storageGb', { unit: 'MB' }],
    ['Primary IP Address', 'ipAddress'],
    ['MAC', 'macAddress'],
    ['DNS Name', 'fqdn'],
    ['OS according to the configuration file', 'operatingSystem'],
    ['Environment', 'environment'],
    ['Annotation', null],
  ]);

  it('turns a good row into canonical values with a full score', () => {
    // Act
    const record = clean(
      [
        ' web01 ',
        'poweredOn',
        'False',
        '4 vCPU',
        '16,384',
        '102400',
        '10.0.0.5',
        '00-50-56-AB-CD-EF',
        'Web01.corp.example.com',
        'Microsoft Windows Server 2008 R2 (64-bit)',
        'PROD-EU',
        ' owner: Jane ',
      ],
      7,
    );
    // Assess
    expect(record).toMatchObject({
      uploadId: 'upload-1',
      row: 7,
      qualityScore: 1,
      qualityIssues: [],
      isTemplate: false,
    });
    expect(record.fields).toEqual({
      name: 'web01',
      powerState: 'on',
      cpuCores: 4,
      memoryGb: 16,
      storageGb: 100,
      ipAddress: ['10.0.0.5'],
      macAddress: ['00:50:56:ab:cd:ef'],
      fqdn: 'web01.corp.example.com',
      operatingSystem: 'Windows Server 2008 R2',
      osVersion: '2008 R2',
      environment: 'production',
    });
    expect(record.custom).toEqual({ Template: 'False', Annotation: 'owner: Jane' });
  });

  it('splits several IPs, drops invalid ones with an issue and keeps the cell in custom', () => {
    const record = clean(
      ['db01', '', '', '', '', '', '10.0.0.1, 10.0.0.300; fe80::1 0.0.0.0', '', '', '', '', ''],
      1,
    );
    expect(record.fields.ipAddress).toEqual(['10.0.0.1', 'fe80::1']);
    expect(record.qualityIssues).toEqual(['ipAddress: "10.0.0.300" is not a valid IP address']);
    expect(record.custom['Primary IP Address']).toBe('10.0.0.1, 10.0.0.300; fe80::1 0.0.0.0');
  });

  it('makes placeholders null without reporting them', () => {
    const record = clean(
      ['db02', 'N/A', '', '-', 'unknown', 'TBD', '0.0.0.0', '#N/A', 'n/a', '--', '?', ''],
      2,
    );
    expect(record.fields).toMatchObject({
      powerState: null,
      cpuCores: null,
      memoryGb: null,
      storageGb: null,
      ipAddress: null,
      macAddress: null,
      fqdn: null,
      operatingSystem: null,
      environment: null,
    });
    expect(record.qualityIssues).toEqual([]);
  });

  it('records invalid values as issues, keeps them in custom and lowers the score', () => {
    const record = clean(['app01', '', '', 'four', 'lots', '', '', 'not-a-mac', 'app01', '', '', ''], 3);
    expect(record.qualityIssues).toEqual([
      'cpuCores: "four" is not a valid number',
      'memoryGb: "lots" is not a valid size',
      'macAddress: "not-a-mac" is not a valid MAC address',
      'fqdn: "app01" is not a valid FQDN',
    ]);
    expect(record.custom).toMatchObject({
      CPUs: 'four',
      Memory: 'lots',
      MAC: 'not-a-mac',
      'DNS Name': 'app01',
    });
    expect(record.qualityScore).toBeLessThan(0.5);
  });

  it('sets isTemplate from a true Template column', () => {
    expect(clean(['tmpl-win', 'poweredOff', 'True', '', '', '', '', '', '', '', '', ''], 4).isTemplate).toBe(
      true,
    );
  });

  it('scores identity, platform completeness and validity', () => {
    const full = clean(['a', '', '', '2', '4096', '1024', '', '', '', 'Ubuntu 22.04', '', ''], 1);
    const noIdentity = clean(['', '', '', '2', '4096', '1024', '', '', '', 'Ubuntu 22.04', '', ''], 1);
    const identityOnly = clean(['a', '', '', '', '', '', '', '', '', '', '', ''], 1);
    expect(full.qualityScore).toBe(1);
    expect(noIdentity.qualityScore).toBe(0.6);
    expect(identityOnly.qualityScore).toBe(0.6);
  });
});

describe('compileCleanser column-level decisions', () => {
  it('scales a 0..1 utilisation column to percent, decided from the profile samples', () => {
    const clean = cleanser([
      ['Host', 'name'],
      ['CPU util', 'cpuUtilizationPct', { samples: ['0.25', '0.5', '1'] }],
      ['Mem util', 'memoryUtilizationPct', { samples: ['25', '0.5', '80'] }],
    ]);
    const record = clean(['h1', '0.35', '0.5'], 1);
    expect(record.fields.cpuUtilizationPct).toBe(35);
    expect(record.fields.memoryUtilizationPct).toBe(0.5);
  });

  it('reads "used / total" size cells as the total for an allocated size and the used part for a used size', () => {
    // Prepare
    const clean = cleanser([
      ['Name', 'name'],
      ['Disk', 'storageGb'],
      ['Disk used', 'storageUsedGb'],
    ]);
    // Act
    const record = clean(['s1', '61.2 GiB / 127 GiB', '61.2 GiB / 127 GiB'], 1);
    // Assess
    expect(record.fields).toMatchObject({ storageGb: 127, storageUsedGb: 61.2 });
    expect(record.qualityIssues).toEqual([]);
  });

  it('rejects percentages outside 0..100', () => {
    const clean = cleanser([
      ['Host', 'name'],
      ['CPU %', 'cpuUtilizationPct', { samples: ['12', '40'] }],
    ]);
    expect(clean(['h1', '140'], 1).qualityIssues).toEqual([
      'cpuUtilizationPct: "140" is not a valid percentage (0..100)',
    ]);
  });

  it('fills the OS version from a mapped version column', () => {
    const clean = cleanser([
      ['Name', 'name'],
      ['OS', 'operatingSystem'],
      ['OS Version', 'osVersion'],
    ]);
    expect(clean(['s1', 'CentOS 4/5/6/7 (64-bit)', '7.9.2009'], 1).fields).toMatchObject({
      operatingSystem: 'CentOS 7.9.2009',
      osVersion: '7.9.2009',
    });
    expect(clean(['s2', 'Other 3.x Linux (64-bit)', ''], 1).fields).toMatchObject({
      operatingSystem: 'Other 3.x Linux (64-bit)',
      osVersion: null,
    });
  });

  it('merges list columns and keeps a conflicting scalar under its header', () => {
    const clean = cleanser([
      ['VM', 'name'],
      ['IP 1', 'ipAddress'],
      ['IP 2', 'ipAddress'],
      ['Alias', 'name'],
      ['Tags', 'tags'],
    ]);
    const record = clean(['vm1', '10.0.0.1', '10.0.0.2;10.0.0.1', 'vm-one', 'sap; prod |  pci '], 1);
    expect(record.fields.ipAddress).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(record.fields.name).toBe('vm1');
    expect(record.custom).toEqual({ Alias: 'vm-one' });
    expect(record.fields.tags).toEqual(['sap', 'prod', 'pci']);
  });

  it('keeps unmapped and not-mapped columns verbatim, trimmed', () => {
    const { columns, mappings } = table([
      ['Name', 'name'],
      ['Rack', null],
    ]);
    const extra: ColumnProfile = { ...columns[0], header: 'Unlisted', index: 2 } as ColumnProfile;
    const clean = compileCleanser([...columns, extra], mappings, { uploadId: 'u' });
    expect(clean(['n1', '  R12 ', ' x '], 1).custom).toEqual({ Rack: 'R12', Unlisted: 'x' });
  });

  it('refuses a profile that lists the same column twice', () => {
    const { columns, mappings } = table([['Name', 'name']]);
    expect(() => compileCleanser([...columns, ...columns], mappings, { uploadId: 'u' })).toThrow(
      CleanserCompileError,
    );
  });
});

describe('compileCleanser on a connection file', () => {
  const clean = cleanser([
    ['src', 'sourceIp'],
    ['src_host', 'sourceHost'],
    ['dst', 'destinationIp'],
    ['dport', 'destinationPort'],
    ['proto', 'protocol'],
    ['count', 'connectionCount'],
    ['bytes', 'bytes'],
    ['time', 'timestamp', { samples: ['25/12/2024 10:00'] }],
  ]);

  it('types ports, counts and bytes, upper-cases protocols and lower-cases hosts', () => {
    const record = clean(
      ['10.0.0.1', ' WEB01.Corp ', '10.0.0.2', '443', '6', '1,200', '2 KB', '25/12/2024 10:30'],
      1,
    );
    expect(record.fields).toEqual({
      sourceIp: '10.0.0.1',
      sourceHost: 'web01.corp',
      destinationIp: '10.0.0.2',
      destinationPort: 443,
      protocol: 'TCP',
      connectionCount: 1200,
      bytes: 2048,
      timestamp: '2024-12-25T10:30:00.000Z',
    });
    expect(record.qualityScore).toBe(1);
  });

  it('rejects impossible ports and bad addresses', () => {
    const record = clean(['10.0.0.999', '', '10.0.0.2', '70000', '17', '', '', ''], 1);
    expect(record.fields.protocol).toBe('UDP');
    expect(record.qualityIssues).toEqual([
      'sourceIp: "10.0.0.999" is not a valid IP address',
      'destinationPort: "70000" is not a valid port number',
    ]);
  });
});
