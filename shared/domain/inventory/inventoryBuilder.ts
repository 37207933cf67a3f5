/**
 * Builds (or extends) an engagement's inventory from cleansed rows, deduplicating across rows and uploads.
 */
import type { Asset, AssetType } from '#domain/assetSchema.ts';
import type { CleansedRecord } from '#domain/tableTypes.ts';
import {
  copyPlainData,
  createAsset,
  mergeIntoAsset,
  RecordReader,
  type RecordValues,
} from './assetRecord.ts';
import {
  type AssetIdentity,
  assetIdFor,
  isHostLikeName,
  isPlaceholderSerial,
  isSharedIp,
  lowerTrim,
  normaliseFqdn,
  normaliseIp,
  shortHash,
  shortHostName,
} from './identity.ts';
import { AMBIGUOUS, IdentityIndex, identityHash, MISSING } from './identityIndex.ts';
import { isHypervisorPlacement, isUuid, placementOf, placementsConflict, shareAnIp } from './placement.ts';

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

/**
 * The kinds of identity key, one map each per namespace (keyed by the normalised identifier alone, so no
 * composite key string is built per row).
 */
const SERIAL = 0;
const EXTERNAL_ID = 1;
const FQDN = 2;
const HOST = 3;
const NAME = 4;
const IP = 5;
const KEY_KINDS = 6;

const NO_IPS: readonly string[] = Object.freeze([]);

/**
 * Hosts (servers, VMs, devices) share one namespace so a CMDB server and an RVTools VM merge; databases,
 * applications and containers run on hosts and share their names and IPs, so each type gets its own.
 */
function namespaceOf(type: AssetType): string {
  return type === 'database' || type === 'application' || type === 'container' ? type : 'host';
}

function lower(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const lowered = lowerTrim(value);
  return lowered === '' ? null : lowered;
}

/**
 * The usable IPs of a list: normalised, without blanks and shared addresses (loopback, link-local...). A list
 * that is already all of that (the usual case) is returned itself rather than copied: facts only read it,
 * and an asset's facts are dropped whenever a merge changes the asset.
 */
function usableIps(list: readonly string[] | undefined): readonly string[] {
  if (list === undefined || list.length === 0) return NO_IPS;
  let ips: string[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as string;
    const ip = normaliseIp(item);
    const usable = ip !== '' && !isSharedIp(ip);
    if (ips === null) {
      if (usable && ip === item) continue;
      ips = list.slice(0, i) as string[];
    }
    if (usable) ips.push(ip);
  }
  if (ips === null) return list;
  return ips.length === 0 ? NO_IPS : ips;
}

function factsOf(identity: AssetIdentity, type: AssetType): IdentityFacts {
  return factsFrom(
    identity.hostname,
    identity.fqdn,
    identity.name,
    identity.serialNumber,
    identity.externalId,
    identity.ipAddress,
    type,
  );
}

function factsFrom(
  hostname: string | null | undefined,
  fqdn: string | null | undefined,
  rawName: string | null | undefined,
  serialNumber: string | null | undefined,
  externalId: string | null | undefined,
  ipAddress: readonly string[] | undefined,
  type: AssetType,
): IdentityFacts {
  const name = lower(rawName);
  const hostLikeName = name !== null && isHostLikeName(name) ? name : null;
  const nameHost = hostLikeName !== null ? shortHostName(hostLikeName) : null;
  let host = shortHostName(hostname) ?? shortHostName(fqdn) ?? nameHost;
  // The same text as the name's short form (usually the row's own name string): the index keeps one string.
  if (host !== null && host === nameHost) host = nameHost;
  const serial = lower(serialNumber);
  return {
    namespace: namespaceOf(type),
    serial: serial !== null && !isPlaceholderSerial(serial) ? serial : null,
    externalId: lower(externalId),
    fqdn: normaliseFqdn(fqdn) ?? normaliseFqdn(hostname) ?? normaliseFqdn(hostLikeName),
    host,
    name: hostLikeName !== null ? nameHost : name,
    ips: usableIps(ipAddress),
  };
}

