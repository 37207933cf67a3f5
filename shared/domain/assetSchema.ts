/**
 * The canonical asset and connection schema: the single definition every
 * mapping target, validation, API schema and report derives from.
 */
import * as z from 'zod/v4';

/** Asset types an inventory record can have. */
export const ASSET_TYPES = [
  'server',
  'virtual_machine',
  'database',
  'application',
  'network_device',
  'storage',
  'load_balancer',
  'container',
  'other',
] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

/** How a canonical field's values are typed after cleansing. */
export type FieldKind = 'string' | 'number' | 'gigabytes' | 'percent' | 'list' | 'date' | 'boolean';

/** Describes one canonical field: its kind and the group it belongs to. */
export interface FieldSpec {
  readonly kind: FieldKind;
  readonly group: 'identity' | 'platform' | 'utilisation' | 'placement' | 'business' | 'data' | 'relations';
}

/** Canonical asset fields (targets of field mapping), per DESIGN.md. */
export const ASSET_FIELDS = {
  externalId: { kind: 'string', group: 'identity' },
  name: { kind: 'string', group: 'identity' },
  hostname: { kind: 'string', group: 'identity' },
  fqdn: { kind: 'string', group: 'identity' },
  ipAddress: { kind: 'list', group: 'identity' },
  macAddress: { kind: 'list', group: 'identity' },
  serialNumber: { kind: 'string', group: 'identity' },
  assetType: { kind: 'string', group: 'identity' },
  operatingSystem: { kind: 'string', group: 'platform' },
  osVersion: { kind: 'string', group: 'platform' },
  cpuCores: { kind: 'number', group: 'platform' },
  cpuSockets: { kind: 'number', group: 'platform' },
  cpuSpeedMhz: { kind: 'number', group: 'platform' },
  memoryGb: { kind: 'gigabytes', group: 'platform' },
  storageGb: { kind: 'gigabytes', group: 'platform' },
  storageUsedGb: { kind: 'gigabytes', group: 'platform' },
  virtualizationPlatform: { kind: 'string', group: 'platform' },
  hypervisorHost: { kind: 'string', group: 'platform' },
  cluster: { kind: 'string', group: 'platform' },
  powerState: { kind: 'string', group: 'platform' },
  cpuUtilizationPct: { kind: 'percent', group: 'utilisation' },
  memoryUtilizationPct: { kind: 'percent', group: 'utilisation' },
  diskIops: { kind: 'number', group: 'utilisation' },
  networkThroughputMbps: { kind: 'number', group: 'utilisation' },
  environment: { kind: 'string', group: 'placement' },
  datacenter: { kind: 'string', group: 'placement' },
  location: { kind: 'string', group: 'placement' },
  application: { kind: 'string', group: 'business' },
  businessOwner: { kind: 'string', group: 'business' },
  technicalOwner: { kind: 'string', group: 'business' },
  department: { kind: 'string', group: 'business' },
  costCenter: { kind: 'string', group: 'business' },
  businessCriticality: { kind: 'string', group: 'business' },
  status: { kind: 'string', group: 'business' },
  description: { kind: 'string', group: 'business' },
  tags: { kind: 'list', group: 'business' },
  migrationWave: { kind: 'string', group: 'business' },
  migrationStrategy: { kind: 'string', group: 'business' },
  databaseEngine: { kind: 'string', group: 'data' },
  databaseVersion: { kind: 'string', group: 'data' },
  databaseSizeGb: { kind: 'gigabytes', group: 'data' },
  dependsOn: { kind: 'list', group: 'relations' },
} as const satisfies Record<string, FieldSpec>;
export type AssetField = keyof typeof ASSET_FIELDS;
export const ASSET_FIELD_NAMES = Object.keys(ASSET_FIELDS) as AssetField[];

