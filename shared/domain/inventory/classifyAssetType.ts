/**
 * Asset type classification: an explicit class/type column wins; without one the type is inferred from
 * the evidence a row carries (virtualisation columns, database engine, operating system, sizing).
 */
import type { AssetType } from '#domain/assetSchema.ts';
import type { CleansedRecord } from '#domain/tableTypes.ts';

type Fields = CleansedRecord['fields'];

/** Ordered: the first rule whose words all occur in the value decides (load balancer before server, etc.). */
const TYPE_RULES: readonly (readonly [AssetType, RegExp])[] = [
  [
    'load_balancer',
    /\b(f5|big ?ip|bigip|ltm|netscaler|citrix adc|load ?balancers?|lb|alteon|a10|kemp|avi)\b/,
  ],
  ['container', /\b(containers?|docker|kubernetes|k8s|pods?|openshift|ecs task|fargate)\b/],
  ['server', /\b(database|db) (servers?|hosts?)\b/],
  [
    'database',
    /\b(db|dbs|database|databases|sql instance|sql server|sql server instance|oracle|mssql|oracle instance|oracle db|mysql|postgres|postgresql|db2|sybase|mongodb|mariadb|informix|hana|rds)\b/,
  ],
  [
    'virtual_machine',
    /\b(vm|vms|virtual machine|virtual server|vm instance|vmware instance|vmware vm|guest|ec2|ec2 instance|azure vm|hyper v vm|virtual)\b/,
  ],
  [
    'storage',
    /\b(storage|storage device|san|nas|netapp|isilon|emc|vnx|3par|pure|purestorage|data domain|disk array|array|filer|ontap)\b/,
  ],
  [
    'network_device',
    /\b(router|routers|switch|switches|firewall|firewalls|ip router|ip switch|ip firewall|network|network gear|netgear|network device|access point|wap|gateway|wireless controller|palo alto|fortigate|checkpoint)\b/,
  ],
  [
    'server',
    /\b(server|servers|win server|windows server|linux server|unix server|esx|esxi|hypervisor|host|physical|computer|mainframe|aix|solaris|windows|linux|unix|hp ux|bare metal|workstation)\b/,
  ],
  [
    'application',
    /\b(application|applications|appl|app|business app|business service|software|service|web app)\b/,
  ],
];

/** Normalises a class value: drops the ServiceNow `cmdb_ci_` prefix and turns separators into spaces. */
function normaliseClass(value: string): string {
  return value
    .toLowerCase()
    .replace(/^cmdb_ci_/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Maps one class/type label (ServiceNow class, "Virtual Machine", "Router", "F5"...) to an asset type,
 * or null when the label says nothing recognisable.
 */
export function assetTypeFromLabel(label: string): AssetType | null {
  const text = normaliseClass(label);
  if (text === '') return null;
  for (const [type, pattern] of TYPE_RULES) if (pattern.test(text)) return type;
  return null;
}

/** Unmapped headers that usually hold the CI class (ServiceNow `sys_class_name`, "CI Type", "Device Type"...). */
const CLASS_HEADER =
  /^(sys_class_name|class|ci[ _]?class|ci[ _]?type|type|asset[ _]?type|device[ _]?type|category)$/i;
const VIRTUAL_FLAG_HEADER = /^(is[ _]?)?virtual$/i;
/** Headers only an RVTools vInfo export has. */
const RVTOOLS_HEADER = /^(vi sdk server|vi sdk uuid|vm id|vm uuid|vi sdk server type)$/i;
const VIRTUAL_MODEL =
  /\b(vmware|virtual machine|virtual platform|kvm|qemu|hvm domu|virtualbox|xen|hyper-v)\b/i;
const MODEL_HEADER = /^(model|model_id|model id|manufacturer|vendor|system model|hardware model)$/i;

const NETWORK_OS = /\b(ios|ios-xe|nx-os|nxos|junos|pan-os|fortios|routeros|asa|eos|comware)\b/i;
const STORAGE_OS = /\b(ontap|data ontap|isilon|onefs|purity)\b/i;
const LB_OS = /\b(tmos|big-ip|netscaler)\b/i;

function text(value: Fields[keyof Fields]): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.join(' ').trim();
  return '';
}

function truthy(value: string): boolean {
  return /^(true|yes|y|1|virtual)$/i.test(value.trim());
}

/** What an unmapped header can tell about the type (bits): a class column, a virtual flag, RVTools, a model. */
const CLASS_COLUMN = 1;
const VIRTUAL_FLAG_COLUMN = 2;
const RVTOOLS_COLUMN = 4;
const MODEL_COLUMN = 8;
/** Entries kept per memo map: labels and headers are few per file; past this, work is simply not remembered. */
const MEMO_LIMIT = 4096;
const SIZING_FIELDS = ['cpuCores', 'cpuSockets', 'memoryGb', 'storageGb'] as const;

/**
 * Remembers, for one inventory build, the classification work that depends only on a header, a class label
 * or an operating system text rather than on the row (regex tests that would otherwise run on every row).
 * Pass one to classifyAssetType when classifying many rows; the answers are the same with or without it.
 */
export class ClassificationMemo {
  readonly headerRoles = new Map<string, number>();
  readonly labelTypes = new Map<string, AssetType | null>();
  readonly hypervisorLabels = new Map<string, boolean>();
  readonly deviceOperatingSystems = new Map<string, AssetType | null>();
  /**
   * deviceTypeOfOs by operating system name, then version (the row's own values, which rows share), so the
   * combined text is built only once per pair.
   */
  readonly deviceOsPairs = new Map<string, Map<string, AssetType | null>>();
  deviceOsPairCount = 0;
}

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size < MEMO_LIMIT) map.set(key, value);
  return value;
}

