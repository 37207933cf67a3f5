import { describe, expect, it } from 'vitest';
import { techDebtFindingSchema } from '#domain/assetSchema.ts';
import { assessTechDebt, InvalidAsOfDateError, lookupLifecycle } from '#domain/techdebt/index.ts';

const AS_OF = '2026-11-26';

function os(operatingSystem: string, osVersion?: string, asOf = AS_OF) {
  return assessTechDebt({ operatingSystem, osVersion: osVersion ?? null }, asOf)[0];
}

describe('operating systems', () => {
  it.each([
    ['Microsoft Windows Server 2008 R2 (64-bit)', 'Windows Server', '2008 R2', 'eol', '2020-01-14'],
    ['Windows Server 2012 R2 Standard', 'Windows Server', '2012 R2', 'eol', '2023-10-10'],
    ['Windows Server 2016 Datacenter', 'Windows Server', '2016', 'eol_soon', '2027-01-12'],
    ['Windows Server 2019 Datacenter', 'Windows Server', '2019', 'supported', '2029-01-09'],
    ['Microsoft Windows 10 (64-bit)', 'Windows', '10', 'eol', '2025-10-14'],
    ['Microsoft Windows 7 (64-bit)', 'Windows', '7', 'eol', '2020-01-14'],
    ['Red Hat Enterprise Linux 7 (64-bit)', 'Red Hat Enterprise Linux', '7', 'eol', '2024-06-30'],
    ['Red Hat Enterprise Linux 8 (64-bit)', 'Red Hat Enterprise Linux', '8', 'supported', '2029-05-31'],
    ['CentOS 7 (64-bit)', 'CentOS', '7', 'eol', '2024-06-30'],
    ['Ubuntu 18.04.6 LTS', 'Ubuntu', '18.04.6', 'eol', '2023-05-31'],
    ['Ubuntu 22.04 LTS', 'Ubuntu', '22.04', 'eol_soon', '2027-04-01'],
    ['Debian GNU/Linux 9', 'Debian', '9', 'eol', '2020-07-18'],
    ['SUSE Linux Enterprise 12 (64-bit)', 'SUSE Linux Enterprise Server', '12', 'eol', '2024-10-31'],
    ['SLES 15 SP4', 'SUSE Linux Enterprise Server', '15 SP4', 'eol', '2023-12-31'],
    ['Oracle Linux 8', 'Oracle Linux', '8', 'supported', '2029-07-01'],
    ['Sun Solaris 10', 'Oracle Solaris', '10', 'eol', '2018-01-01'],
    ['Oracle Solaris 11.4', 'Oracle Solaris', '11.4', 'supported', '2031-11-01'],
    ['AIX 7.1', 'IBM AIX', '7.1', 'eol', '2023-04-30'],
  ])('%s → %s %s %s', (raw, product, version, status, eolDate) => {
    expect(os(raw)).toEqual({ component: 'os', product, version, status, eolDate });
  });

  it('matches versions by cycle: RHEL 7.9 is cycle 7', () => {
    expect(os('Red Hat Enterprise Linux 7 (64-bit)', '7.9')).toMatchObject({
      version: '7.9',
      status: 'eol',
      eolDate: '2024-06-30',
    });
  });

  it('never guesses: ambiguous or bare names are unknown with what is known', () => {
    expect(os('Windows')).toEqual({
      component: 'os',
      product: null,
      version: null,
      status: 'unknown',
      eolDate: null,
    });
    expect(os('Linux')).toEqual({
      component: 'os',
      product: null,
      version: null,
      status: 'unknown',
      eolDate: null,
    });
    expect(os('CentOS 4/5/6/7 (64-bit)')).toEqual({
      component: 'os',
      product: 'CentOS',
      version: null,
      status: 'unknown',
      eolDate: null,
    });
    expect(os('Microsoft Windows Server 2016 or later (64-bit)')).toMatchObject({
      product: 'Windows Server',
      status: 'unknown',
    });
    expect(os('HP-UX 11i v3')).toEqual({
      component: 'os',
      product: 'HP-UX',
      version: '11i v3',
      status: 'unknown',
      eolDate: null,
    });
    expect(os('Ubuntu 19.05')).toMatchObject({ product: 'Ubuntu', status: 'unknown' });
  });

  it('does not claim the end of a servicing line that is still being released', () => {
    // AIX 7.3: the dataset's newest technology level has ended, but newer levels of 7.3 may exist.
    expect(os('AIX 7.3')).toMatchObject({ status: 'unknown', eolDate: null });
    expect(os('SLES 15')).toMatchObject({ status: 'supported' });
  });
});

