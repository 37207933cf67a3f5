/**
 * A tenant's learned field-mapping rules (corrections and rejections). Tenant-wide:
 * what a client taught us applies to all of that client's engagements, and to no other client.
 */
import type { LearnedRule } from '#domain/tableTypes.ts';
import type { TenantContext } from './tenant.ts';

export interface StoredLearnedRule extends LearnedRule {
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface MappingStore {
  put(tenant: TenantContext, rule: StoredLearnedRule): Promise<void>;
  list(tenant: TenantContext): Promise<StoredLearnedRule[]>;
}
