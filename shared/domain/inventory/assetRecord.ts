/**
 * Turning one cleansed row into a canonical asset, and merging a duplicate row into an asset already known.
 */
import {
  ASSET_FIELD_NAMES,
  ASSET_FIELDS,
  type Asset,
  type AssetField,
  type AssetType,
} from '#domain/assetSchema.ts';
import type { CleansedRecord } from '#domain/tableTypes.ts';
import { ClassificationMemo, classifyAssetType } from './classifyAssetType.ts';
import { looksLikeIp, normaliseIp, shortHostName } from './identity.ts';

type FieldValue = CleansedRecord['fields'][AssetField];
type ScalarField = Exclude<AssetField, ListField | 'name' | 'assetType'>;
type ListField = 'ipAddress' | 'macAddress' | 'tags' | 'dependsOn';

const LIST_FIELDS: readonly ListField[] = ['ipAddress', 'macAddress', 'tags', 'dependsOn'];
const SCALAR_FIELDS = ASSET_FIELD_NAMES.filter(
  (field): field is ScalarField =>
    ASSET_FIELDS[field].kind !== 'list' && field !== 'name' && field !== 'assetType',
);
/** Scalar field -> its slot (its place in SCALAR_FIELDS): a RecordReader collects a row's scalars by slot. */
const SCALAR_SLOTS: ReadonlyMap<string, number> = new Map(SCALAR_FIELDS.map((field, slot) => [field, slot]));
/** Per slot, true when the field's kind is text (else numeric). */
const SLOT_IS_TEXT: readonly boolean[] = SCALAR_FIELDS.map((field) => ASSET_FIELDS[field].kind === 'string');
/** Field -> slot, as constants the asset literal below reads. */
const S = Object.fromEntries(SCALAR_FIELDS.map((field, slot) => [field, slot])) as Record<
  ScalarField,
  number
>;
/**
 * A new asset's object with every field, in the one order all assets share (assetId, the schema's fields,
 * then the inventory's own), its scalars taken from `scalars` (by slot) and the rest left for createAsset.
 * A literal rather than a copy of a template: the engine then keeps every field inside the object itself
 * (one allocation per asset, not two). A unit test checks that its keys follow ASSET_FIELD_NAMES.
 */
export function assetShell(scalars: readonly unknown[]): Record<string, unknown> {
  return {
    assetId: '',
    externalId: scalars[S.externalId],
    name: null,
    hostname: scalars[S.hostname],
    fqdn: scalars[S.fqdn],
    ipAddress: null,
    macAddress: null,
    serialNumber: scalars[S.serialNumber],
    assetType: null,
    operatingSystem: scalars[S.operatingSystem],
    osVersion: scalars[S.osVersion],
    cpuCores: scalars[S.cpuCores],
    cpuSockets: scalars[S.cpuSockets],
    cpuSpeedMhz: scalars[S.cpuSpeedMhz],
    memoryGb: scalars[S.memoryGb],
    storageGb: scalars[S.storageGb],
    storageUsedGb: scalars[S.storageUsedGb],
    virtualizationPlatform: scalars[S.virtualizationPlatform],
    hypervisorHost: scalars[S.hypervisorHost],
    cluster: scalars[S.cluster],
    powerState: scalars[S.powerState],
    cpuUtilizationPct: scalars[S.cpuUtilizationPct],
    memoryUtilizationPct: scalars[S.memoryUtilizationPct],
    diskIops: scalars[S.diskIops],
    networkThroughputMbps: scalars[S.networkThroughputMbps],
    environment: scalars[S.environment],
    datacenter: scalars[S.datacenter],
    location: scalars[S.location],
    application: scalars[S.application],
    businessOwner: scalars[S.businessOwner],
    technicalOwner: scalars[S.technicalOwner],
    department: scalars[S.department],
    costCenter: scalars[S.costCenter],
    businessCriticality: scalars[S.businessCriticality],
    status: scalars[S.status],
    description: scalars[S.description],
    tags: null,
    migrationWave: scalars[S.migrationWave],
    migrationStrategy: scalars[S.migrationStrategy],
    databaseEngine: scalars[S.databaseEngine],
    databaseVersion: scalars[S.databaseVersion],
    databaseSizeGb: scalars[S.databaseSizeGb],
    dependsOn: null,
    isTemplate: false,
    customAttributes: null,
    qualityScore: 0,
    qualityIssues: null,
    techDebt: null,
    sources: null,
  };
}

/** Quality issues kept per asset: a merged asset seen in many uploads must stay a small record. */
const MAX_QUALITY_ISSUES = 50;

