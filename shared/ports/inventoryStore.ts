/**
 * Engagement data: engagements, uploads, assets and dependency edges, all keyed by tenant first.
 */
import type { Asset } from '#domain/assetSchema.ts';
import type { TenantContext } from './tenant.ts';

export interface EngagementRecord {
  readonly engagementId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly createdBy: string;
  /** Assessment criteria, rates, review threshold... */
  readonly settings: Record<string, unknown>;
}

export interface UploadRecord {
  readonly uploadId: string;
  readonly engagementId: string;
  readonly fileName: string;
  readonly objectKey: string;
  readonly size: number;
  readonly uploadedAt: string;
  readonly uploadedBy: string;
  /** Set by discovery: what the file holds and where its cleansed rows are. */
  kind?: 'assets' | 'connections';
  cleansedKey?: string;
  rows?: number;
  flowId?: string;
}

/** A dependency edge as stored (names are asset names or external endpoints). */
export interface StoredEdge {
  readonly from: string;
  readonly to: string;
  readonly fromAssetId: string | null;
  readonly toAssetId: string | null;
  readonly fromExternal: boolean;
  readonly toExternal: boolean;
  readonly port: number | null;
  readonly protocol: string | null;
  readonly count: number;
  readonly bytes: number | null;
  readonly source: 'connections' | 'declared';
  readonly strong: boolean;
}

export interface EngagementStore {
  /** Creates the engagement if absent (idempotent); returns the stored record. */
  ensure(tenant: TenantContext, engagement: EngagementRecord): Promise<EngagementRecord>;
  get(tenant: TenantContext, engagementId: string): Promise<EngagementRecord | null>;
  list(tenant: TenantContext): Promise<EngagementRecord[]>;
  /** Replaces the engagement's record (settings changes). */
  put(tenant: TenantContext, engagement: EngagementRecord): Promise<EngagementRecord>;
}

export interface UploadStore {
  put(tenant: TenantContext, upload: UploadRecord): Promise<void>;
  get(tenant: TenantContext, engagementId: string, uploadId: string): Promise<UploadRecord | null>;
  list(tenant: TenantContext, engagementId: string): Promise<UploadRecord[]>;
}

export interface AssetStore {
  /** Writes assets (idempotent by assetId: a re-write replaces, never duplicates). */
  putMany(tenant: TenantContext, engagementId: string, assets: readonly Asset[]): Promise<void>;
  get(tenant: TenantContext, engagementId: string, assetId: string): Promise<Asset | null>;
  list(tenant: TenantContext, engagementId: string): Promise<Asset[]>;
  listByApplication(tenant: TenantContext, engagementId: string, application: string): Promise<Asset[]>;
}

export interface EdgeStore {
  /** Replaces the engagement's edge set: writes the new edges, deletes those no longer present. */
  replaceAll(tenant: TenantContext, engagementId: string, edges: readonly StoredEdge[]): Promise<void>;
  list(tenant: TenantContext, engagementId: string): Promise<StoredEdge[]>;
}

/** A user's decision on an application's strategy: survives re-assessment and feeds decision history. */
export interface StoredOverride {
  readonly engagementId: string;
  readonly application: string;
  readonly strategy: string;
  readonly by: string;
  readonly reason: string;
  readonly at: string;
  /** Traits of the application when decided (for decision history on similar applications). */
  readonly traits?: Record<string, unknown>;
}

export interface OverrideStore {
  /** Records (or replaces) the override of one application. */
  put(tenant: TenantContext, override: StoredOverride): Promise<void>;
  list(tenant: TenantContext, engagementId: string): Promise<StoredOverride[]>;
  /** Every override of the tenant, across engagements (decision history). */
  listAll(tenant: TenantContext): Promise<StoredOverride[]>;
}
