/**
 * Header normalisation: turns the many spellings of one column name
 * ("Srv_Moniker", "SRV MONIKER", "srvMoniker", "*Memory (In MB)", "RAM.TotalSizeInMB")
 * into comparable tokens, recording units and qualifiers separately so the
 * matcher can use them as evidence without them disturbing the comparison.
 */
import type { SizeUnit } from '#domain/tableTypes.ts';
import { ASSET_VOCABULARY } from './assetVocabulary.ts';
import { CONNECTION_VOCABULARY } from './connectionVocabulary.ts';
import { FOREIGN_SIZE_UNITS, foldDiacritics, translateWords } from './foreignWords.ts';
import { splitGluedWord } from './gluedWords.ts';
import { hierarchicalViews } from './headerPaths.ts';
import { ROMANCE_DUTCH_STOP_WORDS } from './romanceDutchWords.ts';
import { expandTerseHeader } from './terseFieldNames.ts';

/** What normalisation learned about one header. */
export interface HeaderAnalysis {
  /** The header as given. */
  readonly raw: string;
  /** Lower-case words, split on punctuation and case changes; units, asterisks and brackets removed. */
  readonly words: readonly string[];
  /** Canonical content tokens the matcher compares (synonyms folded, stop words removed). */
  readonly tokens: readonly string[];
  /** Size unit named by the header ("(MB)", "MiB", "InMB", "GiB"...), if any. */
  readonly unit?: SizeUnit;
  /** Other qualifiers found in brackets or as unit words ("mhz", "mbps", "optional"...). */
  readonly qualifiers: readonly string[];
  /** True when the header was marked required with an asterisk ("*Cores"). */
  readonly required: boolean;
  /** True when a standalone number enumerates one of several ("Disk 1 size", "Network #2"). */
  readonly ordinal: boolean;
  /**
   * Other readings of a hierarchical header ("Summary|Runtime|Power State", "properties.osType",
   * "mgn:app:name"): its meaningful tail, without namespace segments. Empty for flat headers.
   */
  readonly views: ReadonlyArray<readonly string[]>;
}

const SIZE_UNITS: Record<string, SizeUnit> = {
  b: 'B',
  bytes: 'B',
  kb: 'KB',
  kib: 'KiB',
  mb: 'MB',
  mib: 'MiB',
  gb: 'GB',
  gib: 'GiB',
  tb: 'TB',
  tib: 'TiB',
};
/** Unit-like words that are kept as qualifiers, not content. */
const OTHER_UNITS = new Set(['mhz', 'ghz', 'optional', 'required', 's']);
/** Rate units: recorded as qualifiers and kept as content ("Net Mbps" is about throughput). */
const RATE_UNITS = new Set(['mbps', 'gbps', 'kbps']);

/** Words glued together by tools that write headers without separators. */
const COMPOUNDS: Record<string, readonly string[]> = {
  ipaddress: ['ip', 'address'],
  ipaddresses: ['ip', 'address'],
  ipaddr: ['ip', 'address'],
  macaddress: ['mac', 'address'],
  macaddr: ['mac', 'address'],
  servername: ['server', 'name'],
  vmname: ['vm', 'name'],
  machinename: ['machine', 'name'],
  assetname: ['asset', 'name'],
  devicename: ['device', 'name'],
  osname: ['os', 'name'],
  osver: ['os', 'version'],
  osversion: ['os', 'version'],
  ostype: ['os', 'type'],
  cpucore: ['cpu', 'core'],
  cpucores: ['cpu', 'core'],
  cpucount: ['cpu', 'count'],
  cpuspeed: ['cpu', 'speed'],
  hddsize: ['hdd', 'size'],
  hddcount: ['hdd', 'count'],
  disksize: ['disk', 'size'],
  diskspace: ['disk', 'space'],
  totalmemory: ['total', 'memory'],
  memorysize: ['memory', 'size'],
  memorygib: ['memory', 'gib'],
  memorymb: ['memory', 'mb'],
  powerstate: ['power', 'state'],
  serialnumber: ['serial', 'number'],
  serialno: ['serial', 'number'],
  assetid: ['asset', 'id'],
  assettag: ['asset', 'tag'],
  machineid: ['machine', 'id'],
  serverid: ['server', 'id'],
  externalid: ['external', 'id'],
  sysid: ['sys', 'id'],
  costcenter: ['cost', 'center'],
  costcentre: ['cost', 'center'],
  businessowner: ['business', 'owner'],
  sport: ['source', 'port'],
  dport: ['destination', 'port'],
  srcport: ['source', 'port'],
  dstport: ['destination', 'port'],
  srcip: ['source', 'ip'],
  dstip: ['destination', 'ip'],
  saddr: ['source', 'ip'],
  daddr: ['destination', 'ip'],
  datacentre: ['datacenter'],
  inuse: ['used'],
  timeslot: ['time', 'slot'],
  starttime: ['start', 'time'],
  vmhost: ['vm', 'host'],
  esxhost: ['esx', 'host'],
  branchoffice: ['branch', 'office'],
};

