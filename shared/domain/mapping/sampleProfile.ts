/**
 * Builds a ColumnProfile from a header and example values, the way the importer
 * profiles a parsed column. Used by the labelled evaluation set, the benchmark
 * and tests, and by anyone who holds values but no importer profile.
 */
import type { ColumnProfile, InferredType } from '#domain/tableTypes.ts';

const CHECKS: ReadonlyArray<[InferredType, RegExp]> = [
  ['boolean', /^(true|false|yes|no)$/i],
  ['integer', /^[-+]?\d+$/],
  ['decimal', /^[-+]?(\d+|\d*\.\d+)$/],
  ['ip', /^(\d{1,3}\.){3}\d{1,3}$/],
  ['mac', /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i],
  ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ['date', /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?/],
  ['fqdn', /^([a-z0-9-]+\.)+[a-z]{2,}$/i],
];

/** Infer the column type the importer would report for these values. */
export function inferType(values: readonly string[]): InferredType {
  const filled = values.map((v) => v.trim()).filter((v) => v.length > 0);
  if (filled.length === 0) return 'empty';
  for (const [type, re] of CHECKS) {
    if (filled.every((v) => re.test(v))) return type;
  }
  return 'text';
}

/**
 * Profile a column from example values.
 * @example profileFromSamples('Memory', ['4096', '8192'], 3) // inferredType 'integer'
 */
export function profileFromSamples(header: string, samples: readonly string[], index: number): ColumnProfile {
  const filled = samples.filter((s) => s.trim().length > 0);
  const distinct = [...new Set(filled)];
  return {
    header,
    index,
    inferredType: inferType(filled),
    fillRate: samples.length === 0 ? 0 : filled.length / samples.length,
    nonEmpty: filled.length,
    distinct: distinct.length,
    samples: distinct,
  };
}
