/**
 * Composes the logical table of an RVTools workbook: one row per VM from vInfo, enriched
 * from vNetwork (IPs, MACs), vPartition (summed partition sizes) and vHost (ESX version,
 * vendor, model of the VM's host). Pure: works on sheets already read.
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

const UUID_COLUMNS = ['VM UUID', 'VM ID', 'UUID'];

/** Rows of a join sheet grouped by VM UUID (when both sides have one) and by VM name. */
class VmIndex {
  private readonly byId = new Map<string, (readonly string[])[]>();
  private readonly byName = new Map<string, (readonly string[])[]>();
  readonly idColumn: string | undefined;

  constructor(sheet: BufferedSheet, vInfo: BufferedSheet) {
    this.idColumn = UUID_COLUMNS.find((c) => column(sheet.headers, c) >= 0 && column(vInfo.headers, c) >= 0);
    const nameAt = column(sheet.headers, 'VM');
    const idAt = this.idColumn ? column(sheet.headers, this.idColumn) : -1;
    for (const row of sheet.rows) {
      const id = idAt >= 0 ? (row[idAt] ?? '').trim().toLowerCase() : '';
      // A row with an id joins by id only; by name only rows that lack one (names can repeat).
      if (id !== '') add(this.byId, id, row);
      else add(this.byName, (row[nameAt] ?? '').trim().toLowerCase(), row);
    }
  }