/** Synonyms folded to one canonical token. */
const CANONICAL: Record<string, string> = {
  mem: 'memory',
  ram: 'memory',
  memories: 'memory',
  cpus: 'cpu',
  processor: 'cpu',
  processors: 'cpu',
  proc: 'process',
  processes: 'process',
  program: 'process',
  cores: 'core',
  vcpus: 'vcpu',
  sockets: 'socket',
  nr: 'count',
  no: 'count',
  num: 'count',
  number: 'count',
  qty: 'count',
  quantity: 'count',
  '#': 'count',
  addresses: 'address',
  addr: 'address',
  ips: 'ip',
  ipv4: 'ip',
  macs: 'mac',
  vms: 'vm',
  servers: 'server',
  disks: 'disk',
  drives: 'drive',
  volumes: 'volume',
  hosts: 'host',
  app: 'application',
  apps: 'application',
  applications: 'application',
  tags: 'tag',
  labels: 'label',
  categories: 'category',
  percentage: 'pct',
  percent: 'pct',
  '%': 'pct',
  utilization: 'util',
  utilisation: 'util',
  utilized: 'util',
  usage: 'util',
  avg: 'avg',
  average: 'avg',
  mean: 'avg',
  max: 'max',
  maximum: 'max',
  peak: 'max',
  min: 'min',
  minimum: 'min',
  use: 'used',
  consumed: 'used',
  src: 'source',
  local: 'source',
  origin: 'source',
  dst: 'destination',
  // Socket tables (ss, lsof) call the other end of a connection the peer.
  peer: 'destination',
  dest: 'destination',
  remote: 'destination',
  foreign: 'destination',
  proto: 'protocol',
  protocols: 'protocol',
  env: 'environment',
  environments: 'environment',
  dept: 'department',
  centre: 'center',
  ver: 'version',
  desc: 'description',
  descr: 'description',
  notes: 'note',
  comments: 'comment',
  remarks: 'comment',
  guid: 'uuid',
  uid: 'uuid',
  identifier: 'id',
  database: 'db',
  databases: 'db',
  dependencies: 'dependency',
  depends: 'dependency',
  connections: 'connection',
  conn: 'connection',
  conns: 'connection',
  sessions: 'session',
  owners: 'owner',
  tech: 'technical',
  clusters: 'cluster',
  locations: 'location',
  datacenters: 'datacenter',
  statuses: 'status',
  bytes: 'bytes',
  octets: 'bytes',
  speed: 'speed',
  hypervisors: 'hypervisor',
  virtualisation: 'virtualization',
  esxi: 'esx',
  organisation: 'organization',
  organizations: 'organization',
  ts: 'timestamp',
  links: 'link',
  orig: 'source',
  originator: 'source',
  resp: 'destination',
  responder: 'destination',
};

