/**
 * Hierarchical headers: metric paths ("CPU|Usage (%)"), namespaced tags
 * ("mgn:app:name") and flattened JSON keys ("properties.osType", "Tags.Name").
 * Their meaning sits in the tail; earlier segments are context or namespace.
 */

/**
 * Separators of hierarchical headers: metric paths ("CPU|Usage (%)"), namespaced tags
 * ("mgn:app:name", "builtin:host.cpu.usage") and flattened JSON keys ("properties.osType",
 * "ansible_default_ipv4.macaddress").
 * A slash is not one: "Read/Write" and "Used/Total" are pairs, not paths.
 */
const HIERARCHY = /\||:|(?<=[A-Za-z0-9])\.(?=[A-Za-z])/;
/** Whole segments that only say where a value sits in a document, not what it is. */
const NAMESPACE = new Set([
  'properties',
  'property',
  // Icinga 2 and other REST APIs wrap an object's fields in "attrs" ("attrs.address").
  'attrs',
  'custom',
  'attributes',
  'attribute',
  'fields',
  'field',
  'summary',
  'builtin',
  'metadata',
  'data',
  'extension',
  'details',
  'info',
  'values',
  // "Tags.Name", "tag:Environment": the key after a tag container is what the column holds.
  'tag',
  'label',
]);
/** Tokens that qualify a noun without naming one: a tail made only of these needs its parent segment. */
const GENERIC = new Set([
  'name',
  'id',
  'uuid',
  'type',
  'version',
  'status',
  'state',
  'size',
  'count',
  'value',
  'util',
  'pct',
  '%',
  'avg',
  'max',
  'min',
  'total',
  'used',
  'free',
  'rate',
  'description',
  'label',
  'code',
  'key',
  'list',
  'virtual',
  'current',
  'configured',
  'allocated',
  'actual',
  'instance',
  'mbps',
  'kbps',
  'gbps',
]);

/**
 * The reading of a hierarchical header by its tail: the last segment names the
 * column, earlier segments are context that only counts when the tail alone is
 * generic ("CPU|Usage (%)" is CPU usage; "Summary|Guest OS|Hostname" is a host name;
 * "mgn:app:name" is the application name, not the asset name).
 */
export function hierarchicalViews(
  header: string,
  fullTokens: readonly string[],
  tokenize: (segment: string) => readonly string[],
): string[][] {
  const segments = header.split(HIERARCHY).filter((s) => s.trim().length > 0);
  if (segments.length < 2) return [];
  const meaningful = segments.map(tokenize).filter((t) => t.length > 0 && !t.every((w) => NAMESPACE.has(w)));
  let tail: string[] = [];
  for (let i = meaningful.length - 1; i >= 0; i--) {
    tail = [...(meaningful[i] as readonly string[]), ...tail];
    if (tail.some((t) => !GENERIC.has(t))) break;
  }
  if (tail.length === 0 || tail.join(' ') === fullTokens.join(' ')) return [];
  return [tail];
}
