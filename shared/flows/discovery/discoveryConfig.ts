/**
 * The discovery flow's name and configuration, validated once where a flow is created. Starting a
 * discovery needs only these (not the flow's registration, which references its phase modules).
 */
import * as z from 'zod/v4';
import type { FlowRecord } from '#ports/flowStore.ts';

/** The discovery flow type (statemachines/discovery.asl.json). */
export const DISCOVERY = 'discovery';

export const discoveryConfigSchema = z.object({
  upload: z.object({
    uploadId: z.string(),
    objectKey: z.string(),
    fileName: z.string(),
  }),
  /** YYYY-MM-DD that tech-debt analysis judges support status against; default: the flow's creation date. */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** Continue past review without stopping (scripts). */
  autoApprove: z.boolean().optional(),
  /** Mappings below this confidence send the flow to review. */
  reviewThreshold: z.number().min(0).max(1).optional(),
  /** User corrections for this flow's mappings: source header -> target (null = keep unmapped). */
  mappingCorrections: z.record(z.string(), z.string().nullable()).optional(),
  /** Start an assessment when discovery completes. */
  startAssessment: z.boolean().optional(),
});
export type DiscoveryConfig = z.infer<typeof discoveryConfigSchema>;

/** The flow's discovery config (validated at creation, so a parse failure here is a bug). */
export function discoveryConfigOf(flow: FlowRecord): DiscoveryConfig {
  return discoveryConfigSchema.parse(flow.config);
}

/** The as-of date for tech-debt analysis. */
export function asOfDate(flow: FlowRecord): string {
  return discoveryConfigOf(flow).asOf ?? flow.createdAt.slice(0, 10);
}
