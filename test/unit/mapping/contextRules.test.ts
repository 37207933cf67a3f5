import { describe, expect, it } from 'vitest';
import { analyzeHeader, mapColumns } from '#domain/mapping/index.ts';
import { columns, mappingOf, targets } from './helpers.ts';

const NAMES = ['srv-app01', 'srv-db02', 'srv-web03'];

describe('non-English inventory headers', () => {
  it('maps the basic columns of a Spanish CMDB export', () => {
    // Prepare
    const table = columns([
      ['Nombre del servidor', NAMES],
      ['Dirección IP', ['10.1.1.5', '10.1.1.6']],
      ['Sistema operativo', ['Windows Server 2019', 'Ubuntu 22.04']],
      ['Memoria (GB)', ['16', '32']],
      ['Número de núcleos', ['4', '8']],
      ['Ubicación', ['Madrid', 'Sevilla']],
      ['Departamento', ['Finanzas', 'TI']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result).toEqual({
      'Nombre del servidor': 'name',
      'Dirección IP': 'ipAddress',
      'Sistema operativo': 'operatingSystem',
      'Memoria (GB)': 'memoryGb',
      'Número de núcleos': 'cpuCores',
      Ubicación: 'location',
      Departamento: 'department',
    });
  });

  it('reads French size units in brackets and space-grouped thousands', () => {
    // Prepare
    const table = columns([
      ['Nom', NAMES],
      ['Mémoire (Mo)', ['16 384', '8 192']],
      ['Stockage total (Go)', ['1 000', '250']],
    ]);
    // Act
    const result = mapColumns(table);
    // Assess
    expect(mappingOf(result, 'Mémoire (Mo)')).toMatchObject({ target: 'memoryGb', unit: 'MB' });
    expect(mappingOf(result, 'Stockage total (Go)')).toMatchObject({ target: 'storageGb', unit: 'GB' });
  });

  it('folds accents and German compounds into the English words the matcher knows', () => {
    // Act
    const memory = analyzeHeader('Arbeitsspeicher (GB)');
    const disk = analyzeHeader('Festplattenkapazität');
    // Assess
    expect(memory.tokens).toEqual(['memory']);
    expect(memory.unit).toBe('GB');
    expect(disk.tokens).toEqual(['disk', 'capacity']);
  });

  it('reads ServiceNow custom fields without their u_ prefix, dot-walked or not', () => {
    // Prepare
    const table = columns([
      ['name', NAMES],
      ['u_environment', ['PROD', 'DEV']],
      ['u_application.name', ['Payroll', 'CRM']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result).toMatchObject({ u_environment: 'environment', 'u_application.name': 'application' });
  });
});

describe('CPU count resolved from the rest of the table', () => {
  it('reads a bare processor count as sockets when the table also counts cores per processor', () => {
    // Prepare
    const table = columns([
      ['Hostname', NAMES],
      ['Processors', ['2', '2', '1']],
      ['Cores per processor', ['12', '16', '8']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result.Processors).toBe('cpuSockets');
    expect(result['Cores per processor']).toBeNull();
  });

  it('reads a bare processor count as vCPUs in a VM table that counts nothing else', () => {
    // Prepare
    const table = columns([
      ['VM Name', NAMES],
      ['Processor Count', ['2', '4', '8']],
      ['Memory (MB)', ['4096', '8192']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result['Processor Count']).toBe('cpuCores');
  });

  it('keeps an explicit socket column when a VM table has one', () => {
    // Prepare
    const table = columns([
      ['VM', NAMES],
      ['CPUs', ['2', '4', '8']],
      ['Sockets', ['1', '2', '2']],
      ['Cores p/s', ['2', '2', '4']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result).toMatchObject({ CPUs: 'cpuCores', Sockets: 'cpuSockets' });
  });
});

describe('precision: leave it unmapped when the column is about something else', () => {
  it('does not take sizing recommendations or user preferences for facts about the asset', () => {
    // Prepare
    const table = columns([
      ['Server Name', NAMES],
      ['Recommendation.Target.Location', ['eu-west-1', 'us-east-1']],
      ['UserPreference.Environment', ['Production', 'Test']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result['Recommendation.Target.Location']).toBeNull();
    expect(result['UserPreference.Environment']).toBeNull();
  });

  it('does not read a list of hosts as the hypervisor the asset runs on', () => {
    // Prepare
    const table = columns([
      ['Datastore', ['DS-01', 'DS-02']],
      ['Hosts', ['esx01, esx02', 'esx03; esx04']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result.Hosts).toBeNull();
  });

  it('does not take the vCenter name for the asset name', () => {
    // Prepare
    const table = columns([
      ['MachineId', ['vm-1', 'vm-2']],
      ['vCenterName', ['vc01.corp.example.com', 'vc02.corp.example.com']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result.vCenterName).toBeNull();
  });

  it('reads a bare size in a disk table as the disk size', () => {
    // Prepare
    const table = columns([
      ['MachineId', ['vm-1', 'vm-2']],
      ['DiskName', ['C:', '/data']],
      ['SizeGiB', ['127', '500']],
    ]);
    // Act
    const result = mapColumns(table);
    // Assess
    expect(mappingOf(result, 'SizeGiB')).toMatchObject({ target: 'storageGb', unit: 'GiB' });
  });
});

describe('capacity pairs and look-alike columns', () => {
  it('reads "maxX" as the configured capacity and the bare "X" as current use', () => {
    // Prepare
    const table = columns([
      ['name', NAMES],
      ['maxmem', ['8589934592', '17179869184']],
      ['mem', ['2147483648', '9663676416']],
      ['maxdisk', ['68719476736', '137438953472']],
      ['disk', ['21474836480', '53687091200']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result).toMatchObject({
      maxmem: 'memoryGb',
      mem: null,
      maxdisk: 'storageGb',
      disk: 'storageUsedGb',
    });
  });

  it('takes a bare "Label" for tags only when its values look like tags', () => {
    // Prepare
    const disks = columns([
      ['VM', NAMES],
      ['Label', ['Hard disk 1', 'Hard disk 2']],
    ]);
    const vms = columns([
      ['VM', NAMES],
      ['Label', ['env:prod', 'team:finance']],
    ]);
    // Act
    const onDisks = targets(mapColumns(disks));
    const onVms = targets(mapColumns(vms));
    // Assess
    expect(onDisks.Label).toBeNull();
    expect(onVms.Label).toBe('tags');
  });
});
