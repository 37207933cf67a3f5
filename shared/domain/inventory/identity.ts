/**
 * Identity of an asset: normalised identifiers used to deduplicate rows and uploads, the rules that tell a
 * unique identifier from a shared or placeholder one, and the deterministic asset id derived from them.
 */
import { hash } from 'node:crypto';

/** The tenant-independent identifiers of an asset. */
export interface AssetIdentity {
  hostname?: string | null;
  fqdn?: string | null;
  name?: string | null;
  serialNumber?: string | null;
  externalId?: string | null;
  ipAddress?: readonly string[];
}

/** Short, stable hex digest of a text (sha256 prefix): ids and move-group ids derive from it. */
export function shortHash(text: string, length = 16): string {
  return hash('sha256', text, 'hex').slice(0, length);
}

const DOT = 46;
const COLON = 58;

/**
 * `value.trim().toLowerCase()`, but the value itself when that would change nothing (printable ASCII without
 * upper-case letters and no edge spaces: what identifiers mostly are), so identity checks, run several times
 * per imported row, allocate no copy. Anything else takes the built-ins, so the result is always the same.
 */
export function lowerTrim(value: string): string {
  const length = value.length;
  if (length === 0) return value;
  if (value.charCodeAt(0) <= 32 || value.charCodeAt(length - 1) <= 32) return value.trim().toLowerCase();
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code >= 127) return value.trim().toLowerCase();
  }
  return value;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * True for four dot-separated groups of one to three ASCII digits (`/^\d{1,3}(\.\d{1,3}){3}$/`), checked
 * by character codes: identity checks run several times per imported row.
 */
function isDottedQuad(value: string): boolean {
  const length = value.length;
  if (length < 7 || length > 15) return false;
  let dots = 0;
  let digits = 0;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (isDigit(code)) {
      if (++digits > 3) return false;
    } else if (code === DOT) {
      if (digits === 0 || ++dots > 3) return false;
      digits = 0;
    } else return false;
  }
  return dots === 3 && digits > 0;
}

/** True when every character is a hex digit, a colon or a dot (`/^[0-9a-f:.]+$/i` for a non-empty value). */
function isHexColonText(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const hexLetter = (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
    if (!(isDigit(code) || hexLetter || code === COLON || code === DOT)) return false;
  }
  return value.length > 0;
}

/** True for a dotted IPv4 or a colon IPv6 literal (so an IP is never mistaken for an FQDN). */
export function looksLikeIp(value: string): boolean {
  return isDottedQuad(value) || (value.includes(':') && isHexColonText(value));
}

/** True when a dotted quad has an octet with a leading zero followed by a digit (`010.0.0.1`). */
function hasLeadingZeroOctet(quad: string): boolean {
  for (let i = 0; i < quad.length - 1; i++) {
    if (quad.charCodeAt(i) === 48 && (i === 0 || quad.charCodeAt(i - 1) === DOT)) {
      if (isDigit(quad.charCodeAt(i + 1))) return true;
    }
  }
  return false;
}

/** Canonical text of an IP: trimmed, lower-case, IPv4 octets without leading zeros, IPv6 zone dropped. */
export function normaliseIp(value: string): string {
  const ip = lowerTrim(value);
  if (isDottedQuad(ip)) {
    if (!hasLeadingZeroOctet(ip)) return ip;
    return ip
      .split('.')
      .map((octet) => String(Number(octet)))
      .join('.');
  }
  const zone = ip.indexOf('%');
  return zone >= 0 ? ip.slice(0, zone) : ip;
}

/** The value of the dotted quad's octet starting at `from` (up to three digits). */
function octetAt(quad: string, from: number): number {
  let value = 0;
  for (let i = from; i < quad.length; i++) {
    const code = quad.charCodeAt(i);
    if (code === DOT) break;
    value = value * 10 + (code - 48);
  }
  return value;
}

/**
 * True when an IP cannot identify one asset: loopback, unspecified, link-local, broadcast or multicast
 * addresses are shared by every host (many assets report 127.0.0.1), so they never merge two rows.
 */
export function isSharedIp(ip: string): boolean {
  if (isDottedQuad(ip)) {
    const a = octetAt(ip, 0);
    const b = octetAt(ip, ip.indexOf('.') + 1);
    return a === 127 || a === 0 || (a === 169 && b === 254) || a >= 224 || ip === '255.255.255.255';
  }
  return ip === '::1' || ip === '::' || ip.startsWith('fe80:') || ip.startsWith('ff');
}

const PLACEHOLDER_SERIALS = new Set([
  'none',
  'n/a',
  'na',
  'null',
  'nil',
  'unknown',
  'undefined',
  'tbd',
  'tba',
  'empty',
  'serial',
  'not specified',
  'not available',
  'not applicable',
  'to be filled by o.e.m.',
  'to be filled by oem',
  'default string',
  'system serial number',
  'chassis serial number',
  'invalid',
  '123456789',
  '1234567890',
  '0123456789',
  '12345678',
]);

/** Lengths of the placeholder serials: most real serials have none of them and skip the set lookup. */
const PLACEHOLDER_SERIAL_LENGTHS: ReadonlySet<number> = new Set(
  [...PLACEHOLDER_SERIALS].map((p) => p.length),
);

/**
 * True when a serial number is a placeholder that many machines share (BIOS defaults such as
 * "To Be Filled By O.E.M.", all zeros, too short): such a serial must not merge assets.
 */
