/**
 * The example connection log, in the column layout of an Azure Migrate dependency export: one row per
 * (time slot, source, destination, port). Tiers talk within each application and environment (web -> app
 * -> database), a few applications call each other, some endpoints are outside the estate, and every
 * server produces infrastructure noise (DNS, Kerberos, LDAP, NTP, monitoring, backup, administration).
 */
import { APPS } from './catalog.ts';
import type { Server } from './estate.ts';
import { chance, int, pick } from './random.ts';

/** Headers of the Azure Migrate dependency export. */
export const CONNECTION_HEADERS = [
  'Time slot',
  'Source server name',
  'Source IP',
  'Source application',
  'Source process',
  'Destination server name',
  'Destination IP',
  'Destination application',
  'Destination process',
  'Destination port',
];

/** A listening service: what a connection's destination side shows. */
interface Service {
  readonly application: string;
  readonly process: string;
  readonly port: number;
}

/** A machine or outside endpoint as a connection row names it. */
interface Endpoint {
  readonly name: string;
  readonly ip: string;
  readonly application: string;
  readonly process: string;
}

function serviceOf(server: Server): Service {
  if (server.role === 'db' || (server.role === 'all' && server.db)) {
    const db = server.db;
    if (db) return { application: db.application, process: db.process, port: db.port };
  }
  if (server.role === 'web') {
    return server.windows
      ? { application: 'Internet Information Services', process: 'w3wp.exe', port: 443 }
      : pick([
          { application: 'nginx', process: 'nginx', port: 443 },
          { application: 'Apache HTTP Server', process: 'httpd', port: 80 },
        ]);
  }
  if (server.windows) return { application: '.NET application', process: 'dotnet.exe', port: 8443 };
  if (server.app?.stack === 'unix') return { application: 'IBM WebSphere', process: 'java', port: 9080 };
  return { application: 'Apache Tomcat', process: 'java', port: 8080 };
}

function clientOf(server: Server): Endpoint {
  const service = serviceOf(server);
  const name = chance(0.1) ? server.fqdn || server.name : server.name;
  return { name, ip: server.ip, application: service.application, process: service.process };
}

const rows: (string | number)[][] = [];

/** Adds `slots` hourly rows of a connection (distinct random hours of one week in November 2026). */
function connect(from: Endpoint, to: Endpoint & { port: number }, slots: number): void {
  const used = new Set<string>();
  for (let i = 0; i < slots; i += 1) {
    const hour = int(0, 23);
    const slot = `2026-11-0${int(2, 8)} ${String(hour).padStart(2, '0')}:00-${String(hour + 1).padStart(2, '0')}:00`;
    if (used.has(slot)) continue;
    used.add(slot);
    const destinationName = chance(0.05) ? '' : to.name;
    rows.push([
      slot,
      from.name,
      from.ip,
      from.application,
      from.process,
      destinationName,
      to.ip,
      to.application,
      to.process,
      to.port,
    ]);
  }
}

function target(server: Server): Endpoint & { port: number } {
  const service = serviceOf(server);
  return {
    name: server.name,
    ip: server.ip,
    application: service.application,
    process: service.process,
    port: service.port,
  };
}

const byName = (servers: readonly Server[], name: string): Server | undefined =>
  servers.find((s) => s.name === name);

function tierLinks(servers: readonly Server[]): void {
  for (const app of APPS) {
    for (const env of ['prod', 'test', 'dev'] as const) {
      const members = servers.filter((s) => s.app === app && s.env === env && s.status === 'Installed');
      const web = members.filter((s) => s.role === 'web');
      const mid = members.filter((s) => s.role === 'app');
      const db = members.filter((s) => s.role === 'db');
      for (const source of web)
        for (const dest of mid.length <= 2 ? mid : [pick(mid), pick(mid)])
          connect(clientOf(source), target(dest), int(3, 10));
      for (const source of mid)
        for (const dest of db.length <= 1 ? db : [pick(db)])
          connect(clientOf(source), target(dest), int(3, 12));
    }
  }
}

/** Application-to-application calls (production), including two call-backs that form cycles. */
const CROSS_LINKS: readonly [string, 'app' | 'db', string, 'app' | 'db'][] = [
  ['ORD', 'app', 'GLD', 'app'],
  ['SHP', 'app', 'ORD', 'app'],
  ['CPO', 'app', 'CRM', 'app'],
  ['SHP', 'app', 'SSO', 'app'],
  ['CPO', 'app', 'SSO', 'app'],
  ['HRS', 'app', 'SSO', 'app'],
  ['MAG', 'app', 'SHP', 'app'],
  ['MAG', 'app', 'CPO', 'app'],
  ['BIL', 'app', 'ESB', 'app'],
  ['ESB', 'app', 'BIL', 'app'],
  ['ESB', 'app', 'ORD', 'app'],
  ['WMS', 'app', 'ESB', 'app'],
  ['DWH', 'app', 'ORD', 'db'],
  ['DWH', 'app', 'CRM', 'db'],
  ['DWH', 'app', 'BIL', 'db'],
  ['BID', 'app', 'DWH', 'db'],
  ['POL', 'app', 'CLM', 'app'],
  ['CLM', 'app', 'POL', 'app'],
  ['TIM', 'app', 'HRS', 'db'],
];

