/**
 * Validation and normalisation of network identifiers found in inventory exports: IPv4/IPv6
 * addresses (with optional prefix length or zone), MAC addresses in any common notation, and FQDNs.
 */

const IPV4 =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;
const PREFIX_LENGTH = /\/\d{1,3}$/;

/** True for a dotted-quad IPv4 address. */
export function isIpv4(text: string): boolean {
  return IPV4.test(text);
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
  if (PREFIX_LENGTH.test(text)) text = text.slice(0, text.lastIndexOf('/'));
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

const FQDN = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const NUMERIC_TLD = /\.\d+$/;

/**
 * Validates and lower-cases a fully qualified domain name (at least two labels of 1..63 characters not
 * starting or ending with a hyphen, a non-numeric top-level label, 253 characters at most; a trailing
 * root dot is dropped). Returns null when invalid.
 */
export function normaliseFqdn(text: string): string | null {
  let name = text.toLowerCase();
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (name.length < 3 || name.length > 253) return null;
  return FQDN.test(name) && !NUMERIC_TLD.test(name) ? name : null;
}
