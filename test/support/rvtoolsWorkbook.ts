/**
 * A deterministic RVTools workbook generator for scale and correctness tests: N VMs over two vCenters
 * (merged export), written with the real RVTools 4.x (or 3.x) sheet and column headers, with the awkward
 * things real exports carry, and the ground truth a test compares every imported VM against.
 *
 * Header lists come from the mapping-evaluation fixtures (real RVTools header sets), so the workbook has
 * exactly the columns a consultant's export has.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { seededRandom } from './seededRandom.ts';

/** Which RVTools generation's headers to write: 4.x (MiB, IPv4/IPv6 columns) or 3.x (MB, one IP column). */
export type RvtoolsFormat = '4.x' | '3.x';

export interface RvtoolsWorkbookOptions {
  /** VMs in vInfo (templates included). Default 5,000. */
  readonly vms?: number;
  readonly format?: RvtoolsFormat;
  readonly seed?: number;
}

/** What a correct import must make of one VM. */
export interface ExpectedVm {
  readonly name: string;
  readonly uuid: string;
  /** The guest's BIOS serial ("VMware-42 ..."), from the SMBIOS UUID 4.x exports carry; null in 3.x. */
  readonly serialNumber: string | null;
  readonly vCenter: string;
  readonly datacenter: string;
  /** Blank for VMs on standalone hosts. */
  readonly cluster: string | null;
  /** The host exactly as vInfo names it (an FQDN). */
  readonly host: string;
  /** The ESX version of that host on vHost (named there by short name or FQDN). */
  readonly esxVersion: string;
  readonly powerState: 'poweredOn' | 'poweredOff' | 'suspended';
  readonly isTemplate: boolean;
  readonly dnsName: string | null;
  readonly cpuCores: number;
  readonly memoryGb: number;
  /** Allocated storage: 4.x "Total disk capacity MiB", 3.x "Provisioned MB", in GB. */
  readonly storageGb: number;
  /** "OS according to the configuration file". */
  readonly operatingSystem: string;
  /** Every IPv4 and routable IPv6 of every NIC (link-local addresses excluded), first NIC first. */
  readonly ipAddresses: readonly string[];
  /** Non-blank custom attribute values by column header. */
  readonly customAttributes: Readonly<Record<string, string>>;
  readonly annotation: string;
}

/** The workbook's ground truth. */
export interface RvtoolsGroundTruth {
  readonly format: RvtoolsFormat;
  readonly vms: readonly ExpectedVm[];
  readonly sheets: readonly string[];
  readonly customAttributeHeaders: readonly string[];
}

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'mapping-eval');

function fixtureHeaders(file: string): string[] {
  const parsed = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { columns: { header: string }[] };
  return parsed.columns.map((c) => c.header);
}

const VSOURCE_HEADERS = [
  'Name',
  'OS type',
  'API type',
  'API version',
  'Version',
  'Patch level',
  'Build',
  'Fullname',
  'Product name',
  'Product version',
  'Product line',
  'Vendor',
  'VI SDK Server',
  'VI SDK UUID',
];

/** Custom attribute columns (vCenter custom fields): none has a canonical meaning. */
const CUSTOM_HEADERS = ['com.vrlcm.snapshot', 'XdConfig', 'Veeam Job Name'];

/** 3.x wrote MB/KB where 4.x writes MiB/KiB, and one "IP Address" column on vNetwork. */
function as3x(header: string): string {
  if (header === 'IPv4 Address') return 'IP Address';
  return header.replace(/\bMiB\b/, 'MB').replace(/\bKiB\b/, 'KB');
}

/** A sheet: its headers and a record per row keyed by 4.x header (a missing key is an empty cell). */
interface SheetPlan {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (Record<string, unknown> | null)[];
}

interface Host {
  readonly fqdn: string;
  /** How vHost names it. */
  readonly vHostName: string;
  readonly vCenter: VCenter;
  readonly datacenter: string;
  readonly cluster: string | null;
  readonly esxVersion: string;
  readonly vendor: string;
  readonly model: string;
  readonly index: number;
}

