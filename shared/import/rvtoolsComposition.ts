/**
 * Composes the logical table of an RVTools workbook: one row per VM from vInfo, enriched
 * from vNetwork (every IP and MAC of every NIC), vPartition (summed partition sizes), vHost
 * (ESX version, vendor, model of the VM's host) and the VM's BIOS serial. Rows join by VM UUID,
 * else by name within the VM's vCenter, datacenter and host, so merged multi-vCenter exports
 * (same VM names, same short host names, same morefs) join each VM to its own rows.
 * Pure: works on sheets already read.
 */
import { normaliseHeaders } from './headers.ts';

/** A sheet held in memory. */
export interface BufferedSheet {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** The composed table and which sheets fed it. */
export interface ComposedTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** One line, e.g. `rvtools: vInfo + vNetwork + vPartition + vHost`. */
  readonly composition: string;
}

/** Sheets the composition joins onto vInfo (buffered while reading, they are small). */
export const RVTOOLS_JOIN_SHEETS = ['vinfo', 'vnetwork', 'vpartition', 'vhost'] as const;

function column(headers: readonly string[], ...names: string[]): number {
  const lower = headers.map((h) => h.toLowerCase());
  for (const name of names) {
    const i = lower.indexOf(name.toLowerCase());
    if (i >= 0) return i;
  }
  return -1;
}

/** True when the sheets look like an RVTools export: a vInfo sheet with a VM column plus another v* sheet. */
export function looksLikeRvtools(
  sheetNames: readonly string[],
  vInfoHeaders: readonly string[] | undefined,
): boolean {
  if (!vInfoHeaders || column(vInfoHeaders, 'VM') < 0) return false;
  return sheetNames.some((n) => /^v[A-Z]/.test(n) && n.toLowerCase() !== 'vinfo');
}

/** Columns that identify one VM across the sheets of an export (instance UUIDs are unique across vCenters). */
const UUID_COLUMNS = ['VM UUID', 'UUID'];

/**
 * Columns that place a row: rows of one VM agree on them. They tell apart VMs that share a name (one per
 * vCenter or datacenter in a merged export); "VM ID" is a per-vCenter moref (vm-1021) that repeats across
 * vCenters, so it is one more placing column, never an identity on its own.
 */
const CONTEXT_COLUMNS = ['VI SDK UUID', 'VI SDK Server', 'Datacenter', 'Cluster', 'Host', 'VM ID'];

function cellKey(row: readonly string[], at: number): string {
  return at >= 0 ? (row[at] ?? '').trim().toLowerCase() : '';
}

/** Pairs of positions of the context columns two sheets share: [in the join sheet, in the other sheet]. */
function sharedContext(
  sheet: BufferedSheet,
  other: BufferedSheet,
  names = CONTEXT_COLUMNS,
): [number, number][] {
  return names
    .map((name) => [column(sheet.headers, name), column(other.headers, name)] as [number, number])
    .filter(([a, b]) => a >= 0 && b >= 0);
}

/** True unless a shared context column is filled on both rows with different values. */
function sameContext(
  row: readonly string[],
  other: readonly string[],
  pairs: readonly [number, number][],
): boolean {
  for (const [a, b] of pairs) {
    const x = cellKey(row, a);
    const y = cellKey(other, b);
    if (x !== '' && y !== '' && x !== y) return false;
  }
  return true;
}

/**
 * Rows of a join sheet (vNetwork, vPartition) by VM UUID when both sheets have one, else by VM name.
 * A name that several vInfo rows share is resolved by the placing columns (vCenter, datacenter, host, moref);
 * rows still ambiguous go to no VM rather than to the wrong one.
 */
class VmIndex {
  private readonly byId = new Map<string, (readonly string[])[]>();
  private readonly byName = new Map<string, (readonly string[])[]>();
  private readonly vInfoIdAt: number;
  private readonly vInfoNameAt: number;
  private readonly context: [number, number][];
  private readonly repeatedNames: ReadonlySet<string>;