/** Words carrying no meaning for matching. */
const STOP_WORDS = new Set([
  'of',
  'the',
  'a',
  'an',
  'and',
  'on',
  'at',
  'by',
  'according',
  'upon',
  'is',
  'to',
  // Articles and prepositions of German, French and Spanish headers ("Nom du serveur").
  'de',
  'du',
  'des',
  'd',
  'la',
  'le',
  'les',
  'del',
  'el',
  'los',
  'las',
  'der',
  'die',
  'das',
  'von',
  ...ROMANCE_DUTCH_STOP_WORDS,
]);

/** Tokens that are whole words even though case-splitting would cut them ("VMware", "IPv4", "vCPU"). */
const PROTECTED =
  /(vmname|vmware|vcenter|vsphere|vcpus?|vram|vsan|vmotion|vnic|ipv[46]|esxi|smbios|numcpu|vinfo|vhost|netbios|mhz|ghz|[mgk]bps)/gi;

function splitWords(header: string): { words: string[]; bracketed: string[]; required: boolean } {
  const required = /^\s*\*/.test(header) || /\*\s*$/.test(header);
  const bracketed: string[] = [];
  // ServiceNow custom fields carry a "u_" prefix ("u_environment", "u_application.name").
  const plain = foldDiacritics(header).replace(/(^|[.|:])u_(?=[a-z])/gi, '$1');
  let text = plain.replace(/[([{]([^)\]}]*)[)\]}]/g, (_m, inner: string) => {
    bracketed.push(inner);
    return ' ';
  });
  text = text.replace(/\*/g, ' ').replace(/%/g, ' % ').replace(/#/g, ' # ');
  text = text.replace(PROTECTED, (m) => ` ${m.toLowerCase()} `);
  // Plural acronyms ("CPUs", "NICs", "VMs") are one word, not "CP Us".
  text = text.replace(/\b([A-Z]{2,})s\b/g, (_m, acronym: string) => ` ${acronym.toLowerCase()}s `);
  text = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d{2,})/g, '$1 $2');
  const words = text
    .toLowerCase()
    .split(/[^a-z0-9%#]+/)
    .filter((w) => w.length > 0);
  return { words: mergeSplitUnits(words), bracketed, required };
}

/** Case splitting cuts "GiB" into "gi" + "b"; glue binary units back together. */
function mergeSplitUnits(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (['ki', 'mi', 'gi', 'ti'].includes(w) && words[i + 1] === 'b') {
      out.push(`${w}b`);
      i++;
    } else {
      out.push(w);
    }
  }
  return out;
}

let knownWords: ReadonlySet<string> | undefined;

/** Every word the vocabularies, synonyms and compounds know (built once, on first use). */
function known(): ReadonlySet<string> {
  if (knownWords) return knownWords;
  const set = new Set<string>([
    ...Object.keys(CANONICAL),
    ...Object.keys(COMPOUNDS),
    ...Object.keys(SIZE_UNITS),
  ]);
  for (const vocab of [...ASSET_VOCABULARY, ...CONNECTION_VOCABULARY]) {
    for (const p of vocab.patterns) for (const t of p.tokens) set.add(t);
    for (const t of [...vocab.modifiers, ...vocab.negatives, ...vocab.soft]) set.add(t);
  }
  for (const w of STOP_WORDS) set.delete(w);
  knownWords = set;
  return set;
}

function expand(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const parts = COMPOUNDS[w] ?? splitGluedWord(w, known());
    if (parts) out.push(...expandCompound(parts));
    else out.push(w);
  }
  return out;
}

/** A glued word's parts may themselves be compounds ("dnsname" -> "dns" + "name"). */
function expandCompound(parts: readonly string[]): string[] {
  return parts.flatMap((p) => COMPOUNDS[p] ?? [p]);
}

/**
 * Analyse a header into canonical tokens plus unit and qualifiers.
 * @example analyzeHeader('*Memory (In MB)') // tokens ['memory'], unit 'MB', required true
 */
