/**
 * The fictional estate behind the example exports: applications, platforms and infrastructure servers.
 * generate.ts turns it into rows with a seeded PRNG. Names use example.com and documentation IP ranges.
 */

/** A business application: `size` servers, its platform stack and how critical it is (1 = most). */
export interface AppSpec {
  readonly name: string;
  readonly code: string;
  readonly size: number;
  readonly stack: 'windows' | 'linux' | 'java-oracle' | 'unix' | 'lamp';
  readonly criticality: 1 | 2 | 3 | 4;
  readonly department: string;
}

export const APPS: readonly AppSpec[] = [
  { name: 'Payroll', code: 'PAY', size: 12, stack: 'windows', criticality: 1, department: 'Finance' },
  {
    name: 'General Ledger',
    code: 'GLD',
    size: 16,
    stack: 'java-oracle',
    criticality: 1,
    department: 'Finance',
  },
  { name: 'Accounts Payable', code: 'APY', size: 6, stack: 'windows', criticality: 2, department: 'Finance' },
  { name: 'Online Shop', code: 'SHP', size: 25, stack: 'linux', criticality: 1, department: 'Digital' },
  { name: 'Customer Portal', code: 'CPO', size: 18, stack: 'linux', criticality: 1, department: 'Digital' },
  { name: 'Mobile API Gateway', code: 'MAG', size: 8, stack: 'linux', criticality: 1, department: 'Digital' },
  { name: 'CRM', code: 'CRM', size: 14, stack: 'windows', criticality: 1, department: 'Sales' },
  { name: 'Sales Reporting', code: 'SRP', size: 5, stack: 'windows', criticality: 3, department: 'Sales' },
  {
    name: 'Order Management',
    code: 'ORD',
    size: 20,
    stack: 'java-oracle',
    criticality: 1,
    department: 'Operations',
  },
  {
    name: 'Warehouse Management',
    code: 'WMS',
    size: 15,
    stack: 'unix',
    criticality: 1,
    department: 'Operations',
  },
  { name: 'Fleet Tracking', code: 'FLT', size: 7, stack: 'lamp', criticality: 2, department: 'Operations' },
  { name: 'Supplier Portal', code: 'SUP', size: 9, stack: 'lamp', criticality: 2, department: 'Procurement' },
  {
    name: 'Procurement Catalogue',
    code: 'PRC',
    size: 4,
    stack: 'windows',
    criticality: 3,
    department: 'Procurement',
  },
  { name: 'HR Self Service', code: 'HRS', size: 10, stack: 'windows', criticality: 2, department: 'HR' },
  { name: 'Recruitment', code: 'REC', size: 3, stack: 'lamp', criticality: 3, department: 'HR' },
  { name: 'Learning Management', code: 'LMS', size: 6, stack: 'linux', criticality: 3, department: 'HR' },
  { name: 'Intranet', code: 'INT', size: 5, stack: 'windows', criticality: 3, department: 'Corporate IT' },
  {
    name: 'Document Management',
    code: 'DMS',
    size: 11,
    stack: 'windows',
    criticality: 2,
    department: 'Legal',
  },
  {
    name: 'Contract Repository',
    code: 'CON',
    size: 2,
    stack: 'windows',
    criticality: 3,
    department: 'Legal',
  },
  {
    name: 'Data Warehouse',
    code: 'DWH',
    size: 13,
    stack: 'java-oracle',
    criticality: 2,
    department: 'Analytics',
  },
  { name: 'BI Dashboards', code: 'BID', size: 6, stack: 'windows', criticality: 3, department: 'Analytics' },
  {
    name: 'Enterprise Service Bus',
    code: 'ESB',
    size: 8,
    stack: 'linux',
    criticality: 1,
    department: 'Corporate IT',
  },
  { name: 'Identity SSO', code: 'SSO', size: 6, stack: 'linux', criticality: 1, department: 'Corporate IT' },
  {
    name: 'Service Desk',
    code: 'SDK',
    size: 4,
    stack: 'windows',
    criticality: 2,
    department: 'Corporate IT',
  },
  { name: 'Billing Engine', code: 'BIL', size: 14, stack: 'unix', criticality: 1, department: 'Finance' },
  { name: 'Treasury', code: 'TRS', size: 3, stack: 'windows', criticality: 2, department: 'Finance' },
  { name: 'Marketing CMS', code: 'MKT', size: 7, stack: 'lamp', criticality: 3, department: 'Marketing' },
  { name: 'Email Campaigns', code: 'EML', size: 2, stack: 'linux', criticality: 4, department: 'Marketing' },
  { name: 'Legacy Claims', code: 'CLM', size: 5, stack: 'unix', criticality: 2, department: 'Insurance' },
  {
    name: 'Policy Admin',
    code: 'POL',
    size: 12,
    stack: 'java-oracle',
    criticality: 1,
    department: 'Insurance',
  },
  { name: 'Time Tracking', code: 'TIM', size: 1, stack: 'windows', criticality: 4, department: 'HR' },
  {
    name: 'Visitor Management',
    code: 'VIS',
    size: 1,
    stack: 'lamp',
    criticality: 4,
    department: 'Facilities',
  },
  { name: 'Lab Scheduler', code: 'LAB', size: 2, stack: 'linux', criticality: 4, department: 'R&D' },
];

/** An operating system as a CMDB shows it, with a relative weight within its family. */
export interface OsSpec {
  readonly os: string;
  readonly version: string;
  readonly weight: number;
}

