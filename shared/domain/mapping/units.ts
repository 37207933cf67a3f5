/**
 * Size units of memory and storage columns: from the header when it says
 * ("(MB)", "MiB", "InMB", "MemoryGiB"), otherwise from the magnitudes of the
 * values, so cleansing can convert everything to GB.
 */
import type { CanonicalField } from '#domain/assetSchema.ts';
import type { SizeUnit } from '#domain/tableTypes.ts';
import type { ValueStats } from './valueProfile.ts';

/** Where a unit came from, for the review screen. */
export interface UnitGuess {
  readonly unit: SizeUnit;
  readonly from: 'header' | 'values' | 'default';
}

/**
 * Decide the unit of a size field. Memory: values in 1024..1048576 read as MB,
 * 0.5..2048 as GB (ties broken by the median). Storage: medians above 20 000
 * read as MB (20 TB per server is rare), above 1e9 as bytes.
 */
export function detectSizeUnit(
  field: CanonicalField,
  headerUnit: SizeUnit | undefined,
  values: ValueStats,
): UnitGuess {
  if (headerUnit) return { unit: headerUnit, from: 'header' };
  if (values.count === 0 || Number.isNaN(values.median)) return { unit: 'GB', from: 'default' };
  const { median, max } = values;
  if (median >= 1e9 || max >= 1e11) return { unit: 'B', from: 'values' };
  if (field === 'memoryGb') {
    if (median > 2048 || max > 8192) return { unit: 'MB', from: 'values' };
    if (median >= 1024 && max >= 1024) return { unit: 'MB', from: 'values' };
    return { unit: 'GB', from: 'values' };
  }
  if (median > 20000 || max > 200000) return { unit: 'MB', from: 'values' };
  return { unit: 'GB', from: 'values' };
}
