/**
 * File-kind detection: an asset inventory (one row per server) or a connection
 * log (one row per observed connection between a source and a destination).
 */
import type { FileKind } from '#domain/assetSchema.ts';
import type { ColumnProfile } from '#domain/tableTypes.ts';
import { analyzeHeader, type HeaderAnalysis } from './headerNormalizer.ts';
import { profileValues, type ValueStats } from './valueProfile.ts';

const ENDPOINT = new Set([
  'ip',
  'port',
  'host',
  'hostname',
  'server',
  'process',
  'application',
  'address',
  'name',
  'machine',
]);

/**
 * Decide whether columns describe assets or connections. Connection files name
 * both ends of a connection (source/local/src and destination/remote/dst columns
 * of IPs, ports, hosts or processes); everything else is an asset file.
 */
export function detectFileKind(columns: readonly ColumnProfile[]): { kind: FileKind; confidence: number } {
  return detectKind(columns.map((c) => ({ analysis: analyzeHeader(c.header), values: profileValues(c) })));
}

/** detectFileKind over already analysed columns (mapColumns analyses each column once). */
export function detectKind(
  columns: ReadonlyArray<{ readonly analysis: HeaderAnalysis; readonly values: ValueStats }>,
): { kind: FileKind; confidence: number } {
  let source = 0;
  let destination = 0;
  let ports = 0;
  let protocol = false;
  let ipColumns = 0;
  for (const column of columns) {
    const tokens = new Set(column.analysis.tokens);
    // A directional column holding addresses names an endpoint whatever its abbreviation ("orig_h").
    const endpoint = [...tokens].some((t) => ENDPOINT.has(t)) || tokens.size === 1 || column.values.ip >= 0.8;
    if (tokens.has('source') && endpoint) source++;
    if ((tokens.has('destination') || tokens.has('target')) && endpoint) destination++;
    if (tokens.has('port')) ports++;
    if (tokens.has('protocol')) protocol = true;
    if (column.values.ip >= 0.8) ipColumns++;
  }
  if (source >= 1 && destination >= 1) {
    return { kind: 'connections', confidence: Math.min(0.99, 0.8 + 0.04 * (source + destination)) };
  }
  if (ipColumns >= 2 && ports >= 1 && protocol) return { kind: 'connections', confidence: 0.7 };
  const total = Math.max(1, columns.length);
  const oneSided = (source + destination) / total;
  return { kind: 'assets', confidence: Math.max(0.55, Math.min(0.98, 0.95 - oneSided)) };
}