interface VCenter {
  readonly server: string;
  readonly uuid: string;
  readonly version: string;
}

const VCENTERS: readonly VCenter[] = [
  { server: 'vcenter01.east.corp.example', uuid: '8e3f4b2a-1c2d-4e5f-a6b7-c8d9e0f1a2b3', version: '7.0.3' },
  { server: 'vcenter02.west.corp.example', uuid: '1b7c9d2e-3f40-4a51-8b62-7c83d94ea5f6', version: '8.0.2' },
];

/** Clusters: east hosts appear in vHost by short name, west ones by FQDN; lab hosts by a label without the site prefix. */
const CLUSTERS = [
  {
    vc: 0,
    dc: 'DC-East',
    cluster: 'CL-EAST-PROD',
    hosts: 10,
    prefix: 'esx',
    domain: 'east.corp.example',
    style: 'short',
    esx: 'VMware ESXi 7.0.3 build-21424296',
    weight: 0.38,
  },
  {
    vc: 0,
    dc: 'DC-East',
    cluster: 'CL-EAST-DEV',
    hosts: 4,
    prefix: 'esxdev',
    domain: 'east.corp.example',
    style: 'short',
    esx: 'VMware ESXi 6.7.0 build-17700523',
    weight: 0.14,
  },
  {
    vc: 0,
    dc: 'DC-Lab',
    cluster: null,
    hosts: 2,
    prefix: 'lab-esxi-',
    domain: 'lab.corp.example',
    style: 'unprefixed',
    esx: 'VMware ESXi 6.5.0 build-13932383',
    weight: 0.04,
  },
  {
    vc: 1,
    dc: 'DC-West',
    cluster: 'CL-WEST-PROD',
    hosts: 10,
    prefix: 'esx',
    domain: 'west.corp.example',
    style: 'fqdn',
    esx: 'VMware ESXi 8.0.2 build-22380479',
    weight: 0.34,
  },
  {
    vc: 1,
    dc: 'DC-West',
    cluster: 'CL-WEST-DR',
    hosts: 4,
    prefix: 'esxdr',
    domain: 'west.corp.example',
    style: 'fqdn',
    esx: 'VMware ESXi 7.0.3 build-21424296',
    weight: 0.1,
  },
] as const;

const OSES = [
  ['Microsoft Windows Server 2019 (64-bit)', 'Microsoft Windows Server 2019 Standard'],
  ['Microsoft Windows Server 2016 or later (64-bit)', 'Microsoft Windows Server 2016 Datacenter'],
  ['Microsoft Windows Server 2012 (64-bit)', 'Microsoft Windows Server 2012 R2 Standard'],
  ['Microsoft Windows Server 2008 R2 (64-bit)', 'Microsoft Windows Server 2008 R2 (64-bit)'],
  ['Red Hat Enterprise Linux 8 (64-bit)', 'Red Hat Enterprise Linux 8.6 (Ootpa)'],
  ['Red Hat Enterprise Linux 7 (64-bit)', 'Red Hat Enterprise Linux Server 7.9 (Maipo)'],
  ['CentOS 7 (64-bit)', 'CentOS Linux 7 (Core)'],
  ['Ubuntu Linux (64-bit)', 'Ubuntu 20.04.6 LTS'],
  ['SUSE Linux Enterprise 15 (64-bit)', 'SUSE Linux Enterprise Server 15 SP4'],
  ['Other 3.x or later Linux (64-bit)', ''],
] as const;

const ROLES = ['web', 'app', 'db', 'sql', 'file', 'dc', 'print', 'jump', 'mq', 'cache', 'etl', 'ftp'];
const ANNOTATIONS = [
  'Owner: finance team, cost centre 4411',
  'Migrated from old DC\nDo not power off during month-end',
  'Vendor said "do not patch", see ticket CHG0012345',
  '  leading and trailing spaces  ',
  'Multi-line, with commas, "quotes"\nand a second line',
];

