import { describe, expect, it } from 'vitest';
import { displayOperatingSystem, parseOperatingSystem } from '#domain/cleansing/index.ts';

type Row = [raw: string, product: string | null, version: string | null, family: string | null];

// Real-world strings: VMware guest OS names (RVTools), CMDB free text, discovery tools, short forms.
const TABLE: Row[] = [
  ['Microsoft Windows Server 2008 R2 (64-bit)', 'Windows Server', '2008 R2', 'windows'],
  ['Microsoft Windows Server 2012 (64-bit)', 'Windows Server', '2012', 'windows'],
  ['Microsoft Windows Server 2016 (64-bit)', 'Windows Server', '2016', 'windows'],
  ['Microsoft Windows Server 2016 or later (64-bit)', 'Windows Server', null, 'windows'],
  ['Microsoft Windows Server 2019 (64-bit)', 'Windows Server', '2019', 'windows'],
  ['Microsoft Windows Server 2022 (64-bit)', 'Windows Server', '2022', 'windows'],
  ['Microsoft Windows Server 2003 Standard (32-bit)', 'Windows Server', '2003', 'windows'],
  ['Microsoft Windows Server 2003, Enterprise Edition (64-bit)', 'Windows Server', '2003', 'windows'],
  ['Windows Server 2019 Datacenter', 'Windows Server', '2019', 'windows'],
  ['Windows Server 2012 R2 Standard', 'Windows Server', '2012 R2', 'windows'],
  ['Windows 2008 R2 Enterprise SP1', 'Windows Server', '2008 R2', 'windows'],
  ['Win2k8R2', 'Windows Server', '2008 R2', 'windows'],
  ['W2K12R2', 'Windows Server', '2012 R2', 'windows'],
  ['Win2012R2Std', 'Windows Server', '2012 R2', 'windows'],
  ['WIN2K3', 'Windows Server', '2003', 'windows'],
  ['Windows Server, version 1809', 'Windows Server', '1809', 'windows'],
  ['Microsoft(R) Windows(R) Server 2003, Standard Edition', 'Windows Server', '2003', 'windows'],
  ['Microsoft® Windows Server® 2008 Enterprise', 'Windows Server', '2008', 'windows'],
  ['WS2016', 'Windows Server', '2016', 'windows'],
  ['Win Srv 2012 R2', 'Windows Server', '2012 R2', 'windows'],
  ['Windows 2000 Professional', 'Windows', '2000', 'windows'],
  ['Linux 3.10.0-1160.el7.x86_64', null, null, 'linux'],
  ['SUSE Linux Enterprise Server 12 SP3 (x86_64)', 'SUSE Linux Enterprise Server', '12 SP3', 'linux'],
  ['Ubuntu 20.04.6 LTS (Focal Fossa)', 'Ubuntu', '20.04.6', 'linux'],
  ['Microsoft Windows 10 (64-bit)', 'Windows', '10', 'windows'],
  ['Microsoft Windows 11 (64-bit)', 'Windows', '11', 'windows'],
  ['Windows 10 Enterprise 22H2', 'Windows', '10 22H2', 'windows'],
  ['Microsoft Windows 7 (64-bit)', 'Windows', '7', 'windows'],
  ['Windows 8.1 Pro', 'Windows', '8.1', 'windows'],
  ['Microsoft Windows XP Professional (32-bit)', 'Windows', 'XP', 'windows'],
  ['Windows', null, null, 'windows'],
  ['Red Hat Enterprise Linux 7 (64-bit)', 'Red Hat Enterprise Linux', '7', 'linux'],
  ['Red Hat Enterprise Linux 8 (64-bit)', 'Red Hat Enterprise Linux', '8', 'linux'],
  ['Red Hat Enterprise Linux Server release 7.9 (Maipo)', 'Red Hat Enterprise Linux', '7.9', 'linux'],
  ['RHEL 8.4', 'Red Hat Enterprise Linux', '8.4', 'linux'],
  ['rhel7', 'Red Hat Enterprise Linux', '7', 'linux'],
  ['CentOS 4/5/6/7 (64-bit)', 'CentOS', null, 'linux'],
  ['CentOS 7 (64-bit)', 'CentOS', '7', 'linux'],
  ['CentOS Linux release 7.9.2009 (Core)', 'CentOS', '7.9.2009', 'linux'],
  ['CentOS Stream 9', 'CentOS Stream', '9', 'linux'],
  ['Ubuntu Linux (64-bit)', 'Ubuntu', null, 'linux'],
  ['Ubuntu 18.04.6 LTS', 'Ubuntu', '18.04.6', 'linux'],
  ['Ubuntu 22.04 LTS', 'Ubuntu', '22.04', 'linux'],
  ['Ubuntu Bionic', 'Ubuntu', '18.04', 'linux'],
  ['SUSE Linux Enterprise 12 (64-bit)', 'SUSE Linux Enterprise Server', '12', 'linux'],
  ['SUSE Linux Enterprise 11 (64-bit)', 'SUSE Linux Enterprise Server', '11', 'linux'],
  ['SUSE Linux Enterprise Server 15 SP4', 'SUSE Linux Enterprise Server', '15 SP4', 'linux'],
  ['SLES12SP5', 'SUSE Linux Enterprise Server', '12 SP5', 'linux'],
  ['Oracle Linux 7', 'Oracle Linux', '7', 'linux'],
  ['Oracle Linux 4/5/6/7 (64-bit)', 'Oracle Linux', null, 'linux'],
  ['Oracle Linux Server release 8.6', 'Oracle Linux', '8.6', 'linux'],
  ['Debian GNU/Linux 9', 'Debian', '9', 'linux'],
  ['Debian GNU/Linux 10 (64-bit)', 'Debian', '10', 'linux'],
  ['Debian GNU/Linux 11 (bullseye)', 'Debian', '11', 'linux'],
  ['Amazon Linux 2', 'Amazon Linux', '2', 'linux'],
  ['Rocky Linux 8.7', 'Rocky Linux', '8.7', 'linux'],
  ['VMware Photon OS (64-bit)', 'Photon OS', null, 'linux'],
  ['Other 3.x Linux (64-bit)', null, null, 'linux'],
  ['Other 2.6.x Linux (64-bit)', null, null, 'linux'],
  ['Linux', null, null, 'linux'],
  ['Sun Solaris 10', 'Solaris', '10', 'unix'],
  ['Oracle Solaris 11 (64-bit)', 'Solaris', '11', 'unix'],
  ['SunOS 5.10', 'Solaris', '10', 'unix'],
  ['AIX 7.1', 'AIX', '7.1', 'unix'],
  ['IBM AIX 7.2 TL5', 'AIX', '7.2 TL5', 'unix'],
  ['AIX 7200-05-03-2148', 'AIX', '7.2 TL5', 'unix'],
  ['HP-UX 11i v3', 'HP-UX', '11i v3', 'unix'],
  ['HP-UX B.11.31', 'HP-UX', '11.31', 'unix'],
  ['FreeBSD 12.2', 'FreeBSD', '12.2', 'unix'],
  ['z/OS 2.4', 'z/OS', '2.4', 'mainframe'],
  ['IBM i 7.3', 'IBM i', '7.3', 'other'],
  ['VMware ESXi 7.0.3', 'VMware ESXi', '7.0.3', 'other'],
  ['Other (64-bit)', null, null, 'other'],
  ['Server', null, null, null],
];