function headerRole(header: string, memo: ClassificationMemo | undefined): number {
  const known = memo?.headerRoles.get(header);
  if (known !== undefined) return known;
  const name = header.trim();
  const role =
    (CLASS_HEADER.test(name) ? CLASS_COLUMN : 0) |
    (VIRTUAL_FLAG_HEADER.test(name) ? VIRTUAL_FLAG_COLUMN : 0) |
    (RVTOOLS_HEADER.test(name) ? RVTOOLS_COLUMN : 0) |
    (MODEL_HEADER.test(name) ? MODEL_COLUMN : 0);
  return memo ? remember(memo.headerRoles, header, role) : role;
}

function labelType(label: string, memo: ClassificationMemo | undefined): AssetType | null {
  const known = memo?.labelTypes.get(label);
  if (known !== undefined) return known;
  const type = assetTypeFromLabel(label);
  return memo ? remember(memo.labelTypes, label, type) : type;
}

function isHypervisorLabel(label: string, memo: ClassificationMemo | undefined): boolean {
  const known = memo?.hypervisorLabels.get(label);
  if (known !== undefined) return known;
  const hypervisor = /\b(esx|esxi|hypervisor)\b/.test(normaliseClass(label));
  return memo ? remember(memo.hypervisorLabels, label, hypervisor) : hypervisor;
}

/** The device type a network, storage or load-balancer operating system names, else null. */
function deviceTypeOfOs(os: string, memo: ClassificationMemo | undefined): AssetType | null {
  const known = memo?.deviceOperatingSystems.get(os);
  if (known !== undefined) return known;
  let type: AssetType | null = null;
  if (LB_OS.test(os)) type = 'load_balancer';
  else if (STORAGE_OS.test(os)) type = 'storage';
  else if (NETWORK_OS.test(os) && !/windows|linux|unix|aix|solaris/i.test(os)) type = 'network_device';
  return memo ? remember(memo.deviceOperatingSystems, os, type) : type;
}

/** deviceTypeOfOs of the operating system text a name and a version (both trimmed) make together. */
function deviceTypeOfOsParts(
  osName: string,
  osVersion: string,
  memo: ClassificationMemo | undefined,
): AssetType | null {
  const byVersion = memo?.deviceOsPairs.get(osName);
  const known = byVersion?.get(osVersion);
  if (known !== undefined) return known;
  const type = deviceTypeOfOs(osVersion === '' ? osName : `${osName} ${osVersion}`.trim(), memo);
  if (memo && memo.deviceOsPairCount < MEMO_LIMIT) {
    let versions = byVersion;
    if (versions === undefined) {
      versions = new Map();
      memo.deviceOsPairs.set(osName, versions);
    }
    versions.set(osVersion, type);
    memo.deviceOsPairCount++;
  }
  return type;
}