/** The cluster a uniform draw in [0, 1) falls into, by the clusters' weights. */
function weighted(draw: number): (typeof CLUSTERS)[number] {
  let rest = draw;
  for (const cluster of CLUSTERS) {
    rest -= cluster.weight;
    if (rest < 0) return cluster;
  }
  return CLUSTERS[0];
}

function hosts(): Host[] {
  const out: Host[] = [];
  for (const c of CLUSTERS) {
    for (let n = 1; n <= c.hosts; n++) {
      const label = `${c.prefix}${String(n).padStart(2, '0')}`;
      const fqdn = `${label}.${c.domain}`;
      const vHostName = c.style === 'short' ? label : c.style === 'fqdn' ? fqdn : label.replace(/^lab-/, '');
      out.push({
        fqdn,
        vHostName,
        vCenter: VCENTERS[c.vc] as VCenter,
        datacenter: c.dc,
        cluster: c.cluster,
        esxVersion: c.esx,
        vendor: n % 2 ? 'Dell Inc.' : 'HPE',
        model: n % 2 ? 'PowerEdge R740' : 'ProLiant DL380 Gen10',
        index: out.length,
      });
    }
  }
  return out;
}

interface Vm extends ExpectedVm {
  readonly biosUuid: string;
  readonly host0: Host;
  readonly vmId: string;
  readonly disksMiB: readonly number[];
  readonly provisionedMiB: number;
  readonly nics: readonly {
    readonly v4: readonly string[];
    readonly v6: readonly string[];
    readonly mac: string;
  }[];
  readonly osTools: string;
  readonly custom: Record<string, string>;
}

