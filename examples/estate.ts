/**
 * The example estate: servers of every application, infrastructure servers, devices, database instances
 * and decommissioned machines, and the CMDB rows (with realistic mess) that describe them.
 */
import {
  APPS,
  type AppSpec,
  CRITICALITY,
  type DbSpec,
  ENV_SPELLINGS,
  INFRA_SERVERS,
  LINUX,
  LOCATIONS,
  MYSQL,
  ORACLE,
  PEOPLE,
  POSTGRES,
  SQL_SERVER,
  UNIX,
  WINDOWS,
} from './catalog.ts';
import { chance, hex, int, pick, pickOs } from './random.ts';

export type Env = 'prod' | 'test' | 'dev';
type Role = 'web' | 'app' | 'db' | 'all' | 'infra' | 'device' | 'instance';

/** One machine of the estate. */
export interface Server {
  sysId: string;
  name: string;
  fqdn: string;
  ip: string;
  cls: string;
  os: string;
  osVersion: string;
  sockets: number | '';
  cores: number | '';
  speed: number | '';
  ramMb: number | '';
  diskGb: number | '';
  virtual: boolean;
  manufacturer: string;
  model: string;
  serial: string;
  env: Env;
  app: AppSpec | null;
  role: Role;
  status: string;
  location: string;
  db: DbSpec | null;
  dbVersion: string;
  cpuUtil: number | '';
  memUtil: number | '';
  description: string;
  windows: boolean;
}

const DOMAIN = 'corp.example.com';
/** Every machine, in CMDB order (duplicates are added to the rows only). */
export const servers: Server[] = [];

function newServer(partial: Partial<Server> & Pick<Server, 'name' | 'env' | 'app' | 'role' | 'ip'>): Server {
  const virtual = partial.virtual ?? chance(0.82);
  const physicalVendor = pick([
    ['Dell Inc.', 'PowerEdge R740'],
    ['HPE', 'ProLiant DL380 Gen10'],
    ['Dell Inc.', 'PowerEdge R630'],
  ]);
  const server: Server = {
    sysId: `${hex(8)}${hex(8)}${hex(8)}${hex(8)}`,
    fqdn: `${partial.name.toLowerCase()}.${DOMAIN}`,
    cls: 'cmdb_ci_server',
    os: '',
    osVersion: '',
    sockets: virtual ? 1 : pick([1, 2]),
    cores: pick([2, 2, 4, 4, 4, 8, 8, 16]),
    speed: pick([2100, 2400, 2600, 3000]),
    ramMb: pick([4096, 8192, 8192, 16384, 16384, 32768, 65536]),
    diskGb: pick([60, 80, 100, 150, 250, 500, 1000]),
    virtual,
    manufacturer: virtual ? 'VMware, Inc.' : (physicalVendor[0] as string),
    model: virtual ? 'VMware Virtual Platform' : (physicalVendor[1] as string),
    serial: virtual
      ? `VMware-42 ${hex(2)} ${hex(2)} ${hex(2)} ${hex(2)} ${hex(2)}-${hex(2)} ${hex(2)}`
      : hex(7).toUpperCase(),
    status: 'Installed',
    location: pick(LOCATIONS),
    db: null,
    dbVersion: '',
    cpuUtil: chance(0.12) ? int(1, 4) : int(8, 75),
    memUtil: chance(0.1) ? int(5, 15) : int(25, 90),
    description: '',
    windows: true,
    ...partial,
  };
  return server;
}

function applyOs(server: Server, family: 'windows' | 'linux' | 'unix'): void {
  const os = pickOs(family === 'windows' ? WINDOWS : family === 'linux' ? LINUX : UNIX);
  server.os = os.os;
  server.osVersion = os.version;
  server.windows = family === 'windows';
  server.cls =
    family === 'windows'
      ? 'cmdb_ci_win_server'
      : /AIX/.test(os.os)
        ? 'cmdb_ci_aix_server'
        : /Solaris/.test(os.os)
          ? 'cmdb_ci_solaris_server'
          : 'cmdb_ci_linux_server';
  if (family === 'unix' && !/Linux/.test(os.os)) {
    server.virtual = false;
    server.manufacturer = /AIX/.test(os.os) ? 'IBM' : 'Oracle';
    server.model = /AIX/.test(os.os) ? 'IBM Power System S822' : 'SPARC T4-1';
    server.serial = hex(7).toUpperCase();
  }
  if (!server.windows) server.name = server.name.toLowerCase();
  server.fqdn = `${server.name.toLowerCase()}.${DOMAIN}`;
}