describe('parseOperatingSystem', () => {
  it.each(TABLE)('parses %j', (raw, product, version, family) => {
    // Act
    const parsed = parseOperatingSystem(raw);
    // Assess
    expect({ product: parsed.product, version: parsed.version, family: parsed.family }).toEqual({
      product,
      version,
      family,
    });
    expect(parsed.raw).toBe(raw);
  });

  it('reads edition and architecture', () => {
    expect(parseOperatingSystem('Windows Server 2019 Datacenter (64-bit)')).toMatchObject({
      edition: 'Datacenter',
      architecture: '64-bit',
    });
    expect(parseOperatingSystem('Microsoft Windows Server 2003 Standard (32-bit)').architecture).toBe(
      '32-bit',
    );
  });

  it('takes the version from a separate OS-version column when the name has none', () => {
    expect(parseOperatingSystem('Microsoft Windows Server', '10.0.17763').version).toBe('2019');
    expect(parseOperatingSystem('CentOS 4/5/6/7 (64-bit)', '7.9.2009').version).toBe('7.9.2009');
    expect(parseOperatingSystem('Ubuntu Linux (64-bit)', 'focal').version).toBe('20.04');
  });

  it('lets the version column refine but not contradict the name', () => {
    expect(parseOperatingSystem('CentOS 7 (64-bit)', '7.9.2009').version).toBe('7.9.2009');
    expect(parseOperatingSystem('CentOS 7 (64-bit)', '8.1').version).toBe('7');
  });

  it('parses a version column alone when the OS name is empty', () => {
    expect(parseOperatingSystem('', 'Red Hat Enterprise Linux 8.6')).toMatchObject({
      product: 'Red Hat Enterprise Linux',
      version: '8.6',
    });
  });

  it('displays product and version, or the raw text when the product is unknown', () => {
    expect(displayOperatingSystem(parseOperatingSystem('Microsoft Windows Server 2008 R2 (64-bit)'))).toBe(
      'Windows Server 2008 R2',
    );
    expect(displayOperatingSystem(parseOperatingSystem('Ubuntu Linux (64-bit)'))).toBe('Ubuntu');
    expect(displayOperatingSystem(parseOperatingSystem('  Other 3.x Linux (64-bit) '))).toBe(
      'Other 3.x Linux (64-bit)',
    );
  });
});