/** Plans the VMs: deterministic for a seed, so the ground truth is the same on every run. */
function planVms(count: number, format: RvtoolsFormat, rnd: () => number, allHosts: Host[]): Vm[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
  // Morefs count per vCenter, so "vm-1021" exists in both: a VM ID is no identity across vCenters.
  const vmIdCounters = VCENTERS.map(() => 1000);
  const vms: Vm[] = [];
  let ipCounter = 0;
  // Sites run isolated networks with overlapping ranges: a few west VMs reuse an address an east VM has.
  const eastIps: string[] = [];
  const nextIp = (vc: VCenter) => {
    if (vc !== VCENTERS[0] && eastIps.length > 100 && rnd() < 0.02) return pick(eastIps);
    ipCounter++;
    const ip = `10.${16 + Math.floor(ipCounter / 65_000)}.${Math.floor(ipCounter / 250) % 256}.${(ipCounter % 250) + 2}`;
    if (vc === VCENTERS[0]) eastIps.push(ip);
    return ip;
  };
  for (let i = 0; i < count; i++) {
    const spec = weighted(rnd());
    const clusterHosts = allHosts.filter((h) => h.datacenter === spec.dc && h.cluster === spec.cluster);
    const host = pick(clusterHosts);
    const vc = host.vCenter;
    // About 3% of VMs repeat an earlier VM's name in another vCenter (DR copies, restored clones): distinct UUIDs.
    const twin =
      i > 50 && rnd() < 0.03
        ? vms.find((v, k) => k >= i - 60 && v.vCenter !== vc.server && !v.name.includes(' '))
        : undefined;
    const own = `${spec.dc.slice(3, 4).toLowerCase()}${pick(ROLES)}-${String(i).padStart(5, '0')}`;
    // Display names are no host names: some are "Copy of x" or "x (old)", kept powered off.
    const copyOf = !twin && i > 10 && rnd() < 0.015 ? vms[vms.length - 1 - (i % 10)] : undefined;
    const copyName = copyOf && (i % 2 ? `Copy of ${copyOf.name}` : `${copyOf.name} (old)`);
    const name = twin?.name ?? copyName ?? own;
    const isTemplate = !twin && !copyOf && rnd() < 0.02;
    const pr = rnd();
    const powerState =
      isTemplate || copyOf || pr < 0.12 ? 'poweredOff' : pr < 0.14 ? 'suspended' : 'poweredOn';
    const on = powerState === 'poweredOn';
    const [osConfig, osTools] = pick(OSES);
    const nicCount = isTemplate ? 1 : Math.floor(rnd() * 5);
    const nics = Array.from({ length: nicCount }, (_, n) => {
      const v4 = on ? (rnd() < 0.15 ? [nextIp(vc), nextIp(vc), nextIp(vc)] : [nextIp(vc)]) : [];
      const mac = `00:50:56:${hex(2)}:${hex(2)}:${hex(2)}`;
      const v6 = on && n === 0 ? [`fe80::250:56ff:fe${hex(2)}:${hex(4)}`] : [];
      if (on && rnd() < 0.1) v6.push(`2001:db8:${(i % 0xffff).toString(16)}::${(n + 1).toString(16)}`);
      return { v4, v6, mac };
    });
    const disksMiB = Array.from(
      { length: 1 + Math.floor(rnd() * 4) },
      () => pick([40, 60, 80, 100, 250, 500]) * 1024 + pick([0, 0, 512]),
    );
    const totalDisk = disksMiB.reduce((a, b) => a + b, 0);
    const memoryMiB = pick([1024, 2048, 3072, 4096, 6144, 8192, 12288, 16384, 32768, 65536]);
    const provisionedMiB = totalDisk + (on ? memoryMiB : 0) + 37;
    const custom: Record<string, string> = {};
    if (rnd() < 0.3) custom['com.vrlcm.snapshot'] = `snap-${i}`;
    if (rnd() < 0.2) custom.XdConfig = `XenDesktop, pool=${pick(['A', 'B'])}`;
    if (rnd() < 0.5) custom['Veeam Job Name'] = `Backup ${spec.dc} ${pick(['Gold', 'Silver'])}`;
    const vcIndex = VCENTERS.indexOf(vc);
    const vmId = (vmIdCounters[vcIndex] ?? 0) + 1;
    vmIdCounters[vcIndex] = vmId;
    const biosUuid = `42${hex(6)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
    const bytes = biosUuid.replace(/-/g, '').match(/../g) ?? [];
    vms.push({
      name,
      uuid: `50${hex(6)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
      biosUuid,
      serialNumber:
        format === '4.x' ? `VMware-${bytes.slice(0, 8).join(' ')}-${bytes.slice(8).join(' ')}` : null,
      vmId: `vm-${vmId}`,
      vCenter: vc.server,
      datacenter: spec.dc,
      cluster: spec.cluster,
      host: host.fqdn,
      host0: host,
      esxVersion: host.esxVersion,
      powerState,
      isTemplate,
      dnsName: on ? `${name}.${spec.domain}` : null,
      cpuCores: pick([1, 2, 2, 4, 4, 8, 16]),
      memoryGb: memoryMiB / 1024,
      storageGb: (format === '4.x' ? totalDisk : provisionedMiB) / 1024,
      operatingSystem: osConfig,
      osTools: on ? osTools : '',
      ipAddresses: nics.flatMap((n) => [...n.v4, ...n.v6.filter((ip) => !ip.startsWith('fe80'))]),
      nics,
      disksMiB,
      provisionedMiB,
      custom,
      customAttributes: custom,
      annotation: rnd() < 0.3 ? pick(ANNOTATIONS) : '',
    });
  }
  return vms.sort((a, b) => a.name.localeCompare(b.name));
}

/** Columns every per-VM sheet repeats after its own ones. */
function vmContext(vm: Vm): Record<string, unknown> {
  const vc = VCENTERS.find((v) => v.server === vm.vCenter) as VCenter;
  return {
    VM: vm.name,
    Powerstate: vm.powerState,
    Template: vm.isTemplate ? 'True' : 'False',
    'SRM Placeholder': 'False',
    Annotation: vm.annotation,
    ...vm.custom,
    Datacenter: vm.datacenter,
    Cluster: vm.cluster ?? '',
    Host: vm.host,
    Folder: vm.isTemplate ? '/Templates' : `/${vm.datacenter}/Servers`,
    'OS according to the configuration file': vm.operatingSystem,
    'OS according to the VMware Tools': vm.osTools,
    'VM ID': vm.vmId,
    VMRef: vm.vmId,
    'VM UUID': vm.uuid,
    'VI SDK Server': vc.server,
    'VI SDK UUID': vc.uuid,
  };
}

