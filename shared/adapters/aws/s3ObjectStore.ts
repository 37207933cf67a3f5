/**
 * Object store on S3. Every key must lie under the tenant's prefix (`t/{tenant}/`);
 * a key outside it is refused before any request is made.
 */
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { NotFoundError } from '#errors/errors.ts';
import { type ObjectInfo, type ObjectStore, objectKeys } from '#ports/objectStore.ts';
import type { TenantContext } from '#ports/tenant.ts';

export class S3ObjectStore implements ObjectStore {
  readonly #client: () => S3Client;
  #built: S3Client | undefined;
  private readonly bucket: string;

  /**
   * `client` may be a function building the client: it is then called on the first request, so a
   * container that never touches S3 (most API reads) does not construct one at all.
   */
  constructor(bucket: string, client: S3Client | (() => S3Client) = () => new S3Client({})) {
    this.bucket = bucket;
    this.#client = typeof client === 'function' ? client : () => client;
  }

  /** The S3 client, built on first use. */
  private get client(): S3Client {
    this.#built ??= this.#client();
    return this.#built;
  }

  async put(
    tenant: TenantContext,
    key: string,
    body: Uint8Array | string | AsyncIterable<Uint8Array>,
    contentType = 'application/octet-stream',
  ): Promise<void> {
    this.check(tenant, key);
    if (typeof body === 'string' || body instanceof Uint8Array) {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }),
      );
      return;
    }
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: Readable.from(body), ContentType: contentType },
      queueSize: 2,
      partSize: 8 * 1024 * 1024,
    });
    await upload.done();
  }

  async getStream(tenant: TenantContext, key: string): Promise<AsyncIterable<Uint8Array>> {
    this.check(tenant, key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!out.Body) throw new NotFoundError('object');
      return out.Body as AsyncIterable<Uint8Array>;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') {
        throw new NotFoundError('object', error);
      }
      throw error;
    }
  }

  async getText(tenant: TenantContext, key: string): Promise<string | null> {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of await this.getStream(tenant, key)) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks).toString('utf8');
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  async head(tenant: TenantContext, key: string): Promise<ObjectInfo | null> {
    this.check(tenant, key);
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { key, size: out.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return null;
      throw error;
    }
  }

  async list(tenant: TenantContext, prefix: string): Promise<ObjectInfo[]> {
    this.check(tenant, prefix);
    const found: ObjectInfo[] = [];
    let token: string | undefined;
    do {
      const out = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const obj of out.Contents ?? []) found.push({ key: obj.Key ?? '', size: obj.Size ?? 0 });
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return found;
  }

  async delete(tenant: TenantContext, key: string): Promise<void> {
    this.check(tenant, key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  presignPut(tenant: TenantContext, key: string, expiresInSeconds: number): Promise<string> {
    this.check(tenant, key);
    return getSignedUrl(this.client, new PutObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: expiresInSeconds,
    });
  }

  /** Refuses keys outside the tenant's prefix or with path tricks. */
  private check(tenant: TenantContext, key: string): void {
    const prefix = objectKeys.tenantPrefix(tenant.clientAccountId);
    if (!key.startsWith(prefix) || key.includes('/../') || key.includes('//') || key.includes('\\')) {
      throw new NotFoundError('object');
    }
  }
}
