import { describe, expect, it } from 'vitest';
import { ASSET_FIELD_NAMES } from '#domain/assetSchema.ts';
import { mapColumns } from '#domain/mapping/index.ts';
import { columns, mappingOf, targets } from './helpers.ts';

const VM = ['app-web01', 'db-sql02', 'fin-app03'];
const ESX = ['esx01.corp.example.com', 'esx02.corp.example.com'];
const OS_CONFIG = [
  'Microsoft Windows Server 2016 (64-bit)',
  'Red Hat Enterprise Linux 8 (64-bit)',
  'CentOS 7 (64-bit)',
];
const OS_TOOLS = ['Microsoft Windows Server 2016 Standard', 'Red Hat Enterprise Linux 8.6 (Ootpa)'];

/** RVTools vInfo headers from a real (3.x) workbook, in workbook order. */
const VINFO = columns([
  ['VM', VM],
  ['Powerstate', ['poweredOn', 'poweredOff']],
  ['Template', ['False', 'True']],
  ['CPUs', ['2', '4', '8']],
  ['Memory', ['4096', '8192', '16384']],
  ['NICs', ['1', '2']],
  ['Disks', ['1', '2', '3']],
  ['Provisioned MB', ['65581', '106544', '520250']],
  ['In Use MB', ['30722', '51200', '256000']],
  ['Datacenter', ['DC-Frankfurt', 'DC-Dublin']],
  ['Cluster', ['CL-PROD-01', 'CL-DEV-01']],
  ['Host', ESX],
  ['OS according to the configuration file', OS_CONFIG],
  ['OS according to the VMware Tools', OS_TOOLS],
]);

describe('mapColumns on RVTools', () => {
  it('maps the vInfo sheet as a migration engineer would', () => {
    // Act
    const result = mapColumns(VINFO);
    // Assess
    expect(result.kind).toBe('assets');
    expect(targets(result)).toEqual({
      VM: 'name',
      Powerstate: 'powerState',
      Template: null,
      CPUs: 'cpuCores',
      Memory: 'memoryGb',
      NICs: null,
      Disks: null,
      'Provisioned MB': 'storageGb',
      'In Use MB': 'storageUsedGb',
      Datacenter: 'datacenter',
      Cluster: 'cluster',
      Host: 'hypervisorHost',
      'OS according to the configuration file': 'operatingSystem',
      'OS according to the VMware Tools': null,
    });
    expect(mappingOf(result, 'Memory').unit).toBe('MB');
    expect(mappingOf(result, 'Provisioned MB').unit).toBe('MB');
  });

  it('returns one mapping per column, in order, explained and within 0..1', () => {
    // Act
    const result = mapColumns(VINFO);
    // Assess
    expect(result.mappings.map((m) => m.source)).toEqual(VINFO.map((c) => c.header));
    for (const m of result.mappings) {
      expect(m.method).toBe('rules');
      expect(m.reason.length).toBeGreaterThan(5);
      expect(m.confidence).toBeGreaterThanOrEqual(0);
      expect(m.confidence).toBeLessThanOrEqual(1);
      if (m.target !== null) expect(ASSET_FIELD_NAMES).toContain(m.target);
    }
  });

  it('maps the vNetwork IPv4 Address and Mac Address columns', () => {
    // Prepare
    const cols = columns([
      ['VM', VM],
      ['NIC label', ['Network adapter 1']],
      ['Mac Address', ['00:50:56:9a:1b:2c', '00:50:56:9a:3d:4e']],
      ['IPv4 Address', ['10.20.1.15', '10.20.1.16']],
      ['IPv6 Address', ['fe80::250:56ff:fe9a:1b2c']],
      ['Internal Sort Column', ['app-web01_4000']],
    ]);
    // Act
    const result = mapColumns(cols);
    // Assess
    expect(targets(result)).toEqual({
      VM: 'name',
      'NIC label': null,
      'Mac Address': 'macAddress',
      'IPv4 Address': 'ipAddress',
      'IPv6 Address': null,
      'Internal Sort Column': null,
    });
  });

  it('treats "Host" as the asset itself in a host inventory (vHost) and reads host CPU usage', () => {
    // Prepare
    const cols = columns([
      ['Host', ESX],
      ['# CPU', ['2', '2']],
      ['# Cores', ['40', '28']],
      ['# vCPUs', ['112', '86']],
      ['CPU usage %', ['23', '41']],
      ['# Memory', ['785883', '524187']],
      ['vRAM', ['458752', '327680']],
      ['DNS Servers', ['10.0.0.53, 10.0.1.53']],
    ]);
    // Act
    const result = mapColumns(cols);
    // Assess
    expect(targets(result)).toEqual({
      Host: 'name',
      '# CPU': 'cpuSockets',
      '# Cores': 'cpuCores',
      '# vCPUs': null,
      'CPU usage %': 'cpuUtilizationPct',
      '# Memory': 'memoryGb',
      vRAM: null,
      'DNS Servers': null,
    });
  });

  it('leaves columns without canonical meaning unmapped', () => {
    // Prepare
    const cols = columns([
      ['VM', VM],
      ['HA Restart Priority', ['high', 'medium']],
      ['Annotation', ['Primary file server']],
      ['SRM Placeholder', ['False', 'True']],
      ['Recommended size', ['Standard_D4s_v3']],
      ['EC2 instance type recommendation', ['m5.large']],
      ['Active Memory', ['409', '1228']],
      ['Memory usage %', ['55', '72']],
      ['Free Memory (MB)', ['1024', '2048']],
      ['Disk 1 size (In GB)', ['60', '127']],
    ]);
    // Act
    const result = mapColumns(cols);
    // Assess
    expect(result.mappings.filter((m) => m.target !== null).map((m) => m.source)).toEqual([
      'VM',
      'Memory usage %',
    ]);
    expect(mappingOf(result, 'Memory usage %').target).toBe('memoryUtilizationPct');
  });
});