function vInfoRow(vm: Vm): Record<string, unknown> {
  const on = vm.powerState === 'poweredOn';
  const total = vm.disksMiB.reduce((a, b) => a + b, 0);
  return {
    ...vmContext(vm),
    'Config status': 'green',
    'DNS Name': vm.dnsName ?? '',
    'Connection state': 'connected',
    'Guest state': on ? 'running' : 'notRunning',
    Heartbeat: on ? 'green' : 'gray',
    'Consolidation Needed': 'False',
    PowerOn: on ? '2026/10/01 02:13:00' : '',
    CPUs: vm.cpuCores,
    Memory: vm.memoryGb * 1024,
    NICs: vm.nics.length,
    Disks: vm.disksMiB.length,
    'Total disk capacity MiB': total,
    'Primary IP Address': vm.nics.find((n) => n.v4.length > 0)?.v4[0] ?? '',
    'Network #1': vm.nics.length > 0 ? 'VLAN-120-Prod' : '',
    'Network #2': vm.nics.length > 1 ? 'VLAN-140-Mgmt' : '',
    'Provisioned MiB': vm.provisionedMiB,
    'In Use MiB': Math.round(vm.provisionedMiB * 0.6),
    'Unshared MiB': Math.round(vm.provisionedMiB * 0.55),
    Firmware: vm.name.charCodeAt(1) % 2 ? 'efi' : 'bios',
    'HW version': 'vmx-15',
    Path: `[DS-${vm.datacenter}-01] ${vm.name}/${vm.name}.vmx`,
    'SMBIOS UUID': vm.biosUuid,
    'VI SDK Server type': 'VMware vCenter Server',
    'VI SDK API Version': '7.0.3',
  };
}

function perVmSheets(vms: readonly Vm[]): Record<string, Record<string, unknown>[]> {
  const vCPU: Record<string, unknown>[] = [];
  const vMemory: Record<string, unknown>[] = [];
  const vDisk: Record<string, unknown>[] = [];
  const vPartition: Record<string, unknown>[] = [];
  const vNetwork: Record<string, unknown>[] = [];
  const vSnapshot: Record<string, unknown>[] = [];
  const vTools: Record<string, unknown>[] = [];
  vms.forEach((vm, i) => {
    const ctx = vmContext(vm);
    vCPU.push({
      ...ctx,
      CPUs: vm.cpuCores,
      Sockets: vm.cpuCores > 4 ? 2 : 1,
      'Cores p/s': vm.cpuCores > 4 ? vm.cpuCores / 2 : vm.cpuCores,
    });
    vMemory.push({ ...ctx, 'Size MiB': vm.memoryGb * 1024, Max: vm.memoryGb * 1024 });
    vm.disksMiB.forEach((mib, d) => {
      vDisk.push({
        ...ctx,
        Disk: `Hard disk ${d + 1}`,
        'Disk Key': 2000 + d,
        'Capacity MiB': mib,
        Thin: 'True',
      });
      if (vm.powerState === 'poweredOn') {
        vPartition.push({
          ...ctx,
          Disk: d === 0 ? 'C:\\' : `${String.fromCharCode(68 + d - 1)}:\\`,
          'Disk Key': 2000 + d,
          'Capacity MiB': mib - 100,
          'Consumed MiB': Math.round(mib / 3),
        });
      }
    });
    vm.nics.forEach((nic, n) => {
      vNetwork.push({
        ...ctx,
        'NIC label': `Network adapter ${n + 1}`,
        Adapter: 'Vmxnet3',
        Network: n === 0 ? 'VLAN-120-Prod' : 'VLAN-140-Mgmt',
        Connected: vm.powerState === 'poweredOn',
        'Mac Address': nic.mac,
        Type: 'assigned',
        'IPv4 Address': nic.v4.join(', '),
        'IPv6 Address': nic.v6.join(', '),
      });
    });
    if (i % 7 === 0)
      vSnapshot.push({ ...ctx, Name: 'before-patch', 'Size MiB (total)': 2048, State: vm.powerState });
    vTools.push({
      ...ctx,
      Tools: vm.powerState === 'poweredOn' ? 'toolsOk' : 'toolsNotRunning',
      'Tools Version': 12352,
    });
  });
  return { vCPU, vMemory, vDisk, vPartition, vNetwork, vSnapshot, vTools };
}

