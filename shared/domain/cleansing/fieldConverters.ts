/**
 * Per-column cell converters, built once per file from the column's mapping and profile: every
 * decision that can be made per column (unit, percent scale, date order, which validator) is made
 * here so that the per-row work is a closure call, a few string operations and precompiled regexes.
 */
import { ASSET_FIELDS, type CanonicalField, CONNECTION_FIELDS } from '#domain/assetSchema.ts';
import type { ColumnProfile, FieldMapping } from '#domain/tableTypes.ts';
import { normalizeEnvironment } from './environment.ts';
import { isNullIp, isNullMac, normaliseFqdn, normaliseIp, normaliseMac } from './network.ts';
import { gigabytesPerSuffix, gigabytesPerUnit, pickSizePart, splitNumber, tidy } from './numbers.ts';
import { appendList, appendOne, type CellConverter, type FieldValue, reject, setScalar } from './rowState.ts';
import {
  detectSlashDateOrder,
  normalizePowerState,
  normalizeProtocol,
  parseBoolean,
  parseDate,
} from './values.ts';

const IP_SPLIT = /[\s,;|]+/;
const HAS_SEPARATOR = /[\s,;|]/;

/** HAS_SEPARATOR.test, by character codes for ASCII text (the regex decides only for other characters). */
function hasSeparator(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 44 || code === 59 || code === 124 || code === 32 || (code >= 9 && code <= 13)) return true;
    if (code >= 127) return HAS_SEPARATOR.test(text);
  }
  return false;
}
const TAG_SPLIT = /[,;|]+/;
const NAME_SPLIT = /[\s,;|]+/;
const CACHE_LIMIT = 4096;
const NO_ITEMS: readonly string[] = Object.freeze([]);

const BYTE_FACTORS: Readonly<Record<string, number>> = {
  b: 1,
  bytes: 1,
  kb: 1024,
  kib: 1024,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
  tb: 1024 ** 4,
};
const SPEED_FACTORS: Readonly<Record<string, number>> = { ghz: 1000, mhz: 1, khz: 0.001 };
const THROUGHPUT_FACTORS: Readonly<Record<string, number>> = {
  gbps: 1000,
  'gbit/s': 1000,
  mbps: 1,
  'mbit/s': 1,
  kbps: 0.001,
  'kbit/s': 0.001,
  bps: 0.000001,
};

const ASSET_TYPE_WORDS: Readonly<Record<string, string>> = {
  server: 'server',
  physical: 'server',
  physicalserver: 'server',
  baremetal: 'server',
  host: 'server',
  vm: 'virtual_machine',
  virtual: 'virtual_machine',
  virtualmachine: 'virtual_machine',
  virtualserver: 'virtual_machine',
  guest: 'virtual_machine',
  instance: 'virtual_machine',
  database: 'database',
  db: 'database',
  application: 'application',
  app: 'application',
  networkdevice: 'network_device',
  network: 'network_device',
  switch: 'network_device',
  router: 'network_device',
  firewall: 'network_device',
  storage: 'storage',
  san: 'storage',
  nas: 'storage',
  loadbalancer: 'load_balancer',
  lb: 'load_balancer',
  container: 'container',
  pod: 'container',
  other: 'other',
};

/** Kind of a canonical field, 'string' for anything unknown. */
export function kindOf(field: CanonicalField): string {
  const spec =
    (ASSET_FIELDS as Record<string, { kind: string }>)[field] ??
    (CONNECTION_FIELDS as Record<string, { kind: string }>)[field];
  return spec?.kind ?? 'string';
}

/** Memoises a pure string function per column: OS names, environments and states repeat across millions of rows. */
function cached<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = fn(text);
    if (cache.size < CACHE_LIMIT) cache.set(text, value);
    return value;
  };
}

/** True when the profile's samples say a percent column holds 0..1 fractions (decided per column, not per row). */
export function isFractionColumn(samples: readonly string[]): boolean {
  let seen = 0;
  let fractional = false;
  for (const sample of samples) {
    const parsed = splitNumber(sample.trim());
    if (parsed === null) continue;
    if (parsed.suffix === '%' || parsed.value > 1 || parsed.value < 0) return false;
    seen++;
    if (parsed.value > 0 && parsed.value < 1) fractional = true;
  }
  return seen > 0 && fractional;
}

