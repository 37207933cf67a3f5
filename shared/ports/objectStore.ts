/**
 * Object storage for uploads and large phase outputs, always under the tenant's prefix.
 */
import type { TenantContext } from './tenant.ts';

export interface ObjectInfo {
  readonly key: string;
  readonly size: number;
}

export interface ObjectStore {
  /** Writes bytes or a stream; streams are uploaded in parts (bounded memory). */
  put(
    tenant: TenantContext,
    key: string,
    body: Uint8Array | string | AsyncIterable<Uint8Array>,
    contentType?: string,
  ): Promise<void>;
  /** Streams an object; throws NotFoundError when absent. */
  getStream(tenant: TenantContext, key: string): Promise<AsyncIterable<Uint8Array>>;
  getText(tenant: TenantContext, key: string): Promise<string | null>;
  head(tenant: TenantContext, key: string): Promise<ObjectInfo | null>;
  list(tenant: TenantContext, prefix: string): Promise<ObjectInfo[]>;
  delete(tenant: TenantContext, key: string): Promise<void>;
  /** A presigned PUT URL for a browser or script to upload directly. */
  presignPut(tenant: TenantContext, key: string, expiresInSeconds: number): Promise<string>;
}

/** Key layout (DESIGN.md): every key starts with the tenant's prefix. */
export const objectKeys = {
  tenantPrefix: (clientAccountId: string) => `t/${clientAccountId}/`,
  /** Presigned uploads land under `uploads/` and trigger discovery; files sent through the API or CLI go under `files/` and start their flow directly. */
  upload: (
    clientAccountId: string,
    engagementId: string,
    uploadId: string,
    fileName: string,
    channel: 'uploads' | 'files' = 'uploads',
  ) => `t/${clientAccountId}/e/${engagementId}/${channel}/${uploadId}/${fileName}`,
  phaseOutput: (clientAccountId: string, engagementId: string, flowId: string, phase: string, ext = 'json') =>
    `t/${clientAccountId}/e/${engagementId}/flows/${flowId}/${phase}.${ext}`,
  engagementDoc: (clientAccountId: string, engagementId: string, doc: string) =>
    `t/${clientAccountId}/e/${engagementId}/${doc}.json`,
};

/** Parses an upload key back into its parts, or null when the key is not an upload key. */
export function parseUploadKey(
  key: string,
): { clientAccountId: string; engagementId: string; uploadId: string; fileName: string } | null {
  const m = /^t\/([^/]+)\/e\/([^/]+)\/uploads\/([^/]+)\/([^/]+)$/.exec(key);
  if (!m) return null;
  const [, clientAccountId, engagementId, uploadId, fileName] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  return { clientAccountId, engagementId, uploadId, fileName };
}
