/**
 * Value profiling: what a column's sample values look like (IPs, MACs, FQDNs,
 * UUIDs, OS names, dates, numbers and their magnitudes), and whether that fits
 * what a canonical field expects. Headers can lie or be vague; values rarely do.
 */
import type { ColumnProfile } from '#domain/tableTypes.ts';
import type { ValueExpectation } from './vocabulary.ts';

/** Shares (0..1) of non-empty samples of each shape, plus numeric statistics. */
export interface ValueStats {
  readonly count: number;
  readonly ip: number;
  readonly mac: number;
  readonly fqdn: number;
  readonly hostname: number;
  readonly uuid: number;
  readonly os: number;
  readonly date: number;
  readonly numeric: number;
  readonly integer: number;
  readonly boolean: number;
  readonly power: number;
  /** Run-time states of a machine or monitored node (power states, "up"/"down", "SHUTOFF"). */
  readonly runState: number;
  /** Sizes written with their unit ("100 GB", "16 GiB"): a size column even when the header names no unit. */
  readonly sizeWithUnit: number;
  readonly environment: number;
  readonly protocol: number;
  readonly assetType: number;
  readonly virtualization: number;
  readonly versionLike: number;
  /** Cells holding several values ("esx01, esx02"): not one host, cluster or site. */
  readonly listLike: number;
  /** Cells written as key:value or key=value pairs (tags, labels). */
  readonly keyValue: number;
  /** Legal-entity names (companies, not departments). */
  readonly company: number;
  /** Median and maximum of the numeric samples (after stripping units and "%"). */
  readonly median: number;
  readonly max: number;
  readonly min: number;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(\/\d{1,2})?$/;
/** An IPv4 endpoint written with its port ("10.0.0.5:443", as ss and netstat print it). */
const IPV4_ENDPOINT = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}:\d{1,5}$/;
const IPV6 = /^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}$/i;
const MAC = /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$|^([0-9a-f]{4}\.){2}[0-9a-f]{4}$|^[0-9a-f]{12}$/i;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$|^[0-9a-f]{32}$/i;
const FQDN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$/i;
const HOSTNAME = /^[a-z0-9]([a-z0-9_-]{0,62})$/i;
const OS =
  /^(microsoft |ms )?(windows|win ?(20\d\d|xp|7|8|10|11|nt)|red ?hat|rhel|centos|ubuntu|debian|suse|sles|oracle (linux|solaris)|amazon linux|linux|aix|solaris|hp-?ux|freebsd|vmware (esxi?|photon)|esxi?\b|rocky|alma|fedora|other .*linux|sun solaris|mac ?os)/i;
