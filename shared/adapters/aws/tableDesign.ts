/**
 * The single DynamoDB table: key names, GSIs and key builders. The CDK data stack and
 * the embedded platform's CreateTable both derive from this file.
 *
 * Every partition key starts with `T#{clientAccountId}` so a tenant-scoped credential
 * can be confined with `dynamodb:LeadingKeys` (`T#{tenant}` and `T#{tenant}#*`).
 */
export const TABLE_KEYS = { pk: 'pk', sk: 'sk' } as const;

/** GSI1: flows by engagement and status. GSI2: assets by application. */
export const TABLE_INDEXES = {
  flowsByEngagement: { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
  assetsByApplication: { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' },
} as const;

/** Attribute holding an epoch-seconds expiry for records that expire (idempotency, caches). */
export const TTL_ATTRIBUTE = 'expiresAt';

const t = (tenant: string) => `T#${tenant}`;
const te = (tenant: string, engagementId: string) => `T#${tenant}#E#${engagementId}`;

/** Key builders, one per item kind. */
export const keys = {
  engagement: (tenant: string, engagementId: string) => ({ pk: t(tenant), sk: `ENG#${engagementId}` }),
  engagementPrefix: 'ENG#',
  flow: (tenant: string, flowId: string) => ({ pk: `${t(tenant)}#F#${flowId}`, sk: 'FLOW' }),
  flowIndex: (tenant: string, engagementId: string, status: string, createdAt: string, flowId: string) => ({
    gsi1pk: `${te(tenant, engagementId)}#FLOWS`,
    gsi1sk: `${status}#${createdAt}#${flowId}`,
  }),
  flowIndexPk: (tenant: string, engagementId: string) => `${te(tenant, engagementId)}#FLOWS`,
  upload: (tenant: string, engagementId: string, uploadId: string) => ({
    pk: te(tenant, engagementId),
    sk: `U#${uploadId}`,
  }),
  uploadPrefix: 'U#',
  asset: (tenant: string, engagementId: string, assetId: string) => ({
    pk: te(tenant, engagementId),
    sk: `A#${assetId}`,
  }),
  assetPrefix: 'A#',
  assetIndex: (tenant: string, engagementId: string, application: string, assetId: string) => ({
    gsi2pk: `${te(tenant, engagementId)}#APP#${application}`,
    gsi2sk: `A#${assetId}`,
  }),
  assetIndexPk: (tenant: string, engagementId: string, application: string) =>
    `${te(tenant, engagementId)}#APP#${application}`,
  edge: (tenant: string, engagementId: string, edgeId: string) => ({
    pk: te(tenant, engagementId),
    sk: `D#${edgeId}`,
  }),
  edgePrefix: 'D#',
  learnedRule: (tenant: string, ruleId: string) => ({ pk: t(tenant), sk: `LM#${ruleId}` }),
  override: (tenant: string, engagementId: string, applicationKey: string) => ({
    pk: t(tenant),
    sk: `OVR#${engagementId}#${applicationKey}`,
  }),
  overridePrefix: (engagementId?: string) => (engagementId ? `OVR#${engagementId}#` : 'OVR#'),
  learnedRulePrefix: 'LM#',
  tenantPartition: t,
  engagementPartition: te,
};

/**
 * Agent memory records (shared/memory): their own partition per tenant, `T#{tenant}#MEM`, so
 * `dynamodb:LeadingKeys` confines them like every other item and listing them reads only them.
 */
export const memoryKeys = {
  partition: (tenant: string) => `${t(tenant)}#MEM`,
  memory: (tenant: string, memoryId: string) => ({ pk: `${t(tenant)}#MEM`, sk: `M#${memoryId}` }),
  memoryPrefix: 'M#',
};

/**
 * Audit events: their own partition per tenant, `T#{tenant}#AUDIT`, sorted by time
 * (`AU#{ISO timestamp}#{eventId}`) so a time range is one key-condition query.
 */
export const auditKeys = {
  partition: (tenant: string) => `${t(tenant)}#AUDIT`,
  event: (tenant: string, at: string, eventId: string) => ({
    pk: `${t(tenant)}#AUDIT`,
    sk: auditKeys.eventSort(at, eventId),
  }),
  /** Sort key of an event in any audit partition (a tenant's or the platform's): time order, then id. */
  eventSort: (at: string, eventId: string) => `AU#${at}#${eventId}`,
  sortPrefix: 'AU#',
};

/** Users of a client account: in the tenant partition, `T#{tenant}` / `USER#{userId}`. */
export const userKeys = {
  user: (tenant: string, userId: string) => ({ pk: t(tenant), sk: `USER#${userId}` }),
  partition: t,
  sortPrefix: 'USER#',
};

/**
 * The platform's client registry: `PLATFORM` / `CLIENT#{clientId}`. Deliberately outside every
 * tenant's leading keys, so no tenant-scoped credential can read or change it.
 */
export const platformKeys = {
  partition: 'PLATFORM',
  client: (clientId: string) => ({ pk: 'PLATFORM', sk: `CLIENT#${clientId}` }),
  clientPrefix: 'CLIENT#',
};
