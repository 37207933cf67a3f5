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

/**
 * Classifies a cleansed row's asset type. An explicit `assetType` value (or an unmapped class column such as
 * `sys_class_name`) decides when it is recognisable, except that a server class with virtualisation evidence
 * is a virtual machine (ServiceNow keeps VMs in server classes); otherwise evidence decides, most specific first:
 * virtualisation columns, a `virtual` flag, a virtual hardware model or an RVTools origin mean a virtual
 * machine; a network/storage/load-balancer OS means that device; a database engine with no operating system
 * means a database; an operating system, sizing or network identity means a server; nothing at all is `other`.
 *
 * @example classifyAssetType({ assetType: 'cmdb_ci_win_server' }, {}) // 'server'
 */
export function classifyAssetType(fields: Fields, custom: Record<string, string>): AssetType {
  const customEntries = Object.entries(custom);
  const explicit = explicitType(fields, customEntries);
  if (explicit) {
    const hypervisor = /\b(esx|esxi|hypervisor)\b/.test(normaliseClass(explicit.label));
    if (explicit.type === 'server' && !hypervisor && hasVirtualEvidence(fields, customEntries))
      return 'virtual_machine';
    return explicit.type;
  }
  const os = `${text(fields.operatingSystem)} ${text(fields.osVersion)}`.trim();
  if (os !== '') {
    if (LB_OS.test(os)) return 'load_balancer';
    if (STORAGE_OS.test(os)) return 'storage';
    if (NETWORK_OS.test(os) && !/windows|linux|unix|aix|solaris/i.test(os)) return 'network_device';
  }
  if (hasVirtualEvidence(fields, customEntries)) return 'virtual_machine';
  if (text(fields.databaseEngine) !== '' && os === '') return 'database';
  if (os !== '') return 'server';
  const sized = ['cpuCores', 'cpuSockets', 'memoryGb', 'storageGb'] as const;
  if (sized.some((field) => typeof fields[field] === 'number')) return 'server';
  if (text(fields.hostname) !== '' || text(fields.fqdn) !== '' || text(fields.ipAddress) !== '')
    return 'server';
  return 'other';
}

/** The type an explicit `assetType` value or an unmapped class column names, when recognisable. */
function explicitType(
  fields: Fields,
  customEntries: readonly [string, string][],
): { type: AssetType; label: string } | null {
  const explicit = text(fields.assetType);
  const type = explicit === '' ? null : assetTypeFromLabel(explicit);
  if (type) return { type, label: explicit };
  for (const [header, value] of customEntries) {
    if (!CLASS_HEADER.test(header.trim())) continue;
    const fromColumn = assetTypeFromLabel(value);
    if (fromColumn) return { type: fromColumn, label: value };
  }
  return null;
}

/**
 * Virtualisation evidence: a hypervisor host, cluster or platform, a true `virtual` flag (ServiceNow keeps
 * VMs in the server classes and flags them), a virtual hardware model, or a column only RVTools exports.
 */
function hasVirtualEvidence(fields: Fields, customEntries: readonly [string, string][]): boolean {
  if (
    text(fields.hypervisorHost) !== '' ||
    text(fields.cluster) !== '' ||
    text(fields.virtualizationPlatform) !== ''
  ) {
    return true;
  }
  return customEntries.some(([header, value]) => {
    const name = header.trim();
    if (VIRTUAL_FLAG_HEADER.test(name)) return truthy(value);
    if (RVTOOLS_HEADER.test(name)) return value.trim() !== '';
    return MODEL_HEADER.test(name) && VIRTUAL_MODEL.test(value);
  });
}
