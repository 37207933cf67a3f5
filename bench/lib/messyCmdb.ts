/**
 * A seeded generator of a deliberately messy CMDB CSV for golden checks of the import pipeline: repeated
 * hosts in other spellings (case, FQDN vs short name, DOMAIN\host), shared and placeholder identifiers,
 * conflicting serials behind one IP, rows with no identity, IP lists, units in cells, placeholders, padded
 * cells, quoted cells with commas and line breaks, templates and several asset types.
 */

import { seededRandom } from '#test/support/seededRandom.ts';

const HEADERS = [
  'Name',
  'Hostname',
  'FQDN',
  'IP Addresses',
  'MAC Address',
  'Serial Number',
  'Asset ID',
  'Type',
  'Operating System',
  'OS Version',
  'vCPU',
  'Memory (MB)',
  'Disk',
  'Disk Used',
  'Environment',
  'Power State',
  'Template',
  'Application',
  'Tags',
  'Depends On',
  'CPU %',
  'Install Date',
  'DB Engine',
  'Notes',
  'Owner',
] as const;

const OSES = [
  'Windows Server 2019 Standard',
  'Microsoft Windows Server 2016 (64-bit)',
  'Red Hat Enterprise Linux 7 (64-bit)',
  'RHEL 8.4',
  'Ubuntu 18.04.6 LTS',
  'CentOS Linux release 7.9.2009',
  'SUSE Linux Enterprise Server 12 SP5',
  'AIX 7.1',
  'Solaris 11',
  'unknown',
  '',
  ' windows server 2012 r2 ',
];
const ENVS = ['PRD', 'prod', 'Production', 'DEV', 'Test', 'uat', 'QA', 'DR', 'N/A', '', 'staging'];
const TYPES = ['Server', 'VM', 'virtual machine', 'Database', 'Load Balancer', 'switch', 'NAS', 'app', ''];
const POWER = ['poweredOn', 'PoweredOff', 'on', 'off', 'suspended', ''];
const SERIALS_FAKE = ['To Be Filled By O.E.M.', 'N/A', '0000000', 'none', '123456789', 'SERIAL'];
const DATES = ['2019-03-04', '04/03/2019', '3/15/2020', '2021-12-31T10:00:00Z', '15-Jan-2018', 'yesterday'];
const ENGINES = ['Microsoft SQL Server 2014', 'Oracle 12c', 'PostgreSQL 9.6', 'MySQL 5.7', ''];
const DISKS = ['100 GB', '512000 MB', '1.5 TB', '200', '61.2 GiB / 127 GiB', '-5', 'lots'];

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** `rows` data rows drawn from about rows/3 hosts, so most hosts appear several times in other spellings. */
export function messyCmdbCsv(rows: number, seed: number): string {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const hosts = Math.max(10, Math.floor(rows / 3));
  const lines = [HEADERS.join(',')];
  for (let r = 0; r < rows; r++) {
    const h = Math.floor(next() * hosts);
    const short = `host${String(h).padStart(5, '0')}`;
    const spelled = pick([
      short,
      short.toUpperCase(),
      `CORP\\${short}`,
      ` ${short} `,
      `${short}.corp.example.com`,
    ]);
    const blank = next() < 0.03;
    const ip = `10.${(h >> 8) & 255}.${h & 255}.${1 + (h % 200)}`;
    const ips = pick([
      ip,
      `${ip}, 127.0.0.1`,
      `${ip};10.99.0.${h % 250}`,
      '0.0.0.0',
      '',
      '010.1.2.3',
      'bad-ip',
      ip,
    ]);
    const mac = pick([
      `00:50:56:${(h & 255).toString(16).padStart(2, '0')}:aa:0${h % 10}`,
      `00-50-56-${(h & 255).toString(16).padStart(2, '0')}-AA-0${h % 10}`,
      '',
      '00:00:00:00:00:00',
    ]);
    const serial =
      next() < 0.15 ? pick(SERIALS_FAKE) : next() < 0.05 ? `SN-SHARED-${h % 7}` : `SN${h * 7919}`;
    const cells = [
      blank ? '' : pick([spelled, '', `App ${h % 50}`, `${short}-db`]),
      blank ? '' : pick([spelled, short, '']),
      blank
        ? ''
        : pick([`${short}.corp.example.com`, `${short}.CORP.example.com.`, '', `${short}.dr.example.com`]),
      blank ? pick(['', '127.0.0.1']) : ips,
      blank ? '' : mac,
      blank ? '' : serial,
      blank ? '' : pick([`CI${h}`, '', `ci${h}`]),
      pick(TYPES),
      pick(OSES),
      pick(['', '6.1.7601', '10.0.17763', '7.9', 'SP2']),
      pick(['2', '4', '8 vCPU', '', 'x', '16']),
      pick(['4096', '16384', '8 GB', '', '32768', '1.5e4']),
      pick(DISKS),
      pick(['40 GB', '', '12.5', 'n/a']),
      pick(ENVS),
      pick(POWER),
      pick(['TRUE', 'false', '', 'yes', 'No']),
      pick(['Payroll', 'payroll', 'CRM', ' Billing ', '', 'HR Portal']),
      pick(['web;prod', 'db|critical', '', 'legacy, pci', 'web']),
      pick(['', `host${String((h + 1) % hosts).padStart(5, '0')}`, `host00001 host00002`]),
      pick(['45', '0.45', '101', '12.5%', '', '-3']),
      pick(DATES),
      pick(ENGINES),
      pick(['n/a', 'Note, with a comma', 'line one\nline two', 'says "hi"', '']),
      pick(['Julia Costa', 'julia costa', 'TBD', '']),
    ];
    lines.push(cells.map(quote).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
