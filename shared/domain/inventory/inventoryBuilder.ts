/**
 * Builds (or extends) an engagement's inventory from cleansed rows, deduplicating across rows and uploads.
 */
import type { Asset, AssetType } from '#domain/assetSchema.ts';
import type { CleansedRecord } from '#domain/tableTypes.ts';
import { createAsset, mergeIntoAsset, type RecordValues, readRecord } from './assetRecord.ts';
import {
  type AssetIdentity,
  assetIdFor,
  isHostLikeName,
  isPlaceholderSerial,
  isSharedIp,
  normaliseFqdn,
  normaliseIp,
  shortHash,
  shortHostName,
} from './identity.ts';

/** Normalised identifiers of one asset or row, as dedup compares them. */
interface IdentityFacts {
  readonly namespace: string;
  readonly serial: string | null;
  readonly externalId: string | null;
  readonly fqdn: string | null;
  readonly host: string | null;
  readonly name: string | null;
  readonly ips: readonly string[];
}

/** A key seen on two assets that are not the same: it identifies nothing any more. */
const AMBIGUOUS = Symbol('ambiguous');

/**
 * Hosts (servers, VMs, devices) share one namespace so a CMDB server and an RVTools VM merge; databases,
 * applications and containers run on hosts and share their names and IPs, so each type gets its own.
 */
function namespaceOf(type: AssetType): string {
  return type === 'database' || type === 'application' || type === 'container' ? type : 'host';
}

function lower(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim().toLowerCase();
  return trimmed === '' ? null : trimmed;
}

function factsOf(identity: AssetIdentity, type: AssetType): IdentityFacts {
  const name = lower(identity.name);
  const hostLikeName = name !== null && isHostLikeName(name) ? name : null;
  const serial = lower(identity.serialNumber);
  return {
    namespace: namespaceOf(type),
    serial: serial !== null && !isPlaceholderSerial(serial) ? serial : null,
    externalId: lower(identity.externalId),
    fqdn: normaliseFqdn(identity.fqdn) ?? normaliseFqdn(identity.hostname) ?? normaliseFqdn(hostLikeName),
    host: shortHostName(identity.hostname) ?? shortHostName(identity.fqdn) ?? shortHostName(hostLikeName),
    name: hostLikeName !== null ? shortHostName(hostLikeName) : name,
    ips: (identity.ipAddress ?? []).map(normaliseIp).filter((ip) => ip !== '' && !isSharedIp(ip)),
  };
}

/** Index keys, strongest first. Only keys that can identify one asset are produced. */
function keysOf(facts: IdentityFacts): string[] {
  const ns = facts.namespace;
  const keys: string[] = [];
  if (facts.serial) keys.push(`s|${ns}|${facts.serial}`);
  if (facts.externalId) keys.push(`x|${ns}|${facts.externalId}`);
  if (facts.fqdn) keys.push(`f|${ns}|${facts.fqdn}`);
  if (ns === 'host') {
    if (facts.host) keys.push(`h|${ns}|${facts.host}`);
    else if (facts.name) keys.push(`n|${ns}|${facts.name}`);
  } else if (facts.name) keys.push(`n|${ns}|${facts.name}`);
  for (const ip of facts.ips) keys.push(`i|${ns}|${ip}`);
  return keys;
}

function differ(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a !== b;
}

/**
 * Two identities that share a key are still different assets when a stronger identifier disagrees: a
 * different FQDN, host name or real serial (hosts behind one NAT/VIP address), or, where host names do
 * not settle it, a different name (two database instances on one server).
 */
function conflicting(a: IdentityFacts, b: IdentityFacts): boolean {
  if (differ(a.fqdn, b.fqdn) || differ(a.host, b.host) || differ(a.serial, b.serial)) return true;
  const hostsAgree = a.host !== null && a.host === b.host;
  if (a.namespace !== 'host' || !hostsAgree) return differ(a.name, b.name);
  return false;
}

/**
 * A name that merely repeats another identifier (an external id, serial or IP used because the row had no
 * name) or the `row-N` fallback is no identity of its own: comparing it would split real duplicates.
 */
function ownName(asset: Asset): string | null {
  const name = asset.name.trim().toLowerCase();
  if (/^row-\d+$/.test(name)) return null;
  const standIns = [asset.externalId, asset.serialNumber, ...(asset.ipAddress ?? [])];
  return standIns.some((value) => value?.trim().toLowerCase() === name) ? null : asset.name;
}

function identityOf(asset: Asset): AssetIdentity {
  return {
    hostname: asset.hostname,
    fqdn: asset.fqdn,
    name: ownName(asset),
    serialNumber: asset.serialNumber,
    externalId: asset.externalId,
    ipAddress: asset.ipAddress ?? [],
  };
}

function recordIdentity(values: RecordValues): AssetIdentity {
  return {
    hostname: values.scalars.hostname as string | null | undefined,
    fqdn: values.scalars.fqdn as string | null | undefined,
    name: values.explicitName,
    serialNumber: values.scalars.serialNumber as string | null | undefined,
    externalId: values.scalars.externalId as string | null | undefined,
    ipAddress: values.lists.ipAddress,
  };
}

function hasIdentity(facts: IdentityFacts): boolean {
  return Boolean(
    facts.serial || facts.externalId || facts.fqdn || facts.host || facts.name || facts.ips.length > 0,
  );
}

