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
import { classifyAssetType } from './classifyAssetType.ts';
import { looksLikeIp, normaliseIp, shortHostName } from './identity.ts';

type FieldValue = CleansedRecord['fields'][AssetField];
type ScalarField = Exclude<AssetField, ListField | 'name' | 'assetType'>;
type ListField = 'ipAddress' | 'macAddress' | 'tags' | 'dependsOn';

const LIST_FIELDS: readonly ListField[] = ['ipAddress', 'macAddress', 'tags', 'dependsOn'];
const SCALAR_FIELDS = ASSET_FIELD_NAMES.filter(
  (field): field is ScalarField =>
    ASSET_FIELDS[field].kind !== 'list' && field !== 'name' && field !== 'assetType',
);
/** Every asset field in one fixed order: new assets copy it so all share one object shape (fast at 1M). */
const EMPTY_ASSET: Readonly<Record<string, unknown>> = Object.fromEntries([
  ['assetId', ''],
  ...ASSET_FIELD_NAMES.map((field) => [field, null]),
  ['isTemplate', false],
  ['customAttributes', null],
  ['qualityScore', 0],
  ['qualityIssues', null],
  ['techDebt', null],
  ['sources', null],
]);
/** Quality issues kept per asset: a merged asset seen in many uploads must stay a small record. */
const MAX_QUALITY_ISSUES = 50;

function toText(value: FieldValue): string | null {
  if (typeof value === 'string') {
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
  const out: string[] = [];
  for (const raw of items) {
    let item = String(raw).trim();
    if (item === '') continue;
    if (field === 'ipAddress') item = normaliseIp(item);
    else if (field === 'macAddress') item = item.toLowerCase().replace(/-/g, ':');
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

/**
 * The FQDN a host-name or name cell holds ("web01.corp.example.com"), so that a row naming a host by its
 * FQDN keeps that identity; names need three labels, since "app.v2" is more often a label than a domain.
 */
function fqdnIn(value: string | null | undefined, minLabels: number): string | null {
  if (!value || looksLikeIp(value.trim())) return null;
  const labels = value.trim().split('.');
  const hostLike = labels.every((label) => /^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$/i.test(label));
  return hostLike && labels.length >= minLabels && /^[a-z]{2,}$/i.test(labels.at(-1) ?? '')
    ? value.trim()
    : null;
}

/** A row's values in asset form, before it is matched: explicit name kept apart from the derived one. */
export interface RecordValues {
  readonly explicitName: string | null;
  readonly derivedName: string | null;
  readonly type: AssetType;
  readonly scalars: Partial<Record<ScalarField, string | number | null>>;
  readonly lists: Record<ListField, string[]>;
}

/** Reads a cleansed row into typed asset values (strings trimmed, numbers parsed, lists split and normalised). */
export function readRecord(record: CleansedRecord): RecordValues {
  const fields = record.fields;
  const scalars: Partial<Record<ScalarField, string | number | null>> = {};
  for (const field of SCALAR_FIELDS) {
    const value = fields[field];
    if (value === undefined || value === null) continue;
    const kind = ASSET_FIELDS[field].kind;
    scalars[field] = kind === 'string' ? toText(value) : toNumber(value);
  }
  const lists = {} as Record<ListField, string[]>;
  for (const field of LIST_FIELDS) lists[field] = toList(field, fields[field]);
  const explicitName = toText(fields.name);
  const hostname = scalars.hostname as string | null | undefined;
  if (!scalars.fqdn) {
    const fromName = fqdnIn(hostname, 2) ?? fqdnIn(explicitName, 3);
    if (fromName) scalars.fqdn = fromName;
  }
  const fqdn = scalars.fqdn as string | null | undefined;
  const externalId = scalars.externalId as string | null | undefined;
  const serial = scalars.serialNumber as string | null | undefined;
  const fqdnLabel = fqdn ? (fqdn.trim().split('.')[0] ?? null) : null;
  const derivedName =
    hostname ||
    (fqdnLabel && shortHostName(fqdn) ? fqdnLabel : null) ||
    externalId ||
    lists.ipAddress[0] ||
    serial ||
    null;
  return { explicitName, derivedName, type: classifyAssetType(fields, record.custom), scalars, lists };
}

/** Builds a new asset (every canonical field present, null or [] when unknown) from a row read by readRecord. */
export function createAsset(
  assetId: string,
  name: string,
  values: RecordValues,
  record: CleansedRecord,
): Asset {
  const asset: Record<string, unknown> = { ...EMPTY_ASSET, assetId };
  for (const field in values.scalars) asset[field] = values.scalars[field as ScalarField] ?? null;
  for (const field of LIST_FIELDS) asset[field] = [...values.lists[field]];
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