  constructor(sheet: BufferedSheet, vInfo: BufferedSheet, repeatedNames: ReadonlySet<string>) {
    const idColumn = UUID_COLUMNS.find((c) => column(sheet.headers, c) >= 0 && column(vInfo.headers, c) >= 0);
    const idAt = idColumn ? column(sheet.headers, idColumn) : -1;
    this.vInfoIdAt = idColumn ? column(vInfo.headers, idColumn) : -1;
    this.vInfoNameAt = column(vInfo.headers, 'VM');
    this.context = sharedContext(sheet, vInfo);
    this.repeatedNames = repeatedNames;
    const nameAt = column(sheet.headers, 'VM');
    for (const row of sheet.rows) {
      const id = cellKey(row, idAt);
      // A row with an id joins by id only; by name only rows that lack one (names can repeat).
      if (id !== '') add(this.byId, id, row);
      else add(this.byName, cellKey(row, nameAt), row);
    }
  }

  /** The rows of the vInfo row's VM: those with its UUID, plus (by name and place) any that carry no UUID. */
  lookup(vInfoRow: readonly string[]): readonly (readonly string[])[] {
    const id = cellKey(vInfoRow, this.vInfoIdAt);
    const byId = id !== '' ? (this.byId.get(id) ?? []) : [];
    const name = cellKey(vInfoRow, this.vInfoNameAt);
    let byName = this.byName.get(name) ?? [];
    if (byName.length > 0 && this.repeatedNames.has(name)) {
      byName = this.context.length === 0 ? [] : byName.filter((r) => sameContext(r, vInfoRow, this.context));
    }
    return byName.length === 0 ? byId : byId.length === 0 ? byName : [...byId, ...byName];
  }
}

/** Names (lower-cased) that more than one vInfo row carries. */
function repeatedNames(vInfo: BufferedSheet): Set<string> {
  const nameAt = column(vInfo.headers, 'VM');
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const row of vInfo.rows) {
    const name = cellKey(row, nameAt);
    if (seen.has(name)) repeated.add(name);
    else seen.add(name);
  }
  return repeated;
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** An IPv6 link-local address (fe80::/10): every NIC has one, it identifies nothing beyond its link. */
const LINK_LOCAL_V6 = /^fe[89ab][0-9a-f]:/i;

/** The distinct addresses of some columns of the rows, in row order: cells may hold several ("10.0.0.1, 10.0.0.2"). */
function listValues(
  rows: readonly (readonly string[])[],
  columns: readonly number[],
  keep = (_: string) => true,
): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    for (const at of columns) {
      for (const part of (row[at] ?? '').split(/[,;\s]+/)) if (part !== '' && keep(part)) seen.add(part);
    }
  }
  return [...seen];
}

function parseNumber(text: string): number | undefined {
  const cleaned = text.replace(/[,\s]/g, '');
  if (cleaned === '') return undefined;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : undefined;
}

function sumValues(rows: readonly (readonly string[])[], at: number): string {
  let total = 0;
  let any = false;
  for (const row of rows) {
    const n = parseNumber(row[at] ?? '');
    if (n !== undefined) {
      total += n;
      any = true;
    }
  }
  return any ? String(Math.round(total * 100) / 100) : '';
}

function firstLabel(host: string): string {
  return (host.trim().toLowerCase().split('.')[0] as string) ?? '';
}

/** A column added to vInfo (or, with `replaces`, put in place of one): its header and its value for one vInfo row. */
interface Enrichment {
  readonly header: string;
  readonly value: (row: readonly string[]) => string;
  /** Position of the vInfo column this one stands in for. */
  readonly replaces?: number;
}

function networkEnrichments(vInfo: BufferedSheet, vNetwork: BufferedSheet, index: VmIndex): Enrichment[] {
  const out: Enrichment[] = [];
  const infoIpAt = vInfo.headers.findIndex((h) => /\bip(v4)?\s*address/i.test(h));
  const hasMac = vInfo.headers.some((h) => /\bmac\s*address/i.test(h));
  const v4At = column(vNetwork.headers, 'IPv4 Address', 'IP Address');
  const v6At = column(vNetwork.headers, 'IPv6 Address');
  const ipColumns = [v4At, v6At].filter((at) => at >= 0);
  const macAt = column(vNetwork.headers, 'Mac Address', 'MAC');
  const routable = (ip: string) => !LINK_LOCAL_V6.test(ip);
  if (ipColumns.length > 0) {
    // Every routable address of every NIC, vInfo's primary one first. vInfo's "Primary IP Address" holds
    // one address only (a VM with four NICs would keep one of its IPs): the full list takes its place.
    const ips = new Map<readonly string[], string>();
    let anyV6 = false;
    for (const r of vInfo.rows) {
      const primary = infoIpAt >= 0 ? listValues([r], [infoIpAt], routable) : [];
      const list = [...new Set([...primary, ...listValues(index.lookup(r), ipColumns, routable)])];
      anyV6 ||= list.some((ip) => ip.includes(':'));
      ips.set(r, list.join(', '));
    }
    out.push({
      header: infoIpAt >= 0 || anyV6 ? 'IP Addresses' : 'IPv4 Address',
      value: (r) => ips.get(r) ?? '',
      ...(infoIpAt >= 0 ? { replaces: infoIpAt } : {}),
    });
  }
  if (!hasMac && macAt >= 0) {
    out.push({ header: 'Mac Address', value: (r) => listValues(index.lookup(r), [macAt]).join(', ') });
  }
  return out;
}