describe('mapColumns identity columns', () => {
  it('maps both "Name" and "Host Name" when a file has both', () => {
    const result = mapColumns(
      columns([
        ['Name', VM],
        ['Host Name', VM],
        ['IP Address', ['10.0.0.1']],
      ]),
    );
    expect(targets(result)).toEqual({ Name: 'name', 'Host Name': 'hostname', 'IP Address': 'ipAddress' });
  });

  it('maps a lone "Server Name" to name', () => {
    const result = mapColumns(
      columns([
        ['Server Name', VM],
        ['OS', OS_CONFIG],
      ]),
    );
    expect(targets(result)).toEqual({ 'Server Name': 'name', OS: 'operatingSystem' });
  });

  it('maps "DNS Name" to fqdn when values are FQDNs and to hostname otherwise', () => {
    const fqdn = mapColumns(
      columns([
        ['VM', VM],
        ['DNS Name', ['a.corp.example.com', 'b.corp.example.com']],
      ]),
    );
    const short = mapColumns(
      columns([
        ['VM', VM],
        ['DNS Name', ['appweb01', 'dbsql02']],
      ]),
    );
    expect(mappingOf(fqdn, 'DNS Name').target).toBe('fqdn');
    expect(mappingOf(short, 'DNS Name').target).toBe('hostname');
  });

  it('vetoes an "IP" header whose values are not IP addresses', () => {
    const result = mapColumns(
      columns([
        ['VM', VM],
        ['IP', ['pending', 'n/a', 'dhcp']],
      ]),
    );
    expect(mappingOf(result, 'IP')).toMatchObject({ target: null });
  });

  it('proposes a field from values for a vague status header holding power states', () => {
    const result = mapColumns(
      columns([
        ['MachineName', VM],
        ['MachineStatus', ['Running', 'Stopped']],
      ]),
    );
    expect(mappingOf(result, 'MachineStatus').target).toBe('powerState');
  });
});

describe('mapColumns thresholds', () => {
  it('emits a target only at or above minConfidence', () => {
    // Prepare
    const cols = columns([
      ['VM', VM],
      ['Owner', ['Jane Smith']],
    ]);
    // Act
    const lenient = mapColumns(cols);
    const strict = mapColumns(cols, { minConfidence: 0.9 });
    // Assess
    expect(mappingOf(lenient, 'Owner').target).toBe('businessOwner');
    expect(mappingOf(strict, 'Owner').target).toBeNull();
    expect(mappingOf(strict, 'VM').target).toBe('name');
  });

  it('maps an empty file to an empty asset result', () => {
    expect(mapColumns([])).toEqual({ kind: 'assets', mappings: [] });
  });
});

describe('mapColumns one-to-one assignment', () => {
  it('gives a field to the best column only; the others stay custom attributes', () => {
    // Prepare
    const cols = columns([
      ['VM', VM],
      ['OS according to the configuration file', OS_CONFIG],
      ['OS according to the VMware Tools', OS_TOOLS],
      ['IP Address', ['10.0.0.1', '10.0.0.2']],
      ['IpAddressListSemiColonDelimited', ['10.0.0.1;10.0.1.1']],
    ]);
    // Act
    const result = mapColumns(cols);
    // Assess
    const used = result.mappings.map((m) => m.target).filter((t) => t !== null);
    expect(new Set(used).size).toBe(used.length);
    expect(mappingOf(result, 'OS according to the configuration file').target).toBe('operatingSystem');
    expect(mappingOf(result, 'OS according to the VMware Tools')).toMatchObject({ target: null });
    expect(mappingOf(result, 'OS according to the VMware Tools').reason).toContain('operatingSystem');
    expect(mappingOf(result, 'IpAddressListSemiColonDelimited').target).toBeNull();
  });

  it('prefers the fuller column when two are equally well named', () => {
    // Prepare
    const fillRates = [1, 0.4, 1];
    const cols = columns([
      ['VM', VM],
      ['IP Address', ['10.0.0.1']],
      ['Primary IP Address', ['10.0.0.1', '10.0.0.2']],
    ]).map((c, i) => ({ ...c, fillRate: fillRates[i] ?? 1 }));
    // Act
    const result = mapColumns(cols);
    // Assess
    expect(mappingOf(result, 'Primary IP Address').target).toBe('ipAddress');
    expect(mappingOf(result, 'IP Address').target).toBeNull();
  });
});
