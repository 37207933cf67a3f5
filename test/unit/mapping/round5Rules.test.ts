import { describe, expect, it } from 'vitest';
import { mapColumns } from '#domain/mapping/index.ts';
import { columns, targets } from './helpers.ts';

const NAMES = ['srv-app01', 'srv-db02', 'srv-web03'];

describe('Swedish, Polish and romanised Japanese inventory headers', () => {
  it('maps the columns of a Swedish CMDB export', () => {
    // Prepare
    const table = columns([
      ['Servernamn', NAMES],
      ['Miljö', ['Produktion', 'Test']],
      ['Systemägare', ['Anna Lindqvist', 'Erik Johansson']],
      ['Teknisk förvaltare', ['Drift Windows', 'Drift Linux']],
      ['Minne (GB)', ['16', '64']],
      ['Antal kärnor', ['4', '16']],
      ['Lagring (GB)', ['200', '1500']],
      ['Kostnadsställe', ['KS-1001', 'KS-2040']],
      ['Värd', ['esx01.corp.se', 'esx04.corp.se']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result).toEqual({
      Servernamn: 'name',
      Miljö: 'environment',
      Systemägare: 'businessOwner',
      'Teknisk förvaltare': 'technicalOwner',
      'Minne (GB)': 'memoryGb',
      'Antal kärnor': 'cpuCores',
      'Lagring (GB)': 'storageGb',
      Kostnadsställe: 'costCenter',
      Värd: 'hypervisorHost',
    });
  });

  it('maps Polish headers, reading "ł" as "l"', () => {
    // Prepare
    const table = columns([
      ['Nazwa serwera', NAMES],
      ['Właściciel biznesowy', ['Anna Kowalska', 'Piotr Nowak']],
      ['Dział', ['Finanse', 'Kadry']],
      ['Pamięć RAM (GB)', ['16', '64']],
      ['Liczba rdzeni', ['8', '24']],
      ['Centrum kosztów', ['MPK-1001', 'MPK-2040']],
      ['Fala migracji', ['Fala 1', 'Fala 3']],
      ['Administrator', ['Zespół Windows', 'Zespół Linux']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result).toEqual({
      'Nazwa serwera': 'name',
      'Właściciel biznesowy': 'businessOwner',
      Dział: 'department',
      'Pamięć RAM (GB)': 'memoryGb',
      'Liczba rdzeni': 'cpuCores',
      'Centrum kosztów': 'costCenter',
      'Fala migracji': 'migrationWave',
      Administrator: 'technicalOwner',
    });
  });

  it('maps a Japanese server ledger written in romaji', () => {
    // Prepare
    const table = columns([
      ['Kanri Bangou', ['SV-0001', 'SV-0002']],
      ['Kiki-mei', ['WEB01', 'DB02']],
      ['Hosuto-mei', ['web01', 'db02']],
      ['CPU Koa-su', ['4', '16']],
      ['Setchi Basho', ['Tokyo DC', 'Osaka DC']],
      ['Seizou Bangou', ['7XK2Q53', 'CZ1234ABCD']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result).toEqual({
      'Kanri Bangou': 'externalId',
      'Kiki-mei': 'name',
      'Hosuto-mei': 'hostname',
      'CPU Koa-su': 'cpuCores',
      'Setchi Basho': 'location',
      'Seizou Bangou': 'serialNumber',
    });
  });
});

describe('round-5 context rules', () => {
  it('reads a flattened "host.name" beside the VM name as the hypervisor host', () => {
    // Prepare
    const table = columns([
      ['name', NAMES],
      ['host.name', ['kvm01.corp.example.com', 'kvm03.corp.example.com']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result['host.name']).toBe('hypervisorHost');
  });

  it('does not take the cores of a sockets/cores/threads topology for the total', () => {
    // Prepare
    const table = columns([
      ['name', NAMES],
      ['cpu.topology.sockets', ['2', '4']],
      ['cpu.topology.cores', ['2', '1']],
      ['cpu.topology.threads', ['1', '1']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result['cpu.topology.sockets']).toBe('cpuSockets');
    expect(result['cpu.topology.cores']).toBeNull();
  });

  it('leaves a status of run-time states (up/down, ACTIVE/SHUTOFF) out of the lifecycle status', () => {
    // Prepare
    const monitor = columns([
      ['Device', NAMES],
      ['Status', ['Up', 'Down', 'Up']],
    ]);
    const cloud = columns([
      ['Name', NAMES],
      ['Status', ['ACTIVE', 'SHUTOFF']],
      ['Power State', ['Running', 'Shutdown']],
    ]);
    const cmdb = columns([
      ['Name', NAMES],
      ['Status', ['Active', 'Offline']],
    ]);
    // Act
    const results = [monitor, cloud, cmdb].map((t) => targets(mapColumns(t)).Status);
    // Assess
    expect(results).toEqual([null, null, 'status']);
  });

  it('reads a bare "Host" or "address" holding IP addresses as the IP address', () => {
    // Prepare
    const monitor = columns([
      ['Device', NAMES],
      ['Host', ['10.20.1.15', '10.20.1.16']],
    ]);
    const icinga = columns([
      ['name', NAMES],
      ['attrs.address', ['10.20.1.15', '10.20.1.16']],
    ]);
    const vms = columns([
      ['VM', NAMES],
      ['Host', ['esx01.corp.local', 'esx02.corp.local']],
    ]);
    // Act
    const results = [monitor, icinga, vms].map((t) => Object.values(targets(mapColumns(t)))[1]);
    // Assess
    expect(results).toEqual(['ipAddress', 'ipAddress', 'hypervisorHost']);
  });

  it('reads a bare "Disk" as the storage when its values carry the unit ("100 GB")', () => {
    // Prepare
    const sized = columns([
      ['Name', NAMES],
      ['Disk', ['100 GB', '750 GB']],
    ]);
    const labels = columns([
      ['Name', NAMES],
      ['Disk', ['Hard disk 1', 'Hard disk 2']],
    ]);
    // Act
    const results = [sized, labels].map((t) => targets(mapColumns(t)).Disk);
    // Assess
    expect(results).toEqual(['storageGb', null]);
  });

  it('maps Wi-Fi addresses, Xen name_label, Satellite lifecycle environments and ITSM impact', () => {
    // Prepare
    const table = columns([
      ['name_label', NAMES],
      ['name_description', ['Portal front end', 'Reporting database']],
      ['Wi-Fi MAC', ['3C:A9:F4:12:7B:9E', 'F8:59:71:0C:2D:44']],
      ['WiFiIPv4Address', ['192.168.1.23', '10.40.12.87']],
      ['Lifecycle Environment', ['Production', 'Test']],
      ['Impact', ['High', 'Medium', 'Low']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result).toEqual({
      name_label: 'name',
      name_description: 'description',
      'Wi-Fi MAC': 'macAddress',
      WiFiIPv4Address: 'ipAddress',
      'Lifecycle Environment': 'environment',
      Impact: 'businessCriticality',
    });
  });
});