function partitionEnrichments(vPartition: BufferedSheet, index: VmIndex): Enrichment[] {
  const out: Enrichment[] = [];
  for (const measure of ['Capacity', 'Consumed']) {
    for (const unit of ['MiB', 'MB']) {
      const at = column(vPartition.headers, `${measure} ${unit}`);
      if (at < 0) continue;
      out.push({ header: `Partition ${measure} ${unit}`, value: (r) => sumValues(index.lookup(r), at) });
      break;
    }
  }
  return out;
}

function hostEnrichments(vInfo: BufferedSheet, vHost: BufferedSheet): Enrichment[] {
  const infoHostAt = column(vInfo.headers, 'Host');
  const hostAt = column(vHost.headers, 'Host', 'Name');
  if (infoHostAt < 0 || hostAt < 0) return [];
  const resolve = hostResolver(vInfo, vHost, infoHostAt, hostAt);
  // The host columns are computed one after another for each row: resolve the row's host once.
  let lastRow: readonly string[] | undefined;
  let lastHost: readonly string[] | undefined;
  const hostOf = (row: readonly string[]) => {
    if (row !== lastRow) {
      lastRow = row;
      lastHost = resolve(row);
    }
    return lastHost;
  };
  const out: Enrichment[] = [];
  for (const name of ['ESX Version', 'Vendor', 'Model']) {
    const at = column(vHost.headers, name);
    if (at < 0) continue;
    out.push({ header: `Host ${name}`, value: (r) => hostOf(r)?.[at] ?? '' });
  }
  return out;
}

/** Shortest host label a suffix match may rest on: shorter ones ("esx1") are too likely to collide. */
const MIN_SUFFIX_LABEL = 5;

/** Columns that place a host: a VM's host row on vHost agrees with the VM's row on them. */
const HOST_CONTEXT_COLUMNS = ['VI SDK UUID', 'VI SDK Server', 'Datacenter', 'Cluster'];

/**
 * Finds a VM's vHost row by the host's first DNS label (vHost may name hosts by short name, vInfo by FQDN).
 * When no label matches exactly, hosts whose label is a suffix of the VM's (or the reverse) are the
 * candidates: exports often name hosts with and without a site prefix (vInfo `bovmsp-04.customer.com`,
 * vHost `vmsp-04`). Candidates that contradict the VM's vCenter, datacenter or cluster are dropped (merged
 * exports repeat short names such as `esx01` in every vCenter); of several left, the one whose full name
 * is the VM's host wins; otherwise the VM gets no host row rather than a wrong one.
 */
function hostResolver(
  vInfo: BufferedSheet,
  vHost: BufferedSheet,
  infoHostAt: number,
  hostAt: number,
): (row: readonly string[]) => readonly string[] | undefined {
  const context = sharedContext(vInfo, vHost, HOST_CONTEXT_COLUMNS);
  const hosts = new Map<string, (readonly string[])[]>();
  for (const row of vHost.rows) {
    const label = firstLabel(row[hostAt] ?? '');
    if (label !== '') add(hosts, label, row);
  }
  const suffixCandidates = (label: string) =>
    [...hosts].flatMap(([other, rows]) => {
      const shorter = other.length < label.length ? other : label;
      const related = label.endsWith(other) || other.endsWith(label);
      return shorter.length >= MIN_SUFFIX_LABEL && related ? rows : [];
    });
  const cache = new Map<string, readonly string[] | undefined>();
  return (row) => {
    const host = cellKey(row, infoHostAt);
    const label = firstLabel(host);
    if (label === '') return undefined;
    const key = [host, ...context.map(([at]) => cellKey(row, at))].join('\u0000');
    if (cache.has(key)) return cache.get(key);
    const candidates = (hosts.get(label) ?? suffixCandidates(label)).filter((hostRow) =>
      sameContext(row, hostRow, context),
    );
    const named = candidates.filter((hostRow) => cellKey(hostRow, hostAt) === host);
    const found = candidates.length === 1 ? candidates[0] : named.length === 1 ? named[0] : undefined;
    cache.set(key, found);
    return found;
  };
}