function toText(value: FieldValue): string | null {
  if (typeof value === 'string') {
    // Cleansed text is already trimmed: printable ASCII at both ends needs no trim call.
    const length = value.length;
    if (length === 0) return null;
    const first = value.charCodeAt(0);
    const last = value.charCodeAt(length - 1);
    if (first > 32 && first < 127 && last > 32 && last < 127) return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? null : value.join(', ');
  return null;
}

function toNumber(value: FieldValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value.replace(/,/g, '').trim());
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

function toList(field: ListField, value: FieldValue): string[] {
  let items: string[];
  if (Array.isArray(value)) items = value;
  else if (typeof value === 'string')
    items = value.split(field === 'ipAddress' || field === 'macAddress' ? /[\s,;|]+/ : /[,;|]/);
  else return [];
  // Most lists hold one item: an exact-size array keeps the asset that owns it small.
  let out: string[] | null = null;
  for (const raw of items) {
    let item = String(raw).trim();
    if (item === '') continue;
    if (field === 'ipAddress') item = normaliseIp(item);
    else if (field === 'macAddress') item = item.toLowerCase().replace(/-/g, ':');
    if (out === null) out = [item];
    else if (!out.includes(item)) out.push(item);
  }
  return out ?? [];
}

/** True for an ASCII letter or digit. */
function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** One DNS label as `/^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$/i` accepts it, checked by character codes. */
function isHostLabel(text: string, from: number, to: number): boolean {
  if (to <= from || !isAlphanumeric(text.charCodeAt(from)) || !isAlphanumeric(text.charCodeAt(to - 1)))
    return false;
  for (let i = from + 1; i < to - 1; i++) {
    const code = text.charCodeAt(i);
    if (!(isAlphanumeric(code) || code === 95 || code === 45)) return false;
  }
  return true;
}

/** A top-level domain label: two or more ASCII letters (`/^[a-z]{2,}$/i`). */
function isTopLevelLabel(text: string, from: number): boolean {
  if (text.length - from < 2) return false;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i) | 0x20;
    if (code < 97 || code > 122) return false;
  }
  return true;
}

/**
 * The FQDN a host-name or name cell holds ("web01.corp.example.com"), so that a row naming a host by its
 * FQDN keeps that identity; names need three labels, since "app.v2" is more often a label than a domain.
 */
function fqdnIn(value: string | null | undefined, minLabels: number): string | null {
  if (!value) return null;
  const text = value.trim();
  if (looksLikeIp(text)) return null;
  let labels = 0;
  let start = 0;
  while (true) {
    const dot = text.indexOf('.', start);
    const end = dot === -1 ? text.length : dot;
    if (!isHostLabel(text, start, end)) return null;
    labels++;
    if (dot === -1) break;
    start = dot + 1;
  }
  return labels >= minLabels && isTopLevelLabel(text, start) ? text : null;
}

/** A row's values in asset form, before it is matched: explicit name kept apart from the derived one. */
export interface RecordValues {
  readonly explicitName: string | null;
  /** The name a row without an explicit name takes (computed only for such rows: null otherwise). */
  readonly derivedName: string | null;
  readonly type: AssetType;
  /**
   * The scalar values (null when unknown), held in a new object of the asset's shape: a row that makes a
   * new asset becomes that asset without copying them.
   */
  readonly scalars: Readonly<Record<string, unknown>> & Partial<Record<ScalarField, string | number | null>>;
  readonly lists: Record<ListField, string[]>;
}

/**
 * Reads cleansed rows into typed asset values (strings trimmed, numbers parsed, lists split and normalised).
 * One reader serves the rows of one build: it carries classification work across them, and remembers the
 * order of the last row's fields (rows of one file share it) so each field's slot is found without a lookup.
 */
export class RecordReader {
  private readonly memo: ClassificationMemo;
  private readonly scalars: unknown[] = SCALAR_FIELDS.map(() => null);
  private readonly keys: string[] = [];
  private readonly keySlots: number[] = [];

  constructor(memo: ClassificationMemo = new ClassificationMemo()) {
    this.memo = memo;
  }

  /** The row's values; `scalars` is a new object of the asset's shape (see RecordValues). */
  read(record: CleansedRecord): RecordValues {
    const fields = record.fields;
    const scalars = this.scalars;
    for (let i = 0; i < scalars.length; i++) scalars[i] = null;
    const keys = this.keys;
    const keySlots = this.keySlots;
    // Walks the row's own fields (a few) rather than every scalar field of the schema (dozens).
    let k = 0;
    for (const field in fields) {
      let slot: number;
      if (keys[k] === field) slot = keySlots[k] as number;
      else {
        slot = SCALAR_SLOTS.get(field) ?? -1;
        keys[k] = field;
        keySlots[k] = slot;
      }
      k++;
      if (slot < 0) continue;
      const value = fields[field as AssetField];
      if (value === undefined || value === null) continue;
      scalars[slot] = SLOT_IS_TEXT[slot] ? toText(value) : toNumber(value);
    }
    const values = assetShell(scalars) as RecordValues['scalars'] & Record<string, unknown>;
    const lists: Record<ListField, string[]> = {
      ipAddress: toList('ipAddress', fields.ipAddress),
      macAddress: toList('macAddress', fields.macAddress),
      tags: toList('tags', fields.tags),
      dependsOn: toList('dependsOn', fields.dependsOn),
    };
    const explicitName = toText(fields.name);
    const hostname = values.hostname as string | null | undefined;
    if (!values.fqdn) {
      const fromName = fqdnIn(hostname, 2) ?? fqdnIn(explicitName, 3);
      if (fromName) values.fqdn = fromName;
    }
    return {
      explicitName,
      derivedName: explicitName === null ? derivedNameOf(hostname, values, lists) : null,
      type: classifyAssetType(fields, record.custom, this.memo),
      scalars: values,
      lists,
    };
  }
}