function recordFacts(values: RecordValues): IdentityFacts {
  const scalars = values.scalars;
  return factsFrom(
    scalars.hostname as string | null | undefined,
    scalars.fqdn as string | null | undefined,
    values.explicitName,
    scalars.serialNumber as string | null | undefined,
    scalars.externalId as string | null | undefined,
    values.lists.ipAddress,
    values.type,
  );
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

/** True for the `row-N` fallback name (already trimmed and lower-cased). */
function isRowFallbackName(name: string): boolean {
  if (name.length < 5 || !name.startsWith('row-')) return false;
  for (let i = 4; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function sameText(value: string | null | undefined, lowered: string): boolean {
  return value !== null && value !== undefined && lowerTrim(value) === lowered;
}

/**
 * A name that merely repeats another identifier (an external id, serial or IP used because the row had no
 * name) or the `row-N` fallback is no identity of its own: comparing it would split real duplicates.
 */
function ownName(asset: Asset): string | null {
  const name = lowerTrim(asset.name);
  if (isRowFallbackName(name)) return null;
  if (sameText(asset.externalId, name) || sameText(asset.serialNumber, name)) return null;
  const ips = asset.ipAddress ?? [];
  for (let i = 0; i < ips.length; i++) if (sameText(ips[i], name)) return null;
  return asset.name;
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
 * from the index. Two VMs that share only a name are kept apart when both carry a VM UUID, the UUIDs
 * differ and they run in different places (see apartByPlacement). A row with no identity at all is kept as
 * an asset named `row-N` (never dropped) and counted in `rowsWithoutIdentity`. Work per row is O(1)
 * amortised (maps keyed by normalised identifiers).
 *
 * Ids: existing assets keep theirs; a new asset's id is derived in `result()` from the strongest
 * identifier of the merged asset (see assetIdFor), so the same rows in any order give the same ids
 * (same-named VMs kept apart take their full-identity id, not the name they share, whichever came first).
 */
export class InventoryBuilder {
  private readonly assets: Asset[] = [];
  private readonly isNew: boolean[] = [];
  /** Identity facts of each asset, computed when first compared and dropped when a merge changes it. */
  private readonly assetFacts: (IdentityFacts | undefined)[] = [];
  /** Per namespace, one index per key kind (SERIAL..IP) from normalised identifier to asset. */
  private readonly index = new Map<string, IdentityIndex[]>();
  /** Asset ids of stored assets and of rows without identity. */
  private readonly ids = new Map<string, number>();
  private readonly derivedNames = new Set<number>();
  private readonly reader = new RecordReader();
  /** The current row's keys, strongest first: the index of each, the identifier and its hash. */
  private readonly keyIndexes: IdentityIndex[] = [];
  private readonly keyValues: string[] = [];
  private readonly keyHashes: number[] = [];
  /** What findMatch found under each key it reached, so register looks no key up twice. */
  private readonly keySlots: number[] = [];
  private keysLookedUp = 0;
  /** The current row's name keys (FQDN, host name, name) are keys nameKeysFrom..nameKeysTo-1. */
  private nameKeysFrom = 0;
  private nameKeysTo = 0;
  /** True when findMatch refused the current row a name match by its VM UUID and placement. */
  private refusedApart = false;
  /** New assets that share a name with a VM proven to be another machine (see apartByPlacement). */
  private readonly apart = new Set<number>();
  private created = 0;
  private merged = 0;
  private rowsWithoutIdentity = 0;

  /** @param existing assets already stored for the engagement (a repeated upload merges into them). */
  constructor(existing?: Iterable<Asset>) {
    for (const asset of existing ?? []) {
      const copy: Asset = copyPlainData(asset);
      const position = this.push(copy, false);
      this.ids.set(copy.assetId, position);
      const facts = factsOf(identityOf(copy), copy.assetType);
      this.assetFacts[position] = facts;
      const keyCount = this.collectKeys(facts);
      this.keysLookedUp = 0;
      this.register(position, keyCount);
    }
  }

  /** Adds one cleansed row: merges it into the asset it duplicates, or creates a new asset. */
  add(record: CleansedRecord): void {
    const values = this.reader.read(record);
    const facts = recordFacts(values);
    if (!hasIdentity(facts)) {
      this.addWithoutIdentity(record, values);
      return;
    }
    const keyCount = this.collectKeys(facts);
    const match = this.findMatch(keyCount, facts, values, record.custom);
    if (match !== null) {
      this.mergeAt(match, values, record);
      this.register(match, keyCount);
      return;
    }
    const name = values.explicitName ?? values.derivedName ?? `row-${record.row}`;
    const position = this.push(createAsset('', name, values, record), true);
    if (!values.explicitName) this.derivedNames.add(position);
    if (this.refusedApart) this.apart.add(position);
    this.created += 1;
    this.register(position, keyCount);
  }

  /** The inventory: existing assets (updated) then new ones in first-seen order, with the counts. */
  result(): { assets: Asset[]; created: number; merged: number; rowsWithoutIdentity: number } {
    const used = new IdSet();
    for (let i = 0; i < this.assets.length; i += 1)
      if (!this.isNew[i]) used.claim(this.assets[i]?.assetId ?? '');
    const sharedIds = this.idsSharedApart();
    for (let i = 0; i < this.assets.length; i += 1) {
      const asset = this.assets[i];
      if (!asset || !this.isNew[i] || asset.assetId !== '') continue;
      asset.assetId = uniqueId(asset, used, sharedIds);
    }
    // The caller gets the assets themselves: facts are recomputed should it change them and add more rows.
    this.assetFacts.fill(undefined);
    return {
      assets: this.assets,
      created: this.created,
      merged: this.merged,
      rowsWithoutIdentity: this.rowsWithoutIdentity,
    };
  }

  /**
   * The ids that two or more new assets kept apart by their VM UUIDs and placement would derive from their
   * one strongest key (their shared name): none of them gets it, so which is which does not depend on the
   * order of the rows (a first-come rule would hand the plain id to whichever row came first).
   */
  private idsSharedApart(): ReadonlySet<string> {
    const seen = new Set<string>();
    const shared = new Set<string>();
    for (const position of this.apart) {
      const asset = this.assets[position];
      if (!asset || !this.isNew[position] || asset.assetId !== '') continue;
      const id = assetIdFor(identityOf(asset));
      if (seen.has(id)) shared.add(id);
      else seen.add(id);
    }
    return shared;
  }

  private push(asset: Asset, isNew: boolean): number {
    this.isNew.push(isNew);
    this.assetFacts.push(undefined);
    return this.assets.push(asset) - 1;
  }

  private addWithoutIdentity(record: CleansedRecord, values: RecordValues): void {
    this.rowsWithoutIdentity += 1;
    const assetId = `a-${shortHash(`row:${record.uploadId}:${record.row}`)}`;
    const existing = this.ids.get(assetId);
    if (existing !== undefined) {
      this.mergeAt(existing, values, record);
      return;
    }
    const position = this.push(createAsset(assetId, `row-${record.row}`, values, record), true);
    this.ids.set(assetId, position);
    this.created += 1;
  }

  /** The key indexes of a namespace, made on first use. */
  private indexesOf(namespace: string): IdentityIndex[] {
    let indexes = this.index.get(namespace);
    if (indexes === undefined) {
      indexes = Array.from({ length: KEY_KINDS }, () => new IdentityIndex());
      this.index.set(namespace, indexes);
    }
    return indexes;
  }

  /**
   * Lists the index keys of an identity, strongest first, into keyIndexes/keyValues/keyHashes and returns
   * how many.
   * Only keys that can identify one asset are produced.
   */
  private collectKeys(facts: IdentityFacts): number {
    const indexes = this.indexesOf(facts.namespace);
    let count = 0;
    if (facts.serial) count = this.addKey(count, indexes[SERIAL], facts.serial);
    if (facts.externalId) count = this.addKey(count, indexes[EXTERNAL_ID], facts.externalId);
    this.nameKeysFrom = count;
    if (facts.fqdn) count = this.addKey(count, indexes[FQDN], facts.fqdn);
    if (facts.namespace === 'host') {
      if (facts.host) count = this.addKey(count, indexes[HOST], facts.host);
      else if (facts.name) count = this.addKey(count, indexes[NAME], facts.name);
    } else if (facts.name) count = this.addKey(count, indexes[NAME], facts.name);
    this.nameKeysTo = count;
    for (const ip of facts.ips) count = this.addKey(count, indexes[IP], ip);
    return count;
  }

  /** Puts one key at `at` of the current row's keys and returns the new count. */
  private addKey(at: number, index: IdentityIndex | undefined, value: string): number {
    this.keyIndexes[at] = index as IdentityIndex;
    this.keyValues[at] = value;
    this.keyHashes[at] = identityHash(value);
    return at + 1;
  }

  private findMatch(
    keyCount: number,
    facts: IdentityFacts,
    values: RecordValues,
    custom: CleansedRecord['custom'],
  ): number | null {
    const slots = this.keySlots;
    this.refusedApart = false;
    for (let k = 0; k < keyCount; k++) {
      const index = this.keyIndexes[k] as IdentityIndex;
      const value = this.keyValues[k] as string;
      const hash = this.keyHashes[k] as number;
      const position = index.get(value, hash);
      slots[k] = position;
      if (position < 0) continue;
      const asset = this.assets[position];
      if (!asset) continue;
      let known = this.assetFacts[position];
      if (known === undefined) {
        known = factsOf(identityOf(asset), asset.assetType);
        this.assetFacts[position] = known;
      }
      const byName = k >= this.nameKeysFrom && k < this.nameKeysTo;
      if (
        conflicting(known, facts) ||
        (byName &&
          differ(known.externalId, facts.externalId) &&
          this.apartByPlacement(position, known, facts, values, custom))
      ) {
        index.set(value, hash, AMBIGUOUS);
        slots[k] = AMBIGUOUS;
        continue;
      }
      this.keysLookedUp = k + 1;
      return position;
    }
    this.keysLookedUp = keyCount;
    return null;
  }

  /**
   * True when a row that shares only a name with an asset (FQDN, host name or display name, but no serial
   * and no IP) is provably another machine: both are VMs from a virtualisation inventory (a vCenter, cluster
   * or host says where they run), both carry a VM UUID, the two differ, and they run in different places
   * (see placementsConflict). Such rows are two VMs (DR copies, restored clones in another vCenter);
   * a CMDB record id, or a missing placement, proves nothing, so CMDB duplicates and a CMDB row plus the
   * RVTools row of its VM still merge. Marks the asset, and the row's asset if it becomes one, as apart.
   * Only called when both external ids are known and differ.
   */
  private apartByPlacement(
    position: number,
    known: IdentityFacts,
    facts: IdentityFacts,
    values: RecordValues,
    custom: CleansedRecord['custom'],
  ): boolean {
    const asset = this.assets[position] as Asset;
    if (asset.assetType !== 'virtual_machine' || values.type !== 'virtual_machine') return false;
    if (!isUuid(known.externalId as string) || !isUuid(facts.externalId as string)) return false;
    if (known.serial !== null && known.serial === facts.serial) return false;
    if (shareAnIp(known.ips, facts.ips)) return false;
    const theirs = placementOf(asset, asset.customAttributes);
    const ours = placementOf(values.scalars, custom);
    if (!isHypervisorPlacement(theirs) || !isHypervisorPlacement(ours)) return false;
    if (!placementsConflict(theirs, ours)) return false;
    this.apart.add(position);
    this.refusedApart = true;
    return true;
  }

  private mergeAt(position: number, values: RecordValues, record: CleansedRecord): void {
    const asset = this.assets[position];
    if (!asset) return;
    mergeIntoAsset(asset, values, record);
    if (values.explicitName && this.derivedNames.has(position)) {
      asset.name = values.explicitName;
      this.derivedNames.delete(position);
    }
    this.assetFacts[position] = undefined;
    this.merged += 1;
  }

  /**
   * Points each collected key at the asset; a key already pointing at another asset is ambiguous from now on.
   * Keys findMatch looked up reuse what it found (a repeated key in one row finds the same, and pointing a
   * key at the asset twice changes nothing more than once).
   */
  private register(position: number, keyCount: number): void {
    const lookedUp = this.keysLookedUp;
    for (let k = 0; k < keyCount; k++) {
      const index = this.keyIndexes[k] as IdentityIndex;
      const value = this.keyValues[k] as string;
      const hash = this.keyHashes[k] as number;
      const current = k < lookedUp ? (this.keySlots[k] as number) : index.get(value, hash);
      if (current === MISSING) index.set(value, hash, position);
      else if (current !== position && current !== AMBIGUOUS) index.set(value, hash, AMBIGUOUS);
    }
  }
}

/** The asset ids handed out so far (an IdentityIndex used as a set: a million ids stay cheap to test). */
class IdSet {
  private readonly index = new IdentityIndex();

  /** Adds `id` unless it was handed out already; true when it was added (its hash is computed once). */
  claim(id: string): boolean {
    return this.index.addIfMissing(id, identityHash(id), 0);
  }
}

/**
 * Id from the strongest identifier; on a clash (two assets with one strongest key), or when that id is
 * `shared` by assets kept apart (see idsSharedApart), the full identity decides.
 */
function uniqueId(asset: Asset, used: IdSet, shared: ReadonlySet<string>): string {
  const identity = identityOf(asset);
  const id = assetIdFor(identity);
  if (!shared.has(id) && used.claim(id)) return id;
  const full = [asset.assetType, identity.serialNumber, identity.fqdn, identity.hostname, identity.name]
    .concat(identity.externalId ?? null, [...(identity.ipAddress ?? [])].sort())
    .map((part) => (part ?? '').toString().toLowerCase())
    .join('|');
  let other = `a-${shortHash(`full:${full}`)}`;
  for (let n = 2; !used.claim(other); n += 1) other = `a-${shortHash(`full:${full}#${n}`)}`;
  return other;
}