export function analyzeHeader(header: string): HeaderAnalysis {
  const { words: rawWords, bracketed, required } = splitWords(header);
  const qualifiers: string[] = [];
  let unit: SizeUnit | undefined;
  const noteUnit = (w: string): boolean => {
    const sizeUnit = SIZE_UNITS[w];
    if (sizeUnit && w !== 'bytes') {
      unit ??= sizeUnit;
      return true;
    }
    if (w === 'bytes') unit ??= 'B';
    if (OTHER_UNITS.has(w)) {
      qualifiers.push(w);
      return true;
    }
    if (RATE_UNITS.has(w)) qualifiers.push(w);
    return false;
  };
  const bracketTokens: string[] = [];
  for (const inner of bracketed) {
    for (const w of expand(translateWords(splitWords(inner).words))) {
      if (noteUnit(FOREIGN_SIZE_UNITS[w] ?? w) || w === 'in') continue;
      bracketTokens.push(w);
    }
  }
  const words = expand(translateWords([...expandTerseHeader(rawWords)]));
  const content: string[] = [];
  // Same as content but keeping enumerating numbers, so "Disk 1" and "Disk 2" stay distinct for learning.
  const numbered: string[] = [];
  let ordinal = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const next = words[i + 1];
    if (w === 'in' && next !== undefined && SIZE_UNITS[next]) continue;
    if (w === 'in' && next === 'use') {
      content.push('used');
      numbered.push('in', 'use');
      i++;
      continue;
    }
    if (w === 'bytes') noteUnit(w);
    else if (noteUnit(w)) continue;
    if (/^\d+$/.test(w)) {
      ordinal = true;
      numbered.push(w);
      continue;
    }
    if (w === 'p' && next === 's') {
      content.push('per', 'socket');
      numbered.push('per', 'socket');
      i++;
      continue;
    }
    content.push(w);
    numbered.push(w);
  }
  // Bracketed words that carry meaning ("(%)", "CPU speed (MHz)") join the content; others are qualifiers.
  for (const w of bracketTokens) {
    if (w === '%' || w === 'pct' || w === 'percent') {
      content.push('%');
      numbered.push('%');
    } else qualifiers.push(w);
  }
  const tokens = foldTokens(content, /(^|[^a-z0-9])host\.(display_?)?name$/i.test(header));
  const views = hierarchicalViews(header, tokens, (segment) => analyzeHeader(segment).tokens);
  return { raw: header, words: numbered, tokens, unit, qualifiers, required, ordinal, views };
}

/** Fold multi-word synonyms and single-word synonyms, drop stop words. */
function foldTokens(words: readonly string[], keepHostApart = false): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const next = words[i + 1];
    if (w === 'operating' && next === 'system') {
      out.push('os');
      i++;
      continue;
    }
    if (w === 'data' && (next === 'center' || next === 'centre')) {
      out.push('datacenter');
      i++;
      continue;
    }
    if (w === 'wi' && next === 'fi') {
      out.push('wifi');
      i++;
      continue;
    }
    // "host.name" in a flattened object is the name of another object (the hypervisor), not a host name.
    if (w === 'host' && next === 'name' && !keepHostApart) {
      out.push('hostname');
      i++;
      continue;
    }
    // "user-provided id", "customer provided ID": an identifier the client assigned, i.e. an external one.
    if ((w === 'user' || w === 'customer' || w === 'client') && next === 'provided') {
      out.push('external');
      i++;
      continue;
    }
    if (w === 'life' && next === 'cycle') {
      out.push('lifecycle');
      i++;
      continue;
    }
    if (STOP_WORDS.has(w)) continue;
    out.push(CANONICAL[w] ?? w);
  }
  return out;
}

/**
 * The canonical comparable form of a header: lower-case words joined by one
 * space, without units, asterisks or bracketed qualifiers. Two headers with
 * the same form are the same column for tenant learning.
 * @example normalizeHeader('Srv_Moniker') === normalizeHeader('srvMoniker') // 'srv moniker'
 */
export function normalizeHeader(header: string): string {
  return analyzeHeader(header).words.join(' ');
}