function numberConverter(
  field: CanonicalField,
  header: string,
  factors?: Readonly<Record<string, number>>,
): CellConverter {
  const integer = field === 'sourcePort' || field === 'destinationPort';
  return (text, state) => {
    const parsed = splitNumber(text);
    let value = parsed === null ? null : parsed.value;
    if (parsed !== null && value !== null && factors !== undefined && parsed.suffix !== '') {
      const factor = factors[parsed.suffix.split(' ')[0] ?? ''];
      value = factor === undefined ? value : tidy(value * factor);
    }
    if (value === null || value < 0 || (integer && (!Number.isInteger(value) || value > 65535))) {
      reject(state, field, text, integer ? 'port number' : 'number', header, text);
      return;
    }
    setScalar(state, field, value, header, text);
  };
}

function sizeConverter(field: CanonicalField, header: string, mapping: FieldMapping): CellConverter {
  const columnFactor = gigabytesPerUnit(mapping.unit);
  // "61.2 GiB / 127 GiB": a used size takes the used part, an allocated size the total.
  const part = field === 'storageUsedGb' ? 'used' : 'total';
  return (text, state) => {
    const parsed = splitNumber(pickSizePart(text, part));
    let factor: number | undefined = columnFactor;
    if (parsed !== null && parsed.suffix !== '') factor = gigabytesPerSuffix(parsed.suffix);
    if (parsed === null || parsed.value < 0 || factor === undefined) {
      reject(state, field, text, 'size', header, text);
      return;
    }
    setScalar(state, field, tidy(parsed.value * factor), header, text);
  };
}

function percentConverter(field: CanonicalField, header: string, column: ColumnProfile): CellConverter {
  const scale = isFractionColumn(column.samples) ? 100 : 1;
  return (text, state) => {
    const parsed = splitNumber(text);
    const value =
      parsed === null || (parsed.suffix !== '' && parsed.suffix !== '%')
        ? null
        : tidy(parsed.value * (parsed.suffix === '%' ? 1 : scale));
    if (value === null || value < 0 || value > 100) {
      reject(state, field, text, 'percentage (0..100)', header, text);
      return;
    }
    setScalar(state, field, value, header, text);
  };
}

/**
 * Converts an IP or MAC list cell. A cell with one address (the usual case) takes a path that allocates
 * nothing but the row's list; a cell with several is split. Every token is validated: a bad one is an issue
 * and keeps the raw cell in `custom`; unspecified addresses ("0.0.0.0", all-zero MACs) count as none.
 */
function addressListConverter(
  field: CanonicalField,
  header: string,
  normalise: (token: string) => string | null,
  isNull: (address: string) => boolean,
  what: string,
): CellConverter {
  return (text, state) => {
    if (!hasSeparator(text)) {
      const address = normalise(text);
      if (address === null) {
        state.issues.push(`${field}: ${JSON.stringify(text)} is not a valid ${what}`);
        state.custom[header] = text;
        appendList(state, field, NO_ITEMS);
      } else if (isNull(address)) appendList(state, field, NO_ITEMS);
      else appendOne(state, field, address);
      return;
    }
    const items: string[] = [];
    let bad = false;
    for (const token of text.split(IP_SPLIT)) {
      if (token === '') continue;
      const address = normalise(token);
      if (address === null) {
        state.issues.push(`${field}: ${JSON.stringify(token)} is not a valid ${what}`);
        bad = true;
      } else if (!isNull(address)) items.push(address);
    }
    if (bad) state.custom[header] = text;
    appendList(state, field, items);
  };
}

function splitListConverter(field: CanonicalField, separator: RegExp): CellConverter {
  return (text, state) => {
    const items: string[] = [];
    for (const part of text.split(separator)) {
      const item = part.trim();
      if (item !== '') items.push(item);
    }
    appendList(state, field, items);
  };
}