export function isPlaceholderSerial(serial: string): boolean {
  const value = lowerTrim(serial);
  if (value.length < 4) return true;
  if (PLACEHOLDER_SERIAL_LENGTHS.has(value.length) && PLACEHOLDER_SERIALS.has(value)) return true;
  // Its letters and digits alone: fewer than four, or one character repeated, is no real serial.
  let alphanumerics = 0;
  let first = -1;
  let repeated = true;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (!(isDigit(code) || (code >= 97 && code <= 122))) continue;
    alphanumerics++;
    if (first === -1) first = code;
    else if (code !== first) repeated = false;
  }
  return alphanumerics < 4 || repeated;
}

/** Lower-cased first label of a host name or FQDN ("WEB01.corp.local" -> "web01"); null for IPs and blanks. */
export function shortHostName(value: string | null | undefined): string | null {
  if (!value) return null;
  const plain = plainShortHostName(value);
  if (plain !== undefined) return plain;
  let host = lowerTrim(value);
  const slash = host.lastIndexOf('\\');
  if (slash >= 0) host = host.slice(slash + 1);
  if (host === '' || looksLikeIp(host)) return null;
  const dot = host.indexOf('.');
  const label = dot === -1 ? host : host.slice(0, dot);
  return label === '' ? null : label;
}

/**
 * shortHostName of the usual value (printable ASCII, no upper case, no edge spaces, no `DOMAIN\\` prefix) in
 * one pass over it; undefined for any other value, which takes the general path.
 */
function plainShortHostName(value: string): string | null | undefined {
  const length = value.length;
  if (value.charCodeAt(0) <= 32 || value.charCodeAt(length - 1) <= 32) return undefined;
  let dot = -1;
  let colon = false;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code >= 127 || code === 92) return undefined;
    if (code === DOT) {
      if (dot === -1) dot = i;
    } else if (code === COLON) colon = true;
  }
  if (isDottedQuad(value) || (colon && isHexColonText(value))) return null;
  if (dot === -1) return value;
  return dot === 0 ? null : value.slice(0, dot);
}

/** True for an ASCII letter or digit. */
function isAlphanumeric(code: number): boolean {
  return isDigit(code) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** True when a display name looks like a host name (one token of letters, digits, dot, dash, underscore). */
export function isHostLikeName(name: string): boolean {
  const value = name.trim();
  if (value.length === 0 || !isAlphanumeric(value.charCodeAt(0))) return false;
  for (let i = 1; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (!(isAlphanumeric(code) || code === DOT || code === 95 || code === 45)) return false;
  }
  return !looksLikeIp(value);
}

/** True when the text holds whitespace as `\s` defines it (ASCII checked by code, the rest by the regex). */
function hasWhitespace(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 32 || (code >= 9 && code <= 13)) return true;
    if (code >= 0xa0) return /\s/.test(value);
  }
  return false;
}

/** Lower-cased FQDN when the value has at least two labels and is no IP, else null. */
export function normaliseFqdn(value: string | null | undefined): string | null {
  if (!value) return null;
  let fqdn = lowerTrim(value);
  if (fqdn.charCodeAt(fqdn.length - 1) === DOT) fqdn = fqdn.slice(0, -1);
  if (!fqdn.includes('.') || looksLikeIp(fqdn) || hasWhitespace(fqdn)) return null;
  return fqdn;
}

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const lowered = lowerTrim(value);
  return lowered === '' ? null : lowered;
}

/**
 * The strongest identity key of an asset, in the order serial > fqdn > hostname > name > externalId > ip.
 * Serial numbers are hardware facts, FQDNs are globally unique names, a host name is unique within a site;
 * an external id is only unique within the tool that produced it and an IP can be reassigned.
 */
export function strongestIdentityKey(identity: AssetIdentity): string | null {
  const serial = clean(identity.serialNumber);
  if (serial && !isPlaceholderSerial(serial)) return `serial:${serial}`;
  const fqdn = normaliseFqdn(identity.fqdn) ?? normaliseFqdn(identity.hostname);
  if (fqdn) return `fqdn:${fqdn}`;
  const host = shortHostName(identity.hostname);
  if (host) return `host:${host}`;
  const name = clean(identity.name);
  if (name) return `name:${name}`;
  const externalId = clean(identity.externalId);
  if (externalId) return `ext:${externalId}`;
  const ips = (identity.ipAddress ?? []).map(normaliseIp).filter((ip) => ip !== '' && !isSharedIp(ip));
  if (ips.length > 0) return `ip:${[...ips].sort()[0]}`;
  return null;
}

/**
 * Deterministic asset id from the tenant-independent identity of an asset (stable across runs and
 * re-uploads): `a-` + a hash of its strongest identity key, so the same machine gets the same id however
 * often and in whatever row order it is uploaded. An identity with no usable key hashes to a fixed id.
 *
 * @example assetIdFor({ hostname: 'WEB01' }) === assetIdFor({ hostname: 'web01' }) // true
 */
export function assetIdFor(identity: AssetIdentity): string {
  // toLowerCase (a no-op on this text) hands back one flat string: the concatenation of a slice of the hex
  // digest would otherwise keep three strings alive per asset, the whole 64-digit digest among them.
  return `a-${shortHash(strongestIdentityKey(identity) ?? 'none:')}`.toLowerCase();
}