describe('status boundaries and the as-of date', () => {
  const input = { operatingSystem: 'Red Hat Enterprise Linux 8' }; // eol 2029-05-31

  it('is eol_soon exactly 365 days before the end, supported one day earlier', () => {
    expect(assessTechDebt(input, '2028-05-31')[0]?.status).toBe('eol_soon');
    expect(assessTechDebt(input, '2028-05-30')[0]?.status).toBe('supported');
  });

  it('is still eol_soon on the end date itself and eol the day after (eol means asOf > eolDate)', () => {
    expect(assessTechDebt(input, '2029-05-31')[0]?.status).toBe('eol_soon');
    expect(assessTechDebt(input, '2029-06-01')[0]?.status).toBe('eol');
  });

  it('judges the same asset differently for different as-of dates', () => {
    const asset = { operatingSystem: 'Windows Server 2012 R2' };
    expect(assessTechDebt(asset, '2020-01-01')[0]?.status).toBe('supported');
    expect(assessTechDebt(asset, '2023-01-01')[0]?.status).toBe('eol_soon');
    expect(assessTechDebt(asset, '2024-01-01')[0]?.status).toBe('eol');
  });

  it('rejects an as-of date that is not a real YYYY-MM-DD date', () => {
    expect(() => assessTechDebt(input, '2026-02-30')).toThrow(InvalidAsOfDateError);
    expect(() => assessTechDebt(input, '26/11/2026')).toThrow(InvalidAsOfDateError);
  });
});

describe('databases', () => {
  it.each([
    [
      { databaseEngine: 'SQL Server', databaseVersion: '13.0.5026.0' },
      'Microsoft SQL Server',
      '13.0.5026.0',
      'eol',
      '2022-10-11',
    ],
    [
      { databaseEngine: 'MSSQL', databaseVersion: '13.0.6300.2' },
      'Microsoft SQL Server',
      '13.0.6300.2',
      'eol',
      '2026-07-14',
    ],
    [
      { databaseEngine: 'SQL Server', databaseVersion: '15.0.2000.5' },
      'Microsoft SQL Server',
      '15.0.2000.5',
      'supported',
      '2030-01-08',
    ],
    [
      { databaseEngine: 'Microsoft SQL Server 2014 SP3' },
      'Microsoft SQL Server',
      '2014 SP3',
      'eol',
      '2024-07-09',
    ],
    [{ databaseEngine: 'SQL Server 2016' }, 'Microsoft SQL Server', '2016', 'eol', '2026-07-14'],
    [{ databaseEngine: 'SQL Server 2008 R2' }, 'Microsoft SQL Server', '2008 R2', 'eol', '2019-07-09'],
    [
      { databaseEngine: 'Oracle', databaseVersion: '19c' },
      'Oracle Database',
      '19c',
      'supported',
      '2029-12-31',
    ],
    [
      { databaseEngine: 'Oracle', databaseVersion: '12.2.0.1' },
      'Oracle Database',
      '12.2.0.1',
      'eol',
      '2022-03-31',
    ],
    [{ databaseEngine: 'Oracle', databaseVersion: '12c' }, 'Oracle Database', '12c', 'eol', '2022-03-31'],
    [{ databaseEngine: 'MySQL', databaseVersion: '5.7.44' }, 'MySQL', '5.7.44', 'eol', '2023-10-31'],
    [{ databaseEngine: 'PostgreSQL 9.6' }, 'PostgreSQL', '9.6', 'eol', '2021-11-11'],
    [
      { databaseEngine: 'postgres', databaseVersion: '16.3' },
      'PostgreSQL',
      '16.3',
      'supported',
      '2028-11-09',
    ],
    [{ databaseEngine: 'MongoDB', databaseVersion: '4.4' }, 'MongoDB', '4.4', 'eol', '2024-02-29'],
    [{ databaseEngine: 'MariaDB', databaseVersion: '10.6.13' }, 'MariaDB', '10.6.13', 'eol', '2026-07-06'],
  ])('%j → %s %s %s', (input, product, version, status, eolDate) => {
    expect(assessTechDebt(input, AS_OF)).toEqual([
      { component: 'database', product, version, status, eolDate },
    ]);
  });

  it('is unknown when releases named by the version disagree, or the engine is not covered', () => {
    expect(assessTechDebt({ databaseEngine: 'MySQL', databaseVersion: '8' }, AS_OF)[0]).toMatchObject({
      status: 'unknown',
    });
    expect(assessTechDebt({ databaseEngine: 'DB2', databaseVersion: '11.5' }, AS_OF)[0]).toEqual({
      component: 'database',
      product: 'DB2',
      version: '11.5',
      status: 'unknown',
      eolDate: null,
    });
    expect(assessTechDebt({ databaseEngine: 'SQL Server' }, AS_OF)[0]).toMatchObject({
      status: 'unknown',
      version: null,
    });
  });
});