function dbFor(stack: AppSpec['stack']): DbSpec {
  if (stack === 'windows') return SQL_SERVER;
  if (stack === 'java-oracle' || stack === 'unix') return ORACLE;
  if (stack === 'lamp') return MYSQL;
  return chance(0.5) ? POSTGRES : MYSQL;
}

function roles(size: number): Role[] {
  if (size === 1) return ['all'];
  if (size === 2) return ['app', 'db'];
  const web = Math.max(1, Math.round(size * 0.3));
  const db = Math.max(1, Math.round(size * 0.2));
  return [...Array(web).fill('web'), ...Array(size - web - db).fill('app'), ...Array(db).fill('db')];
}

const ENV_OCTET: Record<Env, number> = { prod: 10, test: 20, dev: 30 };

APPS.forEach((app, appIndex) => {
  const list = roles(app.size);
  const counters = new Map<string, number>();
  list.forEach((role, i) => {
    const env: Env = app.size >= 6 && i % 3 === 2 ? (i % 2 === 0 ? 'test' : 'dev') : 'prod';
    const key = `${role}${env}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const name = `${app.code}${role === 'all' ? 'SRV' : role.toUpperCase()}${env[0]?.toUpperCase()}${String(n).padStart(2, '0')}`;
    const server = newServer({ name, env, app, role, ip: `10.${ENV_OCTET[env]}.${appIndex + 10}.${10 + i}` });
    const family =
      app.stack === 'windows'
        ? 'windows'
        : app.stack === 'unix'
          ? role === 'web'
            ? 'linux'
            : 'unix'
          : 'linux';
    applyOs(server, role === 'db' && app.stack === 'java-oracle' && chance(0.3) ? 'unix' : family);
    if (role === 'db' || role === 'all') {
      server.db = dbFor(app.stack);
      if (server.windows) server.db = SQL_SERVER;
      server.dbVersion = pick(server.db.versions);
      server.ramMb = pick([32768, 65536, 131072]);
      server.diskGb = pick([500, 1000, 2000]);
    }
    server.description = `${role === 'all' ? 'Server' : `${role.toUpperCase()} tier`} for ${app.name}`;
    servers.push(server);
  });
});

INFRA_SERVERS.forEach((spec, i) => {
  const server = newServer({
    name: spec.name,
    env: 'prod',
    app: null,
    role: 'infra',
    ip: `10.1.0.${10 + i}`,
  });
  applyOs(server, spec.os);
  server.description = spec.description;
  servers.push(server);
});

const DEVICES: [string, string, string, string, string, string][] = [
  ['F5-LTM-01', 'cmdb_ci_lb_bigip', 'F5 Networks', 'BIG-IP i5800', 'TMOS', '15.1.8'],
  ['NETAPP-FAS01', 'cmdb_ci_storage_device', 'NetApp', 'FAS8200', 'ONTAP', '9.8'],
  ['CORE-SW-01', 'cmdb_ci_ip_switch', 'Cisco', 'Nexus 9300', 'NX-OS', '9.3(8)'],
  ['FW-EDGE-01', 'cmdb_ci_ip_firewall', 'Palo Alto Networks', 'PA-3220', 'PAN-OS', '10.1.6'],
];
DEVICES.forEach(([name, cls, manufacturer, model, os, osVersion], i) => {
  servers.push(
    newServer({
      ...{ name, cls, manufacturer, model, os, osVersion, virtual: false, serial: hex(10).toUpperCase() },
      ...{ env: 'prod', app: null, role: 'device', ip: `10.1.1.${10 + i}`, cpuUtil: '', memUtil: '' },
      ...{
        sockets: '',
        cores: '',
        speed: '',
        ramMb: '',
        diskGb: '',
        description: `${manufacturer} ${model}`,
      },
    }),
  );
});

for (const host of servers
  .filter((server) => server.db === SQL_SERVER && server.env === 'prod')
  .slice(0, 3)) {
  servers.push(
    newServer({
      ...{ name: `${host.name}\\MSSQLSERVER`, cls: 'cmdb_ci_db_mssql_instance', env: 'prod', app: host.app },
      ...{ role: 'instance', ip: host.ip, os: '', osVersion: '', db: SQL_SERVER, dbVersion: host.dbVersion },
      ...{
        sockets: '',
        cores: '',
        speed: '',
        ramMb: '',
        diskGb: '',
        serial: '',
        manufacturer: '',
        model: '',
      },
      ...{ fqdn: '', description: `SQL Server instance on ${host.name}`, cpuUtil: '', memUtil: '' },
    }),
  );
}

for (let i = 1; i <= 8; i += 1) {
  const app = i <= 3 ? null : pick(APPS);
  const server = newServer({
    name: `OLD${app?.code ?? 'SRV'}${String(i).padStart(2, '0')}`,
    env: 'prod',
    app,
    role: 'infra',
    ip: `10.2.0.${10 + i}`,
  });
  applyOs(server, chance(0.6) ? 'windows' : 'linux');
  if (i <= 4) {
    server.os = i % 2 === 0 ? 'Windows Server 2008 R2 Enterprise' : 'CentOS 6';
    server.osVersion = i % 2 === 0 ? '6.1.7601' : '6.10';
  }
  Object.assign(server, { status: 'Retired', cpuUtil: '', memUtil: '', description: 'Decommissioned' });
  servers.push(server);
}

/** A CMDB cell: placeholders and blanks as real exports have them, in a few percent of cells. */
function messy(
  value: string | number,
  placeholders: readonly string[] = ['N/A', '-', 'unknown', ''],
): string {
  return chance(0.04) ? pick(placeholders) : String(value);
}

/** ServiceNow-like column headers of the CMDB export. */
export const HEADERS = [
  'sys_id',
  'name',
  'fqdn',
  'ip_address',
  'sys_class_name',
  'os',
  'os_version',
  'cpu_count',
  'cpu_core_count',
  'cpu_speed',
  'ram (MB)',
  'disk_space (GB)',
  'virtual',
  'manufacturer',
  'model_id',
  'serial_number',
  'environment',
  'u_application',
  'owned_by',
  'support_group',
  'install_status',
  'location',
  'cost_center',
  'business_criticality',
  'u_database_engine',
  'u_database_version',
  'u_cpu_utilization',
  'u_memory_utilization',
  'short_description',
];

function cmdbRow(server: Server): (string | number)[] {
  const app = server.app;
  const group = server.db ? 'DBA Team' : server.windows ? 'Windows Server Team' : 'Linux Ops';
  return [
    server.sysId,
    server.name,
    server.fqdn === '' ? '' : chance(0.15) ? '' : server.fqdn,
    server.ip,
    server.cls,
    server.os,
    server.os === '' ? '' : messy(server.osVersion, ['unknown', '']),
    server.sockets,
    server.cores,
    server.speed,
    server.ramMb,
    server.diskGb,
    server.role === 'device' || server.role === 'instance' ? '' : String(server.virtual),
    server.manufacturer,
    messy(server.model, ['', '-']),
    chance(0.03) ? pick(['N/A', 'To be filled by O.E.M.', '0000000000']) : server.serial,
    messy(pick(ENV_SPELLINGS[server.env])),
    app?.name ?? '',
    messy(pick(PEOPLE)),
    app ? `App Support - ${app.department}` : group,
    server.status,
    messy(server.location),
    messy(app ? `CC-${1000 + APPS.indexOf(app) * 10}` : 'CC-0900', ['unknown', '']),
    CRITICALITY[(app?.criticality ?? 3) - 1] ?? '',
    server.db?.engine ?? '',
    server.dbVersion,
    server.cpuUtil,
    server.memUtil,
    server.description,
  ];
}

export function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
export const csvLine = (cells: readonly (string | number)[]): string => cells.map(csvCell).join(',');

/** CMDB rows in file order. */
export const cmdbLines = servers.map(cmdbRow);
/** Duplicates as CMDBs have them: another record of one host, by FQDN or in other case, partly filled. */
for (const server of servers
  .filter((s) => s.role === 'web' || s.role === 'app')
  .filter((_, i) => i % 37 === 5)) {
  const copy = cmdbRow({ ...server, sysId: `${hex(8)}${hex(8)}${hex(8)}${hex(8)}` });
  copy[1] = chance(0.5)
    ? server.fqdn
    : server.name.toLowerCase() === server.name
      ? server.name.toUpperCase()
      : server.name.toLowerCase();
  copy[10] = '';
  copy[26] = '';
  cmdbLines.splice(int(0, cmdbLines.length), 0, copy);
}