const DATE =
  /^(\d{4}[-/.]\d{2}[-/.]\d{2}([ T]\d{1,2}:\d{2}(:\d{2})?(\.\d+)?(z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}( \d{1,2}:\d{2}(:\d{2})?( ?[ap]m)?)?)( - \d{1,2}:\d{2})?$/i;
const NUMBER = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;
const BOOLEAN = /^(true|false|yes|no|y|n|0|1)$/i;
const POWER =
  /^(powered ?on|powered ?off|on|off|running|stopped|suspended|saved|deallocated|paused|shut ?down|power(ed)? ?(on|off))$/i;
/**
 * Run-time states a monitor or cloud reports for a node (OpenStack ACTIVE/SHUTOFF is half of
 * them; "up"/"down" from oVirt or PRTG): not a lifecycle status. "Online"/"offline" are left
 * out because CMDBs use them as lifecycle states (NetBox "Offline").
 */
const RUN_STATE = /^(up|down|shutoff|shut ?off|halted|unreachable|crashed|rebooting|powering[ -]?(on|off))$/i;
/** One size with its unit ("100 GB", "16 GiB", "8192 MB"). */
const SIZE_WITH_UNIT = /^[\d.,]+\s*([kmgtp]i?b|[kmgt]o)$/i;
const ENVIRONMENT =
  /^(prod(uction)?|pre-?prod(uction)?|dev(elopment)?|test(ing)?|qa|uat|staging|stage|sandbox|dr|disaster recovery|training|demo(nstration)?|non-?prod(uction)?|lab|sit|perf|produktion|produktiv|entwicklung|abnahme|recette|d[eé]veloppement|pr[eé]-?production|producci[oó]n|desarrollo|pruebas)$/i;
const PROTOCOL = /^(tcp|udp|icmp|sctp|gre|esp|6|17|1)$/i;
const ASSET_TYPE =
  /^((physical|virtual|vm|virtual machine|(virtual |physical )?server|windows( server)?|linux( server)?|vmware guest|database|cluster|appliance|network( device)?|storage( array)?|load ?balancer|container|bare ?metal|workstation|desktop|laptop|host|hypervisor|switch|router|firewall)(e?s)?|(cmdb_ci_)\w+|virtuelle maschine|physischer server|machine virtuelle|serveur physique|m[aá]quina virtual|servidor f[ií]sico|macchina virtuale|server fisico|virtuele machine|fysieke server)$/i;
/** Legal-entity names ("ACME Corp", "Calbro Services Inc.", "Acme Logistics GmbH"): a company, not a department. */
const COMPANY =
  /\b(inc|corp|corporation|co|ltd|llc|plc|gmbh|ag|sa|s\.a|sas|sarl|spa|s\.p\.a|srl|bv|nv|holding|holdings)\.?$/i;
const VIRTUALIZATION =
  /^(vmware|vmware esxi?|vsphere|hyper-?v|microsoft hyper-?v|kvm|xen|xenserver|citrix xenserver|nutanix|ahv|physical|bare ?metal|openstack|ovirt|rhev|proxmox|oracle vm|virtualbox|none)$/i;
const VERSION = /^v?\d+(\.\d+){0,3}([ -]?(sp\d|r\d|update \d+|lts|build[ -]?\d+|\(.*\)))*$/i;

/** Splits a cell that holds several values ("10.0.0.1; 10.0.0.2", a JSON list "[10.0.0.1, fe80::1]"). */
function parts(value: string): string[] {
  return value
    .replace(/^\s*\[(.*)\]\s*$/, '$1')
    .split(/[;,\s"']+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** "61.2 GiB / 127 GiB": used over total, as consoles show capacity; the total is the size. */
const USED_OF_TOTAL = /^\s*[\d.,]+\s*([kmgt]i?b)?\s*(\/|of)\s*([\d.,]+\s*([kmgt]i?b)?)\s*$/i;

function toNumber(value: string): number | undefined {
  const total = USED_OF_TOTAL.exec(value);
  if (total) return toNumber(total[3] as string);
  const cleaned = value
    .trim()
    .replace(/\s*(%|[kmgt]i?b|bytes|mhz|ghz|mbps)$/i, '')
    .replace(/,(?=\d{3}\b)/g, '')
    // "1 000" with a (narrow) no-break or plain space as thousands separator (French, German exports).
    .replace(/(?<=\d)[ \u00a0\u202f](?=\d{3}\b)/g, '');
  if (!NUMBER.test(cleaned) || cleaned === '' || cleaned === '.') return undefined;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : undefined;
}

/** Cells that say "no value" in logs and exports ("-" in pfirewall.log and W3C logs, "N/A", "(empty)"). */
const PLACEHOLDER = /^(-+|\u2014|n\/a|#n\/a|null|\(null\)|\(empty\)|\(none\))$/i;

/** Profile the non-empty samples of a column (placeholders count as empty). */
export function profileValues(column: ColumnProfile): ValueStats {
  const samples = column.samples
    .map((s) => String(s).trim())
    .filter((s) => s.length > 0 && !PLACEHOLDER.test(s));
  const n = samples.length;
  const share = (test: (s: string) => boolean): number => (n === 0 ? 0 : samples.filter(test).length / n);
  const allParts = (re: RegExp) => (s: string) => {
    const ps = parts(s);
    return ps.length > 0 && ps.every((p) => re.test(p));
  };
  const numbers = samples.map(toNumber).filter((x): x is number => x !== undefined);
  const sorted = [...numbers].sort((a, b) => a - b);
  const median = sorted.length === 0 ? Number.NaN : (sorted[Math.floor((sorted.length - 1) / 2)] as number);
  const typed = column.inferredType;
  return {
    count: n,
    ip:
      typed === 'ip'
        ? 1
        : share(
            (s) =>
              parts(s).every((p) => IPV4.test(p) || IPV6.test(p) || IPV4_ENDPOINT.test(p)) &&
              parts(s).length > 0,
          ),
    mac: typed === 'mac' ? 1 : share(allParts(MAC)),
    fqdn: typed === 'fqdn' ? 1 : share((s) => FQDN.test(s) && !IPV4.test(s) && !/^\d+(\.\d+)+$/.test(s)),
    hostname: share((s) => HOSTNAME.test(s) && !/^\d+$/.test(s)),
    uuid: typed === 'uuid' ? 1 : share((s) => UUID.test(s)),
    os: share((s) => OS.test(s) && s.length <= 80),
    date: typed === 'date' ? 1 : share((s) => DATE.test(s)),
    numeric: n === 0 ? 0 : numbers.length / n,
    integer: n === 0 ? 0 : numbers.filter((x) => Number.isInteger(x)).length / n,
    boolean: typed === 'boolean' ? 1 : share((s) => BOOLEAN.test(s)),
    power: share((s) => POWER.test(s)),
    runState: share((s) => POWER.test(s) || RUN_STATE.test(s)),
    sizeWithUnit: share((s) => SIZE_WITH_UNIT.test(s)),
    environment: share((s) => ENVIRONMENT.test(s)),
    protocol: share((s) => PROTOCOL.test(s)),
    assetType: share((s) => ASSET_TYPE.test(s)),
    virtualization: share((s) => VIRTUALIZATION.test(s)),
    versionLike: share((s) => VERSION.test(s)),
    company: share((s) => COMPANY.test(s)),
    keyValue: share((s) => /^[^\s:=]+\s*[:=]\s*\S/.test(s) && !DATE.test(s) && !IPV6.test(s)),
    listLike: share((s) => /\S\s*[,;]\s*\S/.test(s) && !NUMBER.test(s.replace(/\s+/g, ''))),
    median,
    max: sorted.length === 0 ? Number.NaN : (sorted[sorted.length - 1] as number),
    min: sorted.length === 0 ? Number.NaN : (sorted[0] as number),
  };
}

/** How the values bear on a candidate field: confirm, say nothing, or contradict. */
export type ValueVerdict = 'confirm' | 'neutral' | 'conflict';

/** True when the samples are only booleans with both values seen, or 0/1 flags. */
export function looksBoolean(v: ValueStats): boolean {
  return v.count >= 1 && v.boolean === 1 && !(v.numeric === 1 && v.max > 1);
}

/** Judge whether the values fit what a field expects. */
export function judgeValues(expect: ValueExpectation, v: ValueStats): ValueVerdict {
  if (v.count === 0) return 'neutral';
  const numericOk = v.numeric >= 0.8;
  switch (expect) {
    case 'ip':
      return v.ip >= 0.8 ? 'confirm' : v.ip <= 0.2 ? 'conflict' : 'neutral';
    case 'mac':
      return v.mac >= 0.8 ? 'confirm' : v.mac <= 0.2 ? 'conflict' : 'neutral';
    case 'fqdn':
      return v.fqdn >= 0.7 ? 'confirm' : v.fqdn <= 0.2 ? 'conflict' : 'neutral';
    case 'hostname':
      if (v.ip >= 0.8 || numericOk || looksBoolean(v)) return 'conflict';
      // Short names confirm; FQDNs are possible host names but say "fqdn" more loudly.
      return v.hostname >= 0.7 ? 'confirm' : 'neutral';
    case 'name':
      // Operating system product names ("Windows 2019 Server") are not asset names; "rhel8-app01" may be.
      return numericOk || looksBoolean(v) || v.ip >= 0.8 || (v.os >= 0.7 && v.hostname < 0.5)
        ? 'conflict'
        : 'neutral';
    case 'id':
      if (looksBoolean(v) || v.date >= 0.8) return 'conflict';
      return v.uuid >= 0.8 ? 'confirm' : 'neutral';
    case 'os':
      return v.os >= 0.6 ? 'confirm' : v.os <= 0.1 || numericOk ? 'conflict' : 'neutral';
    case 'version':
      return v.versionLike >= 0.6 ? 'confirm' : looksBoolean(v) || v.date >= 0.8 ? 'conflict' : 'neutral';
    case 'count':
      if (!numericOk) return 'conflict';
      if (v.integer < 0.9 || v.max > 4096 || v.min < 0) return 'conflict';
      return 'confirm';
    case 'size':
      if (!numericOk || v.min < 0) return 'conflict';
      return v.max > 1 ? 'confirm' : 'conflict';
    case 'pct':
      if (!numericOk) return 'conflict';
      return v.min >= 0 && v.max <= 100 ? 'confirm' : v.max > 1000 ? 'conflict' : 'neutral';
    case 'mhz':
      if (!numericOk) return 'conflict';
      return (v.median >= 500 && v.max <= 6000) || (v.max <= 6 && v.min >= 0.5) ? 'confirm' : 'conflict';
    case 'port':
      if (!numericOk || v.integer < 0.9) return 'conflict';
      return v.min >= 0 && v.max <= 65535 ? 'confirm' : 'conflict';
    case 'protocol':
      return v.protocol >= 0.8 ? 'confirm' : v.protocol <= 0.2 ? 'conflict' : 'neutral';
    case 'date':
      return v.date >= 0.8 ? 'confirm' : v.date <= 0.2 && !numericOk ? 'conflict' : 'neutral';
    case 'power':
      return v.power >= 0.7 ? 'confirm' : v.power <= 0.2 ? 'conflict' : 'neutral';
    case 'environment':
      return v.environment >= 0.6 ? 'confirm' : numericOk || looksBoolean(v) ? 'conflict' : 'neutral';
    case 'assetType':
      if (v.assetType >= 0.6) return 'confirm';
      // A "type" column holding operating system names ("Windows 2019 Server") is the OS, not a class.
      return numericOk || looksBoolean(v) || v.os >= 0.7 ? 'conflict' : 'neutral';
    case 'virtualization':
      if (v.virtualization >= 0.6) return 'confirm';
      // A "Platform" column naming operating systems ("windows", "Linux/UNIX") is not a hypervisor.
      return numericOk || looksBoolean(v) || v.os >= 0.7 ? 'conflict' : 'neutral';
    case 'number':
      return numericOk ? 'confirm' : 'conflict';
    case 'text':
      return looksBoolean(v) ? 'conflict' : 'neutral';
  }
}
