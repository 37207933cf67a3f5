/** Builders of cleansed rows for inventory tests. */
import type { CleansedRecord } from '#domain/tableTypes.ts';

/** A cleansed row of `uploadId` with the given canonical fields (quality 1, no custom columns). */
export function record(
  uploadId: string,
  row: number,
  fields: CleansedRecord['fields'],
  extra: Partial<Pick<CleansedRecord, 'custom' | 'isTemplate' | 'qualityScore' | 'qualityIssues'>> = {},
): CleansedRecord {
  return {
    uploadId,
    row,
    fields,
    custom: extra.custom ?? {},
    isTemplate: extra.isTemplate,
    qualityScore: extra.qualityScore ?? 1,
    qualityIssues: extra.qualityIssues ?? [],
  };
}
