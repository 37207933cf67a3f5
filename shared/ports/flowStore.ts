/**
 * Flow state: one record per flow, changed only under optimistic locking.
 */
import type { TenantContext } from './tenant.ts';

export const FLOW_STATUSES = [
  'initialized',
  'running',
  'awaiting_review',
  'paused',
  'completed',
  'failed',
  'cancelled',
] as const;
export type FlowStatus = (typeof FLOW_STATUSES)[number];

export const PHASE_STATUSES = ['pending', 'running', 'completed', 'failed', 'skipped'] as const;
export type PhaseStatus = (typeof PHASE_STATUSES)[number];

/** One phase of a flow as the flow record reports it. */
export interface PhaseState {
  readonly name: string;
  status: PhaseStatus;
  startedAt?: string;
  finishedAt?: string;
  durationMs?: number;
  attempts?: number;
  /** Small summary of the phase result (counts, flags); large outputs live in S3. */
  result?: Record<string, unknown>;
  /** Object key of the full phase output. */
  outputKey?: string;
  error?: { code: string; message: string };
}

/** A flow record. `version` increases by one on every write. */
export interface FlowRecord {
  readonly flowId: string;
  readonly clientAccountId: string;
  readonly engagementId: string;
  readonly flowType: string;
  status: FlowStatus;
  currentPhase: string | null;
  phases: PhaseState[];
  /** Flow configuration given at creation (upload pointer, as-of date, auto-approve, thresholds...). */
  config: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  executionArns: string[];
  error?: { phase: string | null; code: string; message: string };
  /** Phases escalated or degraded, review reasons, notes a user should see. */
  notes: string[];
  version: number;
}

/** Query filter for listing flows of an engagement. */
export interface FlowQuery {
  readonly engagementId: string;
  readonly status?: FlowStatus;
  readonly flowType?: string;
  readonly limit?: number;
}

/** Storage of flow records. Implementations enforce the version condition on every update. */
export interface FlowStore {
  create(tenant: TenantContext, flow: FlowRecord): Promise<void>;
  get(tenant: TenantContext, flowId: string): Promise<FlowRecord | null>;
  list(tenant: TenantContext, query: FlowQuery): Promise<FlowRecord[]>;
  /**
   * Applies `mutate` to the latest record and writes it if nobody else wrote in between;
   * re-reads and re-applies on conflict (bounded). Returns the written record.
   */
  update(tenant: TenantContext, flowId: string, mutate: (flow: FlowRecord) => void): Promise<FlowRecord>;
}