function hostRow(h: Host): Record<string, unknown> {
  return {
    Host: h.vHostName,
    Datacenter: h.datacenter,
    Cluster: h.cluster ?? '',
    'Config status': 'green',
    'CPU Model': 'Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz',
    Speed: 2394,
    '# CPU': 2,
    'Cores per CPU': 20,
    '# Cores': 40,
    '# Memory': 524155,
    'ESX Version': h.esxVersion,
    Vendor: h.vendor,
    Model: h.model,
    'Serial number': `SN${String(h.index).padStart(8, '0')}`,
    'Service tag': `ST${String(h.index).padStart(6, '0')}`,
    UUID: `4c4c4544-0047-3010-8031-${String(h.index).padStart(12, '0')}`,
    'Object ID': `host-${100 + h.index}`,
    'VI SDK Server': h.vCenter.server,
    'VI SDK UUID': h.vCenter.uuid,
  };
}

/** Everything the workbook holds, sheet by sheet, plus its ground truth. */
export function planRvtoolsWorkbook(options: RvtoolsWorkbookOptions = {}): {
  sheets: SheetPlan[];
  truth: RvtoolsGroundTruth;
} {
  const format = options.format ?? '4.x';
  const rnd = seededRandom(options.seed ?? 20_261_126);
  const allHosts = hosts();
  const vms = planVms(options.vms ?? 5_000, format, rnd, allHosts);
  const x3 = format === '3.x';
  const withCustom = (headers: string[]) => {
    const at =
      headers.indexOf('Last backup') >= 0 ? headers.indexOf('Last backup') : headers.indexOf('Annotation');
    return [...headers.slice(0, at + 1), ...CUSTOM_HEADERS, ...headers.slice(at + 1)];
  };
  const vInfoRows: (Record<string, unknown> | null)[] = vms.map(vInfoRow);
  // Real exports carry blank rows (filtered-out or deleted VMs): between VMs and after the last.
  for (let k = 1; k <= 5; k++) vInfoRows.splice(Math.floor((vInfoRows.length * k) / 6), 0, null);
  vInfoRows.push(null, null);
  const perVm = perVmSheets(vms);
  const sheets: SheetPlan[] = [
    {
      name: 'vInfo',
      headers: withCustom(fixtureHeaders(x3 ? 'rvtools-vinfo-3x.json' : 'rvtools-vinfo-4x.json')),
      rows: vInfoRows,
    },
    { name: 'vCPU', headers: withCustom(fixtureHeaders('rvtools-vcpu.json')), rows: perVm.vCPU ?? [] },
    {
      name: 'vMemory',
      headers: withCustom(fixtureHeaders('holdout/rvtools-vmemory.json')),
      rows: perVm.vMemory ?? [],
    },
    { name: 'vDisk', headers: fixtureHeaders('holdout4/rvtools-vdisk.json'), rows: perVm.vDisk ?? [] },
    {
      name: 'vPartition',
      headers: withCustom(fixtureHeaders('rvtools-vpartition.json')),
      rows: perVm.vPartition ?? [],
    },
    {
      name: 'vNetwork',
      headers: withCustom(fixtureHeaders('rvtools-vnetwork.json')),
      rows: perVm.vNetwork ?? [],
    },
    {
      name: 'vSnapshot',
      headers: fixtureHeaders('holdout4/rvtools-vsnapshot.json'),
      rows: perVm.vSnapshot ?? [],
    },
    { name: 'vTools', headers: fixtureHeaders('holdout4/rvtools-vtools.json'), rows: perVm.vTools ?? [] },
    {
      name: 'vHost',
      headers: fixtureHeaders(x3 ? 'holdout4/rvtools-vhost-3x.json' : 'rvtools-vhost.json'),
      rows: allHosts.map(hostRow),
    },
    {
      name: 'vCluster',
      headers: fixtureHeaders('holdout4/rvtools-vcluster.json'),
      rows: CLUSTERS.filter((c) => c.cluster).map((c) => ({
        Name: c.cluster,
        NumHosts: c.hosts,
        'HA enabled': 'True',
        'VI SDK Server': VCENTERS[c.vc]?.server,
      })),
    },
    {
      name: 'vDatastore',
      headers: fixtureHeaders('holdout4/rvtools-vdatastore.json'),
      rows: ['DC-East', 'DC-West', 'DC-Lab'].map((dc) => ({
        Name: `DS-${dc}-01`,
        Type: 'VMFS',
        'Capacity MiB': 8_388_608,
        'Free MiB': 2_097_152,
      })),
    },
    {
      name: 'vSource',
      headers: VSOURCE_HEADERS,
      rows: VCENTERS.map((vc) => ({
        Name: vc.server,
        'OS type': 'linux-x64',
        'API type': 'VirtualCenter',
        'API version': vc.version,
        Version: vc.version,
        Fullname: `VMware vCenter Server ${vc.version}`,
        'Product name': 'VMware VirtualCenter Server',
        Vendor: 'VMware, Inc.',
        'VI SDK Server': vc.server,
        'VI SDK UUID': vc.uuid,
      })),
    },
  ];
  const written = sheets.map((s) => (x3 ? { ...s, headers: threeX(s) } : s));
  const truth: RvtoolsGroundTruth = {
    format,
    vms: vms.map(
      ({
        host0: _h,
        vmId: _i,
        disksMiB: _d,
        provisionedMiB: _p,
        nics: _n,
        osTools: _o,
        custom: _c,
        ...expected
      }) => expected,
    ),
    sheets: written.map((s) => s.name),
    customAttributeHeaders: CUSTOM_HEADERS,
  };
  return { sheets: written, truth };
}

