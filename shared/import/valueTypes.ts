/**
 * Classifies one cell value into the type vocabulary of column profiling. Cheap checks
 * first; regexes are anchored and linear so hostile cells cannot make them slow.
 */
import type { InferredType } from '#domain/tableTypes.ts';

const INTEGER = /^[+-]?\d{1,18}$/;
const GROUPED_INTEGER = /^[+-]?\d{1,3}(,\d{3})+$/;
const DECIMAL = /^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$/;
const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;
const BOOLEAN = /^(true|false|yes|no)$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASH_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}( \d{1,2}:\d{2}(:\d{2})?( ?[AaPp][Mm])?)?$/;
const NAMED_MONTH_DATE = /^\d{1,2}[- ][A-Za-z]{3,9}[- ]\d{2,4}$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(\/\d{1,2})?$/;
const IPV6 = /^[0-9A-Fa-f:]{2,39}(%\w+)?$/;
const MAC = /^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$|^([0-9A-Fa-f]{4}\.){2}[0-9A-Fa-f]{4}$/;
const UUID = /^\{?[0-9A-Fa-f]{8}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{12}\}?$/;
const FQDN = /^(?=.{4,253}$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,62})\.)+[A-Za-z]{2,63}\.?$/;
const LIST_SPLIT = /\s*[,;]\s*|\s+/;

function isIp(value: string): boolean {
  if (IPV4.test(value)) return true;
  return value.includes(':') && value.split(':').length >= 3 && IPV6.test(value);
}

/** True when every item of a comma/semicolon/space separated list is an IP address. */
function isIpList(value: string): boolean {
  const parts = value.split(LIST_SPLIT).filter((p) => p.length > 0);
  return parts.length > 1 && parts.length <= 64 && parts.every(isIp);
}

/** The type of one trimmed, non-empty value. */
export function classifyValue(value: string): InferredType {
  const first = value.charCodeAt(0);
  const digitLike = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46;
  if (value.length === 17 || value.length === 14) {
    if (MAC.test(value)) return 'mac';
  }
  if (digitLike) {
    if (INTEGER.test(value) || GROUPED_INTEGER.test(value)) return 'integer';
    if (DECIMAL.test(value) || COMMA_DECIMAL.test(value)) return 'decimal';
    if (ISO_DATE.test(value) || SLASH_DATE.test(value) || NAMED_MONTH_DATE.test(value)) return 'date';
    if (isIp(value)) return 'ip';
  }
  if (value.length <= 5 && BOOLEAN.test(value)) return 'boolean';
  if (value.length >= 32 && value.length <= 38 && UUID.test(value)) return 'uuid';
  if (!digitLike && value.includes(':') && isIp(value)) return 'ip';
  if (value.includes('.') && FQDN.test(value)) return 'fqdn';
  if (value.length > 8 && isIpList(value)) return 'ip';
  if (value.length === 12 && /^[0-9A-Fa-f]{12}$/.test(value) && /[A-Fa-f]/.test(value)) return 'mac';
  return 'text';
}

/** Values of one type in a column of checked values; the winner needs this share to count. */
export const TYPE_MAJORITY = 0.9;

/**
 * Picks the column type from per-type counts: the type covering at least 90% of the checked
 * non-empty values (integers count as decimals too), else text.
 */
export function decideType(counts: ReadonlyMap<InferredType, number>, checked: number): InferredType {
  if (checked === 0) return 'empty';
  const need = checked * TYPE_MAJORITY;
  const integers = counts.get('integer') ?? 0;
  if (integers >= need) return 'integer';
  if (integers + (counts.get('decimal') ?? 0) >= need) return 'decimal';
  let best: InferredType = 'text';
  let bestCount = 0;
  for (const [type, count] of counts) {
    if (type !== 'integer' && type !== 'decimal' && count > bestCount) {
      best = type;
      bestCount = count;
    }
  }
  return bestCount >= need ? best : 'text';
}