/** The name of a row without a name column: host name, FQDN short name, external id, first IP or serial. */
function derivedNameOf(
  hostname: string | null | undefined,
  scalars: RecordValues['scalars'],
  lists: Record<ListField, string[]>,
): string | null {
  if (hostname) return hostname;
  const fqdn = scalars.fqdn as string | null | undefined;
  if (fqdn) {
    const text = fqdn.trim();
    const dot = text.indexOf('.');
    const label = dot === -1 ? text : text.slice(0, dot);
    if (label && shortHostName(fqdn)) return label;
  }
  return (
    (scalars.externalId as string | null | undefined) ||
    lists.ipAddress[0] ||
    (scalars.serialNumber as string | null | undefined) ||
    null
  );
}

/**
 * Builds a new asset (every canonical field present, null or [] when unknown) from a row read by readRecord.
 * The asset is made of `values` (its scalars object and lists, which readRecord made for this row alone), so
 * `values` must not be used afterwards.
 */
export function createAsset(
  assetId: string,
  name: string,
  values: RecordValues,
  record: CleansedRecord,
): Asset {
  const asset = values.scalars as Record<string, unknown>;
  asset.assetId = assetId;
  asset.ipAddress = values.lists.ipAddress;
  asset.macAddress = values.lists.macAddress;
  asset.tags = values.lists.tags;
  asset.dependsOn = values.lists.dependsOn;
  asset.name = name;
  asset.assetType = values.type;
  asset.isTemplate = record.isTemplate ?? false;
  asset.customAttributes = { ...record.custom };
  asset.qualityScore = clampScore(record.qualityScore);
  asset.qualityIssues = record.qualityIssues.slice(0, MAX_QUALITY_ISSUES);
  asset.techDebt = [];
  asset.sources = [record.uploadId];
  return asset as Asset;
}

/**
 * A deep copy of plain data (primitives, arrays and plain objects, as stored assets are made of); any other
 * object (a Date, a Map...) is copied by structuredClone. Much cheaper than structuredClone of a whole asset,
 * which an upload merging into a large existing inventory would pay once per stored asset.
 */
export function copyPlainData<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(copyPlainData(value[i] as unknown));
    return out as T;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return structuredClone(value);
  // Spreading copies the shape in one step; then only the nested values are copied in turn.
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of Object.keys(out)) {
    const nested = out[key];
    if (nested !== null && typeof nested === 'object') out[key] = copyPlainData(nested);
  }
  return out as T;
}

function clampScore(score: number): number {
  return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
}

function unionInto(target: string[], items: readonly string[], cap = Number.POSITIVE_INFINITY): void {
  for (const item of items) {
    if (target.length >= cap) return;
    if (!target.includes(item)) target.push(item);
  }
}

/** A more specific type replaces a vaguer one: anything beats `other`, a virtual machine refines `server`. */
function mergedType(current: AssetType, incoming: AssetType): AssetType {
  if (current === 'other') return incoming;
  if (current === 'server' && incoming === 'virtual_machine') return incoming;
  return current;
}

/**
 * Merges a duplicate row into an asset. Within the same upload the first row wins and later rows only fill
 * empty fields; a row from a later upload (one the asset was not yet seen in) wins for every non-empty value,
 * since a newer export describes the current state. Lists, sources and quality issues are unioned in both
 * cases, the quality score is the best seen, and the asset keeps its id.
 */
export function mergeIntoAsset(asset: Asset, values: RecordValues, record: CleansedRecord): void {
  const sources = asset.sources ?? [];
  const laterUpload = !sources.includes(record.uploadId);
  const target = asset as unknown as Record<string, unknown>;
  for (const field of SCALAR_FIELDS) {
    const value = values.scalars[field];
    if (value === undefined || value === null) continue;
    if (laterUpload || target[field] === null || target[field] === undefined) target[field] = value;
  }
  for (const field of LIST_FIELDS) {
    const list = (asset[field] ?? []) as string[];
    unionInto(list, values.lists[field]);
    target[field] = list;
  }
  if (values.explicitName && laterUpload) asset.name = values.explicitName;
  asset.assetType = mergedType(asset.assetType, values.type);
  if (record.isTemplate !== undefined) {
    asset.isTemplate = laterUpload ? record.isTemplate : Boolean(asset.isTemplate) || record.isTemplate;
  }
  const custom = asset.customAttributes ?? {};
  for (const [header, value] of Object.entries(record.custom)) {
    if (laterUpload || custom[header] === undefined || custom[header] === '') custom[header] = value;
  }
  asset.customAttributes = custom;
  asset.qualityScore = Math.max(asset.qualityScore, clampScore(record.qualityScore));
  const issues = asset.qualityIssues ?? [];
  unionInto(issues, record.qualityIssues, MAX_QUALITY_ISSUES);
  asset.qualityIssues = issues;
  unionInto(sources, [record.uploadId]);
  asset.sources = sources;
}