function singleIpConverter(field: CanonicalField, header: string): CellConverter {
  return (text, state) => {
    const ip = normaliseIp(text);
    if (ip === null) reject(state, field, text, 'IP address', header, text);
    else setScalar(state, field, isNullIp(ip) ? null : ip, header, text);
  };
}

function mapped(field: CanonicalField, header: string, fn: (text: string) => FieldValue): CellConverter {
  const convert = cached(fn);
  return (text, state) => setScalar(state, field, convert(text), header, text);
}

/**
 * True when a column's cells may go through a per-column memo of their results (see cellMemo): converters
 * that parse (numbers, sizes, dates, addresses, lists) save their work, and plain text columns save memory,
 * since every row then shares one string per distinct value instead of keeping its own copy. Host names and
 * the already cached word normalisers gain nothing; OS columns are parsed per row, after all cells, so never.
 */
export function convertsWork(target: CanonicalField): boolean {
  switch (target) {
    case 'operatingSystem':
    case 'osVersion':
    case 'sourceHost':
    case 'destinationHost':
    case 'environment':
    case 'powerState':
    case 'protocol':
    case 'assetType':
      return false;
    default:
      return true;
  }
}

/** Builds the converter of one mapped column (OS columns only collect raw text: the OS is parsed once per row, after all cells). */
export function buildConverter(
  column: ColumnProfile,
  mapping: FieldMapping,
  target: CanonicalField,
): CellConverter {
  const header = column.header;
  switch (target) {
    case 'operatingSystem':
      return (text, state) => {
        state.osRaw ??= text;
        if (state.osRaw !== text) state.custom[header] = text;
      };
    case 'osVersion':
      return (text, state) => {
        state.osVersionRaw ??= text;
        if (state.osVersionRaw !== text) state.custom[header] = text;
      };
    case 'ipAddress':
      return addressListConverter(target, header, normaliseIp, isNullIp, 'IP address');
    case 'macAddress':
      return addressListConverter(target, header, normaliseMac, isNullMac, 'MAC address');
    case 'tags':
      return splitListConverter(target, TAG_SPLIT);
    case 'dependsOn':
      return splitListConverter(target, NAME_SPLIT);
    case 'sourceIp':
    case 'destinationIp':
      return singleIpConverter(target, header);
    case 'fqdn':
      return (text, state) => {
        const fqdn = normaliseFqdn(text);
        if (fqdn === null) reject(state, target, text, 'FQDN', header, text);
        else setScalar(state, target, fqdn, header, text);
      };
    case 'sourceHost':
    case 'destinationHost':
      return (text, state) => setScalar(state, target, text.toLowerCase(), header, text);
    case 'environment':
      return mapped(target, header, normalizeEnvironment);
    case 'powerState':
      return mapped(target, header, normalizePowerState);
    case 'protocol':
      return mapped(target, header, normalizeProtocol);
    case 'assetType':
      return mapped(
        target,
        header,
        (text) => ASSET_TYPE_WORDS[text.toLowerCase().replace(/[\s_-]+/g, '')] ?? text,
      );
    case 'cpuSpeedMhz':
      return numberConverter(target, header, SPEED_FACTORS);
    case 'networkThroughputMbps':
      return numberConverter(target, header, THROUGHPUT_FACTORS);
    case 'bytes':
      return numberConverter(target, header, BYTE_FACTORS);
    default:
      break;
  }
  switch (kindOf(target)) {
    case 'number':
      return numberConverter(target, header);
    case 'gigabytes':
      return sizeConverter(target, header, mapping);
    case 'percent':
      return percentConverter(target, header, column);
    case 'list':
      return splitListConverter(target, TAG_SPLIT);
    case 'boolean':
      return (text, state) => {
        const value = parseBoolean(text);
        if (value === null) reject(state, target, text, 'boolean', header, text);
        else setScalar(state, target, value, header, text);
      };
    case 'date': {
      const slashOrder = detectSlashDateOrder(column.samples);
      return (text, state) => {
        const value = parseDate(text, { slashOrder, allowSerial: true });
        if (value === null) reject(state, target, text, 'date', header, text);
        else setScalar(state, target, value, header, text);
      };
    }
    default:
      return (text, state) => setScalar(state, target, text, header, text);
  }
}