describe('hypervisors and runtimes', () => {
  it('matches ESXi builds and updates to their cycle', () => {
    expect(
      assessTechDebt({ virtualizationPlatform: 'VMware ESXi 6.0.0 build-3620759' }, AS_OF)[0],
    ).toMatchObject({
      component: 'hypervisor',
      product: 'VMware ESXi',
      status: 'eol',
      eolDate: '2020-03-12',
    });
    expect(assessTechDebt({ virtualizationPlatform: 'VMware ESXi 7.0 U3' }, AS_OF)[0]).toMatchObject({
      status: 'eol',
      eolDate: '2025-04-02',
    });
    expect(assessTechDebt({ virtualizationPlatform: 'VMware ESXi 8.0' }, AS_OF)[0]).toMatchObject({
      status: 'eol_soon',
    });
  });

  it("reads the host's ESX version from an RVTools custom column", () => {
    const findings = assessTechDebt(
      {
        virtualizationPlatform: 'VMware',
        customAttributes: { 'Host ESX Version': 'VMware ESXi 6.7.0 build-17700523' },
      },
      AS_OF,
    );
    expect(findings).toEqual([
      {
        component: 'hypervisor',
        product: 'VMware ESXi',
        version: '6.7.0',
        status: 'eol',
        eolDate: '2022-10-15',
      },
    ]);
  });

  it('judges Hyper-V by its Windows Server release, and an unversioned platform as unknown', () => {
    expect(assessTechDebt({ virtualizationPlatform: 'Hyper-V Server 2019' }, AS_OF)[0]).toMatchObject({
      product: 'Microsoft Hyper-V',
      status: 'supported',
      eolDate: '2029-01-09',
    });
    expect(assessTechDebt({ virtualizationPlatform: 'VMware' }, AS_OF)[0]).toMatchObject({
      status: 'unknown',
    });
  });

  it('finds runtimes in custom attributes and the description', () => {
    const findings = assessTechDebt(
      {
        customAttributes: { 'Node Version': 'v14.17.0', Rack: 'R1' },
        description: 'Batch jobs on Python 2.7 and .NET 10',
      },
      AS_OF,
    );
    expect(findings).toEqual([
      { component: 'runtime', product: 'Node.js', version: '14.17.0', status: 'eol', eolDate: '2023-04-30' },
      { component: 'runtime', product: 'Python', version: '2.7', status: 'eol', eolDate: '2020-01-01' },
      { component: 'runtime', product: '.NET', version: '10', status: 'supported', eolDate: '2028-11-14' },
    ]);
  });
});

describe('assessTechDebt as a whole', () => {
  it('returns findings in the fixed order os, database, runtime, hypervisor, valid per the schema', () => {
    const findings = assessTechDebt(
      {
        virtualizationPlatform: 'VMware ESXi 7.0 U3',
        description: 'PHP 7.4 front end',
        databaseEngine: 'MySQL 5.7',
        operatingSystem: 'CentOS 7 (64-bit)',
      },
      AS_OF,
    );
    expect(findings.map((f) => f.component)).toEqual(['os', 'database', 'runtime', 'hypervisor']);
    for (const f of findings) expect(techDebtFindingSchema.parse(f)).toEqual(f);
  });

  it('gives no finding for a component with no information', () => {
    expect(
      assessTechDebt({ operatingSystem: '  ', databaseEngine: null, description: 'a web server' }, AS_OF),
    ).toEqual([]);
  });
});

describe('lookupLifecycle', () => {
  it('answers by product name or key and cycle', () => {
    expect(lookupLifecycle('SQL Server', '13.0.5026')).toEqual({
      product: 'Microsoft SQL Server',
      version: '2016 SP2',
      eolDate: '2022-10-11',
      extendedSupportDate: null,
    });
    expect(lookupLifecycle('rhel', '7.9')).toMatchObject({
      version: '7',
      eolDate: '2024-06-30',
      extendedSupportDate: '2028-06-30',
    });
    expect(lookupLifecycle('Windows Server', '2008 R2')).toMatchObject({
      version: '2008 R2 SP1',
      eolDate: '2020-01-14',
    });
    expect(lookupLifecycle('Ubuntu', '18.04')).toMatchObject({ eolDate: '2023-05-31' });
  });

  it('returns null for unknown products, unknown versions and versions naming several releases', () => {
    expect(lookupLifecycle('Commodore OS', '1')).toBeNull();
    expect(lookupLifecycle('Ubuntu', '19.05')).toBeNull();
    expect(lookupLifecycle('Oracle Database', '12c')).toBeNull();
  });
});