/** Canonical fields of connection (dependency) files. */
export const CONNECTION_FIELDS = {
  sourceHost: { kind: 'string', group: 'relations' },
  sourceIp: { kind: 'string', group: 'relations' },
  sourcePort: { kind: 'number', group: 'relations' },
  sourceApplication: { kind: 'string', group: 'relations' },
  sourceProcess: { kind: 'string', group: 'relations' },
  destinationHost: { kind: 'string', group: 'relations' },
  destinationIp: { kind: 'string', group: 'relations' },
  destinationPort: { kind: 'number', group: 'relations' },
  destinationApplication: { kind: 'string', group: 'relations' },
  destinationProcess: { kind: 'string', group: 'relations' },
  protocol: { kind: 'string', group: 'relations' },
  connectionCount: { kind: 'number', group: 'relations' },
  bytes: { kind: 'number', group: 'relations' },
  timestamp: { kind: 'date', group: 'relations' },
} as const satisfies Record<string, FieldSpec>;
export type ConnectionField = keyof typeof CONNECTION_FIELDS;
export const CONNECTION_FIELD_NAMES = Object.keys(CONNECTION_FIELDS) as ConnectionField[];

/** Any mapping target. */
export type CanonicalField = AssetField | ConnectionField;

/** What a file holds. */
export type FileKind = 'assets' | 'connections';

/** Tech-debt status semantics per DESIGN.md. */
export const TECH_DEBT_STATUSES = ['eol', 'eol_soon', 'supported', 'unknown'] as const;
export type TechDebtStatus = (typeof TECH_DEBT_STATUSES)[number];
export const TECH_DEBT_COMPONENTS = ['os', 'database', 'runtime', 'hypervisor'] as const;
export type TechDebtComponent = (typeof TECH_DEBT_COMPONENTS)[number];

/**
 * A schema built on its first use rather than at import: every Lambda handler imports this module
 * (for the field lists), few ever validate with the schemas, and building them is work on the cold
 * start. The value behaves as the schema itself (properties, methods, `instanceof`, use inside other
 * schemas): every operation is forwarded to the schema `build` returns, built once.
 */
function builtOnFirstUse<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = (): T => {
    built ??= build();
    return built;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(schema(), key),
    set: (_, key, value) => Reflect.set(schema(), key, value),
    has: (_, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    // Reported configurable: the placeholder target has none of the schema's own properties.
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(schema(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(schema(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}

export const techDebtFindingSchema = builtOnFirstUse(() =>
  z.object({
    component: z.enum(TECH_DEBT_COMPONENTS),
    product: z.string().nullable(),
    version: z.string().nullable(),
    status: z.enum(TECH_DEBT_STATUSES),
    eolDate: z.string().nullable(),
  }),
);
export type TechDebtFinding = z.infer<typeof techDebtFindingSchema>;

/** A cleansed canonical asset as stored in the inventory and returned by the API/CLI. */
export const assetSchema = builtOnFirstUse(() => {
  const str = z.string().nullable().optional();
  const num = z.number().nullable().optional();
  const list = z.array(z.string()).optional();
  return z.object({
    assetId: z.string(),
    externalId: str,
    name: z.string(),
    hostname: str,
    fqdn: str,
    ipAddress: list,
    macAddress: list,
    serialNumber: str,
    assetType: z.enum(ASSET_TYPES),
    operatingSystem: str,
    osVersion: str,
    cpuCores: num,
    cpuSockets: num,
    cpuSpeedMhz: num,
    memoryGb: num,
    storageGb: num,
    storageUsedGb: num,
    virtualizationPlatform: str,
    hypervisorHost: str,
    cluster: str,
    powerState: str,
    cpuUtilizationPct: num,
    memoryUtilizationPct: num,
    diskIops: num,
    networkThroughputMbps: num,
    environment: str,
    datacenter: str,
    location: str,
    application: str,
    businessOwner: str,
    technicalOwner: str,
    department: str,
    costCenter: str,
    businessCriticality: str,
    status: str,
    description: str,
    tags: list,
    migrationWave: str,
    migrationStrategy: str,
    databaseEngine: str,
    databaseVersion: str,
    databaseSizeGb: num,
    dependsOn: list,
    /** True for VM templates (e.g. RVTools `Template = True`): inventoried but not migrated as workloads. */
    isTemplate: z.boolean().optional(),
    /** Source columns with no canonical meaning, kept verbatim. */
    customAttributes: z.record(z.string(), z.string()).default({}),
    /** 0..1 completeness/validity score from cleansing. */
    qualityScore: z.number().min(0).max(1),
    /** Human-readable data-quality issues found in cleansing. */
    qualityIssues: z.array(z.string()).default([]),
    techDebt: z.array(techDebtFindingSchema).default([]),
    /** Uploads this asset was seen in (merged across uploads of one engagement). */
    sources: z.array(z.string()).default([]),
  });
});
export type Asset = z.infer<typeof assetSchema>;