function crossLinks(servers: readonly Server[]): void {
  const first = (code: string, role: string): Server | undefined =>
    servers.find((s) => s.app?.code === code && s.env === 'prod' && (s.role === role || s.role === 'all'));
  for (const [fromCode, fromRole, toCode, toRole] of CROSS_LINKS) {
    const source = first(fromCode, fromRole);
    const dest = first(toCode, toRole);
    if (source && dest) connect(clientOf(source), target(dest), int(2, 8));
  }
}

/** Endpoints outside the estate: partners and SaaS by name and IP, internet and office clients by IP only. */
function externalLinks(servers: readonly Server[]): void {
  const first = (code: string, role: string): Server | undefined =>
    servers.find((s) => s.app?.code === code && s.env === 'prod' && s.role === role);
  const outbound: [string, string, string, number][] = [
    ['PAY', 'bank-sftp.partner.example.net', '203.0.113.25', 443],
    ['SHP', 'payments.psp.example.net', '203.0.113.80', 443],
    ['FLT', '', '203.0.113.140', 8883],
    ['SUP', 'edi.supplier.example.org', '203.0.113.160', 443],
  ];
  for (const [code, name, ip, port] of outbound) {
    const source = first(code, 'app') ?? first(code, 'web');
    if (source) connect(clientOf(source), { name, ip, application: '', process: '', port }, int(3, 9));
  }
  const inbound: [string, string][] = [
    ['SHP', '198.51.100.23'],
    ['CPO', '198.51.100.57'],
    ['MAG', '198.51.100.91'],
    ['INT', '10.200.14.31'],
    ['HRS', '10.200.22.104'],
  ];
  for (const [code, ip] of inbound) {
    const dest = first(code, 'web');
    if (dest) connect({ name: '', ip, application: '', process: '' }, target(dest), int(4, 10));
  }
}

function infrastructureNoise(servers: readonly Server[]): void {
  const infra = (name: string): Server => byName(servers, name) as Server;
  const dcs = [infra('DC01'), infra('DC02')];
  const ntp = infra('ntp01');
  const zabbix = infra('zabbix01');
  const backup = infra('BACKUP01');
  const jump = infra('JUMP01');
  const mail = infra('mailrelay01');
  const active = servers.filter(
    (s) => s.status === 'Installed' && (s.os !== '' || s.role === 'all') && s.role !== 'device',
  );
  for (const server of active) {
    const dc = pick(dcs);
    const self = clientOf(server);
    if (dc !== server) {
      connect(
        self,
        { name: dc.name, ip: dc.ip, application: 'Windows DNS Server', process: 'dns.exe', port: 53 },
        int(1, 3),
      );
      if (server.windows)
        connect(
          self,
          {
            name: dc.name,
            ip: dc.ip,
            application: 'Active Directory',
            process: 'lsass.exe',
            port: pick([88, 389]),
          },
          int(1, 2),
        );
    }
    if (server !== ntp)
      connect(self, { name: ntp.name, ip: ntp.ip, application: 'chrony', process: 'chronyd', port: 123 }, 1);
    if (server !== zabbix) {
      const monitor = {
        name: zabbix.name,
        ip: zabbix.ip,
        application: 'Zabbix Server',
        process: 'zabbix_server',
      };
      connect(
        monitor,
        {
          name: server.name,
          ip: server.ip,
          application: 'Zabbix Agent',
          process: 'zabbix_agentd',
          port: 10050,
        },
        1,
      );
    }
    if (chance(0.4) && server !== backup) {
      const agent = server.windows
        ? { application: 'Veeam Guest Interaction Proxy', process: 'VeeamGuestHelper.exe', port: 6160 }
        : { application: 'OpenSSH', process: 'sshd', port: 22 };
      connect(
        {
          name: backup.name,
          ip: backup.ip,
          application: 'Veeam Backup',
          process: 'Veeam.Backup.Manager.exe',
        },
        { name: server.name, ip: server.ip, ...agent },
        1,
      );
    }
    if (server.windows && chance(0.15) && server !== jump) {
      connect(
        { name: jump.name, ip: jump.ip, application: 'Remote Desktop', process: 'mstsc.exe' },
        {
          name: server.name,
          ip: server.ip,
          application: 'Remote Desktop Services',
          process: 'svchost.exe',
          port: 3389,
        },
        1,
      );
    }
    if (server.role === 'app' && server.env === 'prod' && chance(0.3)) {
      connect(
        self,
        { name: mail.name, ip: mail.ip, application: 'Postfix', process: 'master', port: 25 },
        int(1, 4),
      );
    }
  }
}

/** All connection rows for the estate, sorted by time slot like an export. */
export function connectionRows(servers: readonly Server[]): (string | number)[][] {
  rows.length = 0;
  tierLinks(servers);
  crossLinks(servers);
  externalLinks(servers);
  infrastructureNoise(servers);
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) =>
      String(a.row[0]) < String(b.row[0]) ? -1 : String(a.row[0]) > String(b.row[0]) ? 1 : a.i - b.i,
    )
    .map(({ row }) => row);
}