export const WINDOWS: readonly OsSpec[] = [
  { os: 'Windows Server 2008 R2 Standard', version: '6.1.7601', weight: 2 },
  { os: 'Windows Server 2012 R2 Standard', version: '6.3.9600', weight: 4 },
  { os: 'Windows Server 2016 Standard', version: '10.0.14393', weight: 5 },
  { os: 'Windows Server 2019 Datacenter', version: '10.0.17763', weight: 5 },
  { os: 'Windows Server 2022 Standard', version: '10.0.20348', weight: 2 },
];
export const LINUX: readonly OsSpec[] = [
  { os: 'Red Hat Enterprise Linux Server 6', version: '6.10', weight: 1 },
  { os: 'Red Hat Enterprise Linux Server 7', version: '7.9', weight: 4 },
  { os: 'Red Hat Enterprise Linux 8', version: '8.6', weight: 4 },
  { os: 'Red Hat Enterprise Linux 9', version: '9.2', weight: 2 },
  { os: 'CentOS 6', version: '6.10', weight: 1 },
  { os: 'CentOS Linux 7', version: '7.9.2009', weight: 3 },
  { os: 'Ubuntu 16.04 LTS', version: '16.04', weight: 1 },
  { os: 'Ubuntu 20.04 LTS', version: '20.04', weight: 3 },
  { os: 'Ubuntu 22.04 LTS', version: '22.04', weight: 3 },
  { os: 'SUSE Linux Enterprise Server 12', version: '12 SP5', weight: 1 },
];
export const UNIX: readonly OsSpec[] = [
  { os: 'AIX', version: '7.1', weight: 3 },
  { os: 'Solaris', version: '10', weight: 2 },
  { os: 'Red Hat Enterprise Linux Server 7', version: '7.9', weight: 1 },
];

/** A database engine with the version spellings CMDBs really hold (marketing names and build numbers). */
export interface DbSpec {
  readonly engine: string;
  readonly versions: readonly string[];
  readonly port: number;
  readonly process: string;
  readonly application: string;
}

export const SQL_SERVER: DbSpec = {
  engine: 'Microsoft SQL Server',
  versions: ['2012', '11.0.7001.0', 'SQL Server 2016', '13.0.5026.0', '2019', '15.0.2000.5'],
  port: 1433,
  process: 'sqlservr.exe',
  application: 'Microsoft SQL Server',
};
export const ORACLE: DbSpec = {
  engine: 'Oracle',
  versions: ['11g', '11.2.0.4', '19c', '19.3.0.0'],
  port: 1521,
  process: 'tnslsnr',
  application: 'Oracle Database',
};
export const MYSQL: DbSpec = {
  engine: 'MySQL',
  versions: ['5.6.51', '5.6', '8.0.32', '8.0'],
  port: 3306,
  process: 'mysqld',
  application: 'MySQL Server',
};
export const POSTGRES: DbSpec = {
  engine: 'PostgreSQL',
  versions: ['9.6', '9.6.24', '14', '14.7'],
  port: 5432,
  process: 'postgres',
  application: 'PostgreSQL',
};

/** Servers every estate has that belong to no business application. */
export const INFRA_SERVERS: readonly { name: string; os: 'windows' | 'linux'; description: string }[] = [
  { name: 'DC01', os: 'windows', description: 'Domain controller, DNS' },
  { name: 'DC02', os: 'windows', description: 'Domain controller, DNS' },
  { name: 'ntp01', os: 'linux', description: 'NTP server' },
  { name: 'zabbix01', os: 'linux', description: 'Monitoring server' },
  { name: 'BACKUP01', os: 'windows', description: 'Veeam backup server' },
  { name: 'JUMP01', os: 'windows', description: 'Admin jump host' },
  { name: 'JUMP02', os: 'windows', description: 'Admin jump host' },
  { name: 'FILE01', os: 'windows', description: 'File server' },
  { name: 'FILE02', os: 'windows', description: 'File server' },
  { name: 'PRINT01', os: 'windows', description: 'Print server' },
  { name: 'SCCM01', os: 'windows', description: 'Configuration Manager' },
  { name: 'WSUS01', os: 'windows', description: 'Windows update server' },
  { name: 'mailrelay01', os: 'linux', description: 'SMTP relay' },
  { name: 'ansible01', os: 'linux', description: 'Automation controller' },
  { name: 'TESTBOX07', os: 'windows', description: 'Test box, owner unknown' },
  { name: 'oldweb99', os: 'linux', description: 'Old web server' },
  { name: 'SCRATCH02', os: 'windows', description: '' },
  { name: 'devtools01', os: 'linux', description: 'Build tools' },
];

export const PEOPLE = [
  'Alice Martin',
  'Bilal Khan',
  'Chen Wei',
  'Dana Novak',
  'Emeka Obi',
  'Fatima Zahra',
  'Gustav Berg',
  'Hana Sato',
  'Ivan Petrov',
  'Julia Costa',
];
export const LOCATIONS = ['London DC1', 'Frankfurt DC2', 'Dallas DC3'];
export const CRITICALITY = [
  '1 - most critical',
  '2 - somewhat critical',
  '3 - less critical',
  '4 - not critical',
];
export const ENV_SPELLINGS = {
  prod: ['Production', 'PRD', 'Prod', 'PROD', 'production'],
  test: ['Test', 'UAT', 'QA', 'TST'],
  dev: ['Development', 'Dev', 'DEV'],
} as const;