/** 3.x headers: MB/KB units, one IP column, no SRM placeholder or IPv6 column (vInfo and vHost come from 3.x lists). */
function threeX(sheet: SheetPlan): string[] {
  if (sheet.name === 'vInfo' || sheet.name === 'vHost') return [...sheet.headers];
  return sheet.headers.filter((h) => h !== 'SRM Placeholder' && h !== 'IPv6 Address').map(as3x);
}

/** Reads a record by a written header, which may be the 3.x form of the record's 4.x key. */
function cell(record: Record<string, unknown>, header: string): unknown {
  if (header in record) return record[header];
  const as4x =
    header === 'IP Address' ? 'IPv4 Address' : header.replace(/\bMB\b/, 'MiB').replace(/\bKB\b/, 'KiB');
  if (header === 'IP Address') {
    const v6 = record['IPv6 Address'];
    return [record[as4x], v6].filter((v) => typeof v === 'string' && v !== '').join(', ');
  }
  return record[as4x] ?? null;
}

/**
 * Writes the workbook (streaming, so 5,000 VMs take seconds) and returns its ground truth.
 *
 * @example const truth = await writeRvtoolsWorkbook('/tmp/rv.xlsx', { vms: 5_000 });
 */
export async function writeRvtoolsWorkbook(
  path: string,
  options: RvtoolsWorkbookOptions = {},
): Promise<RvtoolsGroundTruth> {
  const { sheets, truth } = planRvtoolsWorkbook(options);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    worksheet.addRow([...sheet.headers]).commit();
    for (const record of sheet.rows) {
      // A blank row is written, as Excel leaves them: empty and whitespace-only cells.
      const values = record === null ? ['', ' ', '\t'] : sheet.headers.map((h) => cell(record, h) ?? null);
      worksheet.addRow(values).commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
  return truth;
}
