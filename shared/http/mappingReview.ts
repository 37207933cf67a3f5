/**
 * What the mapping review screen needs beyond the mapping itself: each source column's sample
 * values, fill rate and inferred type from the data_import profile, and the target fields the
 * file kind allows (for the "change mapping" choice).
 */
import { ASSET_FIELD_NAMES, CONNECTION_FIELD_NAMES } from '#domain/assetSchema.ts';
import type { FieldMapping, ImportProfile, MappingResult } from '#domain/tableTypes.ts';
import type { Services } from '#flows/services.ts';
import type { FlowRecord } from '#ports/flowStore.ts';
import type { TenantContext } from '#ports/tenant.ts';

/** Sample values shown per column (the profile keeps more; a handful is enough to judge). */
export const REVIEW_SAMPLES = 6;

/** A mapping row of the review screen. */
export interface ReviewedMapping extends FieldMapping {
  readonly samples: readonly string[];
  readonly fillRate: number | null;
  readonly inferredType: string | null;
}

/** The mappings response: the flow's mappings with samples, plus the allowed targets. */
export interface MappingReview {
  readonly kind: MappingResult['kind'];
  readonly mappings: readonly ReviewedMapping[];
  readonly targets: readonly string[];
  readonly rows: number | null;
  readonly fileName: string | null;
}

/** Adds the data_import profile's samples to a flow's mappings (no samples if the profile is gone). */
export async function withSamples(
  services: Services,
  tenant: TenantContext,
  flow: FlowRecord,
  result: MappingResult,
): Promise<MappingReview> {
  const key = flow.phases.find((p) => p.name === 'data_import')?.outputKey;
  const text = key ? await services.objects.getText(tenant, key) : null;
  const profile = text ? (JSON.parse(text) as ImportProfile) : null;
  const columns = new Map((profile?.columns ?? []).map((c) => [c.header, c]));
  return {
    kind: result.kind,
    mappings: result.mappings.map((m) => {
      const column = columns.get(m.source);
      return {
        ...m,
        samples: (column?.samples ?? []).slice(0, REVIEW_SAMPLES),
        fillRate: column?.fillRate ?? null,
        inferredType: column?.inferredType ?? null,
      };
    }),
    targets: result.kind === 'connections' ? CONNECTION_FIELD_NAMES : ASSET_FIELD_NAMES,
    rows: profile?.rows ?? null,
    fileName: profile?.fileName ?? null,
  };
}