/**
 * Classifies a cleansed row's asset type. An explicit `assetType` value (or an unmapped class column such as
 * `sys_class_name`) decides when it is recognisable, except that a server class with virtualisation evidence
 * is a virtual machine (ServiceNow keeps VMs in server classes); otherwise evidence decides, most specific first:
 * virtualisation columns, a `virtual` flag, a virtual hardware model or an RVTools origin mean a virtual
 * machine; a network/storage/load-balancer OS means that device; a database engine with no operating system
 * means a database; an operating system, sizing or network identity means a server; nothing at all is `other`.
 * `memo` (optional) saves repeating per-header and per-label work across the rows of one build.
 *
 * @example classifyAssetType({ assetType: 'cmdb_ci_win_server' }, {}) // 'server'
 */
export function classifyAssetType(
  fields: Fields,
  custom: Record<string, string>,
  memo?: ClassificationMemo,
): AssetType {
  const headers = Object.keys(custom);
  const explicit = explicitType(fields, custom, headers, memo);
  if (explicit) {
    if (
      explicit.type === 'server' &&
      !isHypervisorLabel(explicit.label, memo) &&
      hasVirtualEvidence(fields, custom, headers, memo)
    )
      return 'virtual_machine';
    return explicit.type;
  }
  const osName = text(fields.operatingSystem);
  const osVersion = text(fields.osVersion);
  // Both are trimmed: the combined OS text is empty exactly when both are.
  const hasOs = osName !== '' || osVersion !== '';
  if (hasOs) {
    const device = deviceTypeOfOsParts(osName, osVersion, memo);
    if (device !== null) return device;
  }
  if (hasVirtualEvidence(fields, custom, headers, memo)) return 'virtual_machine';
  if (text(fields.databaseEngine) !== '' && !hasOs) return 'database';
  if (hasOs) return 'server';
  if (SIZING_FIELDS.some((field) => typeof fields[field] === 'number')) return 'server';
  if (text(fields.hostname) !== '' || text(fields.fqdn) !== '' || text(fields.ipAddress) !== '')
    return 'server';
  return 'other';
}

/** The type an explicit `assetType` value or an unmapped class column names, when recognisable. */
function explicitType(
  fields: Fields,
  custom: Record<string, string>,
  headers: readonly string[],
  memo: ClassificationMemo | undefined,
): { type: AssetType; label: string } | null {
  const explicit = text(fields.assetType);
  const type = explicit === '' ? null : labelType(explicit, memo);
  if (type) return { type, label: explicit };
  for (const header of headers) {
    if ((headerRole(header, memo) & CLASS_COLUMN) === 0) continue;
    const value = custom[header] as string;
    const fromColumn = labelType(value, memo);
    if (fromColumn) return { type: fromColumn, label: value };
  }
  return null;
}

/**
 * Virtualisation evidence: a hypervisor host, cluster or platform, a true `virtual` flag (ServiceNow keeps
 * VMs in the server classes and flags them), a virtual hardware model, or a column only RVTools exports.
 */
function hasVirtualEvidence(
  fields: Fields,
  custom: Record<string, string>,
  headers: readonly string[],
  memo: ClassificationMemo | undefined,
): boolean {
  if (
    text(fields.hypervisorHost) !== '' ||
    text(fields.cluster) !== '' ||
    text(fields.virtualizationPlatform) !== ''
  ) {
    return true;
  }
  for (const header of headers) {
    const role = headerRole(header, memo);
    if (role === 0) continue;
    const value = custom[header] as string;
    if (role & VIRTUAL_FLAG_COLUMN) {
      if (truthy(value)) return true;
      continue;
    }
    if (role & RVTOOLS_COLUMN) {
      if (value.trim() !== '') return true;
      continue;
    }
    if (role & MODEL_COLUMN && VIRTUAL_MODEL.test(value)) return true;
  }
  return false;
}