/**
 * Builds/merges an engagement's inventory from cleansed records, deduplicating across rows and across
 * uploads by hostname, FQDN (and its short name), IP, serial number and external id (case-insensitive).
 * Only identifiers that identify one asset count: shared addresses (loopback, link-local) and placeholder
 * serials are never keys, and a key found on two assets that disagree on a stronger identifier is dropped
 * from the index. A row with no identity at all is kept as an asset named `row-N` (never dropped) and
 * counted in `rowsWithoutIdentity`. Work per row is O(1) amortised (maps keyed by normalised identifiers).
 *
 * Ids: existing assets keep theirs; a new asset's id is derived in `result()` from the strongest
 * identifier of the merged asset (see assetIdFor), so the same rows in any order give the same ids.
 */
export class InventoryBuilder {
  private readonly assets: Asset[] = [];
  private readonly isNew: boolean[] = [];
  private readonly index = new Map<string, number | typeof AMBIGUOUS>();
  private readonly derivedNames = new Set<number>();
  private created = 0;
  private merged = 0;
  private rowsWithoutIdentity = 0;

  /** @param existing assets already stored for the engagement (a repeated upload merges into them). */
  constructor(existing?: Iterable<Asset>) {
    for (const asset of existing ?? []) {
      const copy: Asset = structuredClone(asset);
      const position = this.assets.push(copy) - 1;
      this.isNew.push(false);
      this.index.set(`id|${copy.assetId}`, position);
      this.register(position, keysOf(factsOf(identityOf(copy), copy.assetType)));
    }
  }

  /** Adds one cleansed row: merges it into the asset it duplicates, or creates a new asset. */
  add(record: CleansedRecord): void {
    const values = readRecord(record);
    const facts = factsOf(recordIdentity(values), values.type);
    if (!hasIdentity(facts)) {
      this.addWithoutIdentity(record, values);
      return;
    }
    const keys = keysOf(facts);
    const match = this.findMatch(keys, facts);
    if (match !== null) {
      this.mergeAt(match, values, record);
      this.register(match, keys);
      return;
    }
    const name = values.explicitName ?? values.derivedName ?? `row-${record.row}`;
    const position = this.assets.push(createAsset('', name, values, record)) - 1;
    this.isNew.push(true);
    if (!values.explicitName) this.derivedNames.add(position);
    this.created += 1;
    this.register(position, keys);
  }

  /** The inventory: existing assets (updated) then new ones in first-seen order, with the counts. */
  result(): { assets: Asset[]; created: number; merged: number; rowsWithoutIdentity: number } {
    const used = new Set<string>();
    for (let i = 0; i < this.assets.length; i += 1)
      if (!this.isNew[i]) used.add(this.assets[i]?.assetId ?? '');
    for (let i = 0; i < this.assets.length; i += 1) {
      const asset = this.assets[i];
      if (!asset || !this.isNew[i] || asset.assetId !== '') continue;
      asset.assetId = uniqueId(asset, used);
    }
    return {
      assets: this.assets,
      created: this.created,
      merged: this.merged,
      rowsWithoutIdentity: this.rowsWithoutIdentity,
    };
  }

  private addWithoutIdentity(record: CleansedRecord, values: RecordValues): void {
    this.rowsWithoutIdentity += 1;
    const assetId = `a-${shortHash(`row:${record.uploadId}:${record.row}`)}`;
    const existing = this.index.get(`id|${assetId}`);
    if (typeof existing === 'number') {
      this.mergeAt(existing, values, record);
      return;
    }
    const position = this.assets.push(createAsset(assetId, `row-${record.row}`, values, record)) - 1;
    this.isNew.push(true);
    this.index.set(`id|${assetId}`, position);
    this.created += 1;
  }

  private findMatch(keys: readonly string[], facts: IdentityFacts): number | null {
    for (const key of keys) {
      const position = this.index.get(key);
      if (position === undefined || position === AMBIGUOUS) continue;
      const asset = this.assets[position];
      if (!asset) continue;
      if (conflicting(factsOf(identityOf(asset), asset.assetType), facts)) {
        this.index.set(key, AMBIGUOUS);
        continue;
      }
      return position;
    }
    return null;
  }

  private mergeAt(position: number, values: RecordValues, record: CleansedRecord): void {
    const asset = this.assets[position];
    if (!asset) return;
    mergeIntoAsset(asset, values, record);
    if (values.explicitName && this.derivedNames.has(position)) {
      asset.name = values.explicitName;
      this.derivedNames.delete(position);
    }
    this.merged += 1;
  }

  /** Points each key at the asset; a key already pointing at another asset is ambiguous from now on. */
  private register(position: number, keys: readonly string[]): void {
    for (const key of keys) {
      const current = this.index.get(key);
      if (current === undefined) this.index.set(key, position);
      else if (current !== position) this.index.set(key, AMBIGUOUS);
    }
  }
}

/** Id from the strongest identifier; on a clash (two assets with one strongest key) the full identity decides. */
function uniqueId(asset: Asset, used: Set<string>): string {
  const identity = identityOf(asset);
  let id = assetIdFor(identity);
  if (used.has(id)) {
    const full = [asset.assetType, identity.serialNumber, identity.fqdn, identity.hostname, identity.name]
      .concat(identity.externalId ?? null, [...(identity.ipAddress ?? [])].sort())
      .map((part) => (part ?? '').toString().toLowerCase())
      .join('|');
    id = `a-${shortHash(`full:${full}`)}`;
    for (let n = 2; used.has(id); n += 1) id = `a-${shortHash(`full:${full}#${n}`)}`;
  }
  used.add(id);
  return id;
}