/**
 * The serial number a VMware guest reports (BIOS serial, what a CMDB or discovery agent records for the VM),
 * from the VM's SMBIOS (BIOS) UUID: `VMware-` and the 16 bytes in hex, space-separated, a dash after eight.
 * @example vmwareSerial('4211a6f2-93b1-3c55-8e2a-0d1f2c3b4a59') // 'VMware-42 11 a6 f2 93 b1 3c 55-8e 2a 0d 1f 2c 3b 4a 59'
 */
export function vmwareSerial(biosUuid: string): string {
  const hex = biosUuid.replace(/[-\s{}]/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex) || /^0+$/.test(hex)) return '';
  const bytes = hex.match(/../g) as string[];
  return `VMware-${bytes.slice(0, 8).join(' ')}-${bytes.slice(8).join(' ')}`;
}

/**
 * The VM's serial number from vInfo's "SMBIOS UUID" (RVTools 4.x), unless the sheet already has a serial:
 * it is the VM's hardware identity, so two VMs that share a display name (one per vCenter) stay two assets,
 * and a CMDB record of the same VM (serial "VMware-42 11 ...") merges with it.
 */
function serialEnrichments(vInfo: BufferedSheet): Enrichment[] {
  const biosAt = column(vInfo.headers, 'SMBIOS UUID', 'BIOS UUID');
  if (biosAt < 0 || vInfo.headers.some((h) => /serial/i.test(h))) return [];
  return [{ header: 'Serial Number', value: (r) => vmwareSerial(r[biosAt] ?? '') }];
}

/** Composes vInfo with whichever of vNetwork, vPartition and vHost are present. */
export function composeRvtools(sheets: ReadonlyMap<string, BufferedSheet>): ComposedTable {
  const vInfo = sheets.get('vinfo');
  if (!vInfo) throw new Error('composeRvtools needs a vInfo sheet');
  const repeated = repeatedNames(vInfo);
  const used = [vInfo.name];
  const enrichments: Enrichment[] = serialEnrichments(vInfo);
  const parts: [string, (s: BufferedSheet) => Enrichment[]][] = [
    ['vnetwork', (s) => networkEnrichments(vInfo, s, new VmIndex(s, vInfo, repeated))],
    ['vpartition', (s) => partitionEnrichments(s, new VmIndex(s, vInfo, repeated))],
    ['vhost', (s) => hostEnrichments(vInfo, s)],
  ];
  for (const [name, build] of parts) {
    const sheet = sheets.get(name);
    if (!sheet) continue;
    const added = build(sheet);
    if (added.length === 0) continue;
    enrichments.push(...added);
    used.push(sheet.name);
  }
  // Every VM in an RVTools export runs on vSphere; say so unless the workbook already has such a column.
  if (!vInfo.headers.some((h) => /virtuali[sz]ation|hypervisor type|platform/i.test(h))) {
    enrichments.push({ header: 'Virtualization Platform', value: () => 'VMware vSphere' });
  }
  const inPlace = enrichments.filter((e) => e.replaces !== undefined);
  const appended = enrichments.filter((e) => e.replaces === undefined);
  const replacedHeaders = [...vInfo.headers];
  for (const e of inPlace) replacedHeaders[e.replaces as number] = e.header;
  const headers = normaliseHeaders([...replacedHeaders, ...appended.map((e) => e.header)]);
  const rows = vInfo.rows.map((row) => {
    const out = [...row, ...appended.map((e) => e.value(row))];
    for (const e of inPlace) out[e.replaces as number] = e.value(row);
    return out;
  });
  return { headers, rows, composition: `rvtools: ${used.join(' + ')}` };
}
