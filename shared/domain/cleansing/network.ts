/**
 * Validation and normalisation of network identifiers found in inventory exports: IPv4/IPv6
 * addresses (with optional prefix length or zone), MAC addresses in any common notation, and FQDNs.
 */

const HEX_GROUP = /^[0-9a-f]{1,4}$/i;
const PREFIX_LENGTH = /\/\d{1,3}$/;

/** True for a decimal octet 0..255 written without a leading zero, `text[from, to)`. */
function isOctet(text: string, from: number, to: number): boolean {
  const length = to - from;
  if (length < 1 || length > 3) return false;
  let value = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
    value = value * 10 + (code - 48);
  }
  return value <= 255 && (length === 1 || text.charCodeAt(from) !== 48);
}

/**
 * True for a dotted-quad IPv4 address, four octets 0..255 without leading zeros (the pattern
 * `^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$`), checked by character codes:
 * it runs on every address cell of an upload.
 */
export function isIpv4(text: string): boolean {
  const length = text.length;
  if (length < 7 || length > 15) return false;
  let from = 0;
  for (let octet = 0; octet < 3; octet++) {
    const dot = text.indexOf('.', from);
    if (dot === -1 || !isOctet(text, from, dot)) return false;
    from = dot + 1;
  }
  return isOctet(text, from, length);
}

/** True for an IPv6 address in full, compressed (`::`) or IPv4-embedded form. */
export function isIpv6(text: string): boolean {
  if (text.length < 2 || text.length > 45 || text.indexOf(':') < 0) return false;
  const compressed = text.indexOf('::');
  if (compressed >= 0 && text.indexOf('::', compressed + 1) >= 0) return false;
  const head = compressed >= 0 ? text.slice(0, compressed) : text;
  const tail = compressed >= 0 ? text.slice(compressed + 2) : '';
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const all = compressed >= 0 ? tailGroups : headGroups;
  let width = 8;
  const last = all[all.length - 1];
  if (last !== undefined && last.indexOf('.') >= 0) {
    if (!isIpv4(last)) return false;
    all.pop();
    width = 6;
  }
  const groups = compressed >= 0 ? [...headGroups, ...tailGroups] : headGroups;
  if (!groups.every((group) => HEX_GROUP.test(group))) return false;
  return compressed >= 0 ? groups.length < width : groups.length === width;
}

/**
 * Normalises one IP token: strips a CIDR prefix length ("10.0.0.5/24") and an IPv6 zone ("fe80::1%eth0"),
 * lower-cases IPv6. Returns null when the token is not an IP address.
 */
export function normaliseIp(token: string): string | null {
  let text = token;
  if (text.includes('/') && PREFIX_LENGTH.test(text)) text = text.slice(0, text.lastIndexOf('/'));
  if (isIpv4(text)) return text;
  const zone = text.indexOf('%');
  if (zone > 0) text = text.slice(0, zone);
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  return isIpv6(text) ? text.toLowerCase() : null;
}

/** Unspecified addresses that exports use as "no address". */
export function isNullIp(ip: string): boolean {
  return ip === '0.0.0.0' || ip === '::' || ip === '0:0:0:0:0:0:0:0';
}

const MAC_COLON = /^[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}$/i;
const MAC_SEPARATED =
  /^([0-9a-f]{1,2})[:-]([0-9a-f]{1,2})[:-]([0-9a-f]{1,2})[:-]([0-9a-f]{1,2})[:-]([0-9a-f]{1,2})[:-]([0-9a-f]{1,2})$/i;
const MAC_CISCO = /^([0-9a-f]{4})\.([0-9a-f]{4})\.([0-9a-f]{4})$/i;
const MAC_BARE = /^[0-9a-f]{12}$/i;
const HYPHENS = /-/g;

/**
 * Normalises a MAC address to lower-case colon form ("00:50:56:ab:cd:ef") from colon, hyphen,
 * Cisco dotted ("0050.56ab.cdef") or bare hex notation. Returns null when it is not a MAC address.
 */
export function normaliseMac(token: string): string | null {
  if (token.length === 17 && MAC_COLON.test(token)) return token.toLowerCase().replace(HYPHENS, ':');
  let hex: string;
  const separated = MAC_SEPARATED.exec(token);
  if (separated)
    hex = separated
      .slice(1)
      .map((part) => part.padStart(2, '0'))
      .join('');
  else if (MAC_CISCO.test(token) || MAC_BARE.test(token)) hex = token.replace(/\./g, '');
  else return null;
  hex = hex.toLowerCase();
  return `${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}:${hex.slice(6, 8)}:${hex.slice(8, 10)}:${hex.slice(10, 12)}`;
}

/** The all-zero MAC that exports use as "no address". */
export function isNullMac(mac: string): boolean {
  return mac === '00:00:00:00:00:00';
}

/** A character FQDN labels may hold: a-z, 0-9, `_` or `-` (flags: 1 letter/digit, 2 underscore, 4 hyphen). */
function labelCharKind(code: number): number {
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return 1;
  if (code === 95) return 2;
  return code === 45 ? 4 : 0;
}

/**
 * normaliseFqdn for the usual cell (already lower-case printable ASCII), checked by character codes and
 * without copying it: the name, null when invalid, or undefined when the cell needs the general path (upper
 * case, other characters, a trailing dot). Accepts exactly what FQDN and NUMERIC_TLD decide.
 */
function plainFqdn(text: string): string | null | undefined {
  const length = text.length;
  if (length < 3 || length > 253) return undefined;
  let labels = 0;
  let start = 0;
  let allDigits = true;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? text.charCodeAt(i) : 46;
    if (code !== 46) {
      const kind = labelCharKind(code);
      if (kind === 0) return undefined;
      if (kind !== 1 || code > 57) allDigits = false;
      continue;
    }
    if (i === length && start === length) return undefined;
    const size = i - start;
    if (size < 1 || size > 63) return null;
    const first = labelCharKind(text.charCodeAt(start));
    const last = labelCharKind(text.charCodeAt(i - 1));
    if (i < length) {
      // Inner labels: letters, digits or `_` at both ends.
      if (first === 4 || last === 4) return null;
    } else {
      // The top-level label: letters or digits at both ends, no `_`, not all digits.
      if (first !== 1 || last !== 1 || allDigits) return null;
      for (let j = start; j < i; j++) if (text.charCodeAt(j) === 95) return null;
    }
    labels++;
    start = i + 1;
    allDigits = true;
  }
  return labels >= 2 ? text : null;
}

const FQDN = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const NUMERIC_TLD = /\.\d+$/;

/**
 * Validates and lower-cases a fully qualified domain name (at least two labels of 1..63 characters not
 * starting or ending with a hyphen, a non-numeric top-level label, 253 characters at most; a trailing
 * root dot is dropped). Returns null when invalid.
 */
export function normaliseFqdn(text: string): string | null {
  const plain = plainFqdn(text);
  if (plain !== undefined) return plain;
  let name = text.toLowerCase();
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (name.length < 3 || name.length > 253) return null;
  return FQDN.test(name) && !NUMERIC_TLD.test(name) ? name : null;
}