  /** The rows of the VM: those with its UUID, plus (by name) any that carry no UUID. */
  lookup(name: string, id: string): readonly (readonly string[])[] {
    const key = id.trim().toLowerCase();
    const byName = this.byName.get(name.trim().toLowerCase()) ?? [];
    const byId = key !== '' ? (this.byId.get(key) ?? []) : [];
    return byId.length === 0 ? byName : byName.length === 0 ? byId : [...byId, ...byName];
  }
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function listValues(rows: readonly (readonly string[])[], at: number): string {
  const seen = new Set<string>();
  for (const row of rows) {
    for (const part of (row[at] ?? '').split(/[,;\s]+/)) if (part !== '') seen.add(part);
  }
  return [...seen].join(', ');
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

/** A column added to vInfo: its header and how to compute it for one vInfo row. */
interface Enrichment {
  readonly header: string;
  readonly value: (row: readonly string[]) => string;
}

function networkEnrichments(vInfo: BufferedSheet, vNetwork: BufferedSheet, key: KeyOf): Enrichment[] {
  const index = new VmIndex(vNetwork, vInfo);
  const out: Enrichment[] = [];
  const hasIp = vInfo.headers.some((h) => /\bip(v4)?\s*address/i.test(h));
  const hasMac = vInfo.headers.some((h) => /\bmac\s*address/i.test(h));
  const ipAt = column(vNetwork.headers, 'IPv4 Address', 'IP Address');
  const macAt = column(vNetwork.headers, 'Mac Address', 'MAC');
  const rowsOf = (row: readonly string[]) => index.lookup(...key(row, index.idColumn));
  if (!hasIp && ipAt >= 0) out.push({ header: 'IPv4 Address', value: (r) => listValues(rowsOf(r), ipAt) });
  if (!hasMac && macAt >= 0) out.push({ header: 'Mac Address', value: (r) => listValues(rowsOf(r), macAt) });
  return out;
}

function partitionEnrichments(vInfo: BufferedSheet, vPartition: BufferedSheet, key: KeyOf): Enrichment[] {
  const index = new VmIndex(vPartition, vInfo);
  const out: Enrichment[] = [];
  for (const measure of ['Capacity', 'Consumed']) {
    for (const unit of ['MiB', 'MB']) {
      const at = column(vPartition.headers, `${measure} ${unit}`);
      if (at < 0) continue;
      out.push({
        header: `Partition ${measure} ${unit}`,
        value: (r) => sumValues(index.lookup(...key(r, index.idColumn)), at),
      });
      break;
    }
  }
  return out;
}

function hostEnrichments(vInfo: BufferedSheet, vHost: BufferedSheet): Enrichment[] {
  const infoHostAt = column(vInfo.headers, 'Host');
  const hostAt = column(vHost.headers, 'Host', 'Name');
  if (infoHostAt < 0 || hostAt < 0) return [];
  const hostOf = hostResolver(vInfo, vHost, infoHostAt, hostAt);
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

/**
 * Finds a VM's vHost row by the host's first DNS label. When no label matches exactly, one host
 * whose label is a suffix of the VM's (or the reverse) is taken if it is the only such host and its
 * cluster does not contradict the VM's: exports often name hosts with and without a site prefix
 * (vInfo `bovmsp-04.customer.com`, vHost `vmsp-04`).
 */
function hostResolver(
  vInfo: BufferedSheet,
  vHost: BufferedSheet,
  infoHostAt: number,
  hostAt: number,
): (row: readonly string[]) => readonly string[] | undefined {
  const infoClusterAt = column(vInfo.headers, 'Cluster');
  const hostClusterAt = column(vHost.headers, 'Cluster');
  const hosts = new Map<string, readonly string[]>();
  for (const row of vHost.rows) {
    const label = firstLabel(row[hostAt] ?? '');
    if (label !== '' && !hosts.has(label)) hosts.set(label, row);
  }
  const cache = new Map<string, readonly string[] | undefined>();
  return (row) => {
    const label = firstLabel(row[infoHostAt] ?? '');
    if (label === '') return undefined;
    const exact = hosts.get(label);
    if (exact) return exact;
    const cluster = infoClusterAt >= 0 ? (row[infoClusterAt] ?? '').trim().toLowerCase() : '';
    const key = `${label}\u0000${cluster}`;
    if (cache.has(key)) return cache.get(key);
    const candidates = [...hosts].filter(([other, hostRow]) => {
      const shorter = other.length < label.length ? other : label;
      if (shorter.length < MIN_SUFFIX_LABEL || !(label.endsWith(other) || other.endsWith(label)))
        return false;
      const hostCluster = hostClusterAt >= 0 ? (hostRow[hostClusterAt] ?? '').trim().toLowerCase() : '';
      return cluster === '' || hostCluster === '' || cluster === hostCluster;
    });
    const found = candidates.length === 1 ? candidates[0]?.[1] : undefined;
    cache.set(key, found);
    return found;
  };
}

type KeyOf = (row: readonly string[], idColumn: string | undefined) => [string, string];

/** Composes vInfo with whichever of vNetwork, vPartition and vHost are present. */
export function composeRvtools(sheets: ReadonlyMap<string, BufferedSheet>): ComposedTable {
  const vInfo = sheets.get('vinfo');
  if (!vInfo) throw new Error('composeRvtools needs a vInfo sheet');
  const nameAt = column(vInfo.headers, 'VM');
  const idColumns = new Map(UUID_COLUMNS.map((c) => [c, column(vInfo.headers, c)]));
  const key: KeyOf = (row, idColumn) => {
    const idAt = idColumn ? (idColumns.get(idColumn) ?? -1) : -1;
    return [row[nameAt] ?? '', idAt >= 0 ? (row[idAt] ?? '') : ''];
  };
  const used = [vInfo.name];
  const enrichments: Enrichment[] = [];
  const parts: [string, (s: BufferedSheet) => Enrichment[]][] = [
    ['vnetwork', (s) => networkEnrichments(vInfo, s, key)],
    ['vpartition', (s) => partitionEnrichments(vInfo, s, key)],
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
  const headers = normaliseHeaders([...vInfo.headers, ...enrichments.map((e) => e.header)]);
  const rows = vInfo.rows.map((row) => [...row, ...enrichments.map((e) => e.value(row))]);
  return { headers, rows, composition: `rvtools: ${used.join(' + ')}` };
}
