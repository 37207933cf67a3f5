/**
 * Entry into discovery: register an upload and start its flow. Used by the S3 trigger,
 * the HTTP API and the CLI alike.
 */
import { createHash, randomUUID } from 'node:crypto';
import { BadInputError, ConflictError } from '#errors/errors.ts';
import type { FlowRecord } from '#ports/flowStore.ts';
import type { UploadRecord } from '#ports/inventoryStore.ts';
import { objectKeys, parseUploadKey } from '#ports/objectStore.ts';
import { isSafeId, type TenantContext } from '#ports/tenant.ts';
import { FlowOrchestrator } from '../orchestrator.ts';
import type { Services } from '../services.ts';
import { DISCOVERY, type DiscoveryConfig, discoveryConfigSchema } from './discoveryConfig.ts';

/** Turns a user-supplied file name into a safe single key segment. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^A-Za-z0-9._ -]/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  return cleaned || 'upload';
}

/** Validates an engagement id from a user. */
export function checkEngagementId(engagementId: string): string {
  if (!isSafeId(engagementId))
    throw new BadInputError(`invalid engagement id "${engagementId.slice(0, 40)}"`);
  return engagementId;
}

/** Stores an upload's bytes under the tenant's prefix and records it. */
export async function storeUpload(
  services: Services,
  tenant: TenantContext,
  input: {
    engagementId: string;
    fileName: string;
    body: Uint8Array | AsyncIterable<Uint8Array>;
    size?: number;
  },
): Promise<UploadRecord> {
  const engagementId = checkEngagementId(input.engagementId);
  await ensureEngagement(services, tenant, engagementId);
  const uploadId = randomUUID();
  const fileName = safeFileName(input.fileName);
  const objectKey = objectKeys.upload(tenant.clientAccountId, engagementId, uploadId, fileName, 'files');
  await services.objects.put(tenant, objectKey, input.body);
  const size = input.size ?? (await services.objects.head(tenant, objectKey))?.size ?? 0;
  const upload: UploadRecord = {
    uploadId,
    engagementId,
    fileName,
    objectKey,
    size,
    uploadedAt: services.clock.now().toISOString(),
    uploadedBy: tenant.userId,
  };
  await services.uploads.put(tenant, upload);
  return upload;
}

/** Creates the engagement on first use. */
export async function ensureEngagement(
  services: Services,
  tenant: TenantContext,
  engagementId: string,
): Promise<void> {
  await services.engagements.ensure(tenant, {
    engagementId,
    name: engagementId,
    createdAt: services.clock.now().toISOString(),
    createdBy: tenant.userId,
    settings: {},
  });
}

/** Creates and starts a discovery flow for a stored upload. */
export async function startDiscovery(
  services: Services,
  tenant: TenantContext,
  upload: Pick<UploadRecord, 'uploadId' | 'engagementId' | 'objectKey' | 'fileName'>,
  options: Omit<DiscoveryConfig, 'upload'> & { flowId?: string } = {},
): Promise<FlowRecord> {
  const { flowId, ...rest } = options;
  const parsed = discoveryConfigSchema.safeParse({
    ...rest,
    upload: { uploadId: upload.uploadId, objectKey: upload.objectKey, fileName: upload.fileName },
  });
  if (!parsed.success)
    throw new BadInputError(`invalid discovery options: ${parsed.error.issues[0]?.message}`);
  const orchestrator = new FlowOrchestrator(services);
  const flow = await orchestrator.createFlow(tenant, {
    flowType: DISCOVERY,
    engagementId: upload.engagementId,
    config: parsed.data,
    flowId,
  });
  return orchestrator.startFlow(tenant, flow.flowId);
}

/** One S3 object-created record (the fields we use). */
export interface UploadEventRecord {
  readonly s3: {
    readonly bucket?: { readonly name?: string };
    readonly object: {
      readonly key: string;
      readonly size?: number;
      readonly eTag?: string;
      readonly sequencer?: string;
    };
  };
}

/**
 * Handles an object created under an engagement's upload prefix: records the upload and
 * starts discovery. The flow id derives from the object and its version, so a duplicate
 * delivery of the same event starts nothing new.
 */
export async function handleUploadCreated(
  services: Services,
  record: UploadEventRecord,
): Promise<FlowRecord | null> {
  const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
  const parts = parseUploadKey(key);
  if (!parts || !isSafeId(parts.clientAccountId) || !isSafeId(parts.engagementId)) return null;
  const tenant: TenantContext = {
    clientAccountId: parts.clientAccountId,
    userId: 'system:upload',
    roles: ['analyst'],
  };
  const flowId = createHash('sha256')
    .update(`${key}\u0000${record.s3.object.eTag ?? ''}\u0000${record.s3.object.sequencer ?? ''}`)
    .digest('hex')
    .slice(0, 32);
  if (await services.flows.get(tenant, flowId)) return null;
  await ensureEngagement(services, tenant, parts.engagementId);
  const existing = await services.uploads.get(tenant, parts.engagementId, parts.uploadId);
  if (!existing) {
    await services.uploads.put(tenant, {
      uploadId: parts.uploadId,
      engagementId: parts.engagementId,
      fileName: parts.fileName,
      objectKey: key,
      size: record.s3.object.size ?? 0,
      uploadedAt: services.clock.now().toISOString(),
      uploadedBy: 'system:upload',
    });
  }
  try {
    return await startDiscovery(services, tenant, { ...parts, objectKey: key }, { flowId });
  } catch (error) {
    if (error instanceof ConflictError) return null;
    throw error;
  }
}
