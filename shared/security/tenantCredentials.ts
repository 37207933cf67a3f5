/**
 * Tenant isolation by IAM (token vending): a handler that touches one tenant's data assumes the
 * tenant-access role with a session policy that only allows that tenant's DynamoDB partitions
 * (`dynamodb:LeadingKeys` = `T#{tenant}` and `T#{tenant}#*`), its S3 prefix (`t/{tenant}/*`) and
 * its OpenSearch collection, so a bug in a key builder cannot read another tenant's rows.
 */
import type { AssumeRoleCommand, AssumeRoleCommandOutput } from '@aws-sdk/client-sts';
import { ModernizeError } from '#errors/errors.ts';
import { isSafeId } from '#ports/tenant.ts';

/** The resources the tenant-access role may reach; the session policy narrows them to one tenant. */
export interface TenantResources {
  /** ARN of the single table (its indexes are `${tableArn}/index/*`). */
  readonly tableArn: string;
  /** ARN of the uploads bucket. */
  readonly bucketArn: string;
  /** KMS keys that encrypt the table and the bucket (data keys need them). */
  readonly kmsKeyArns?: readonly string[];
  /** OpenSearch Serverless collection ARN holding the memory indexes. */
  readonly collectionArn?: string;
}

/** Temporary credentials in the shape the AWS SDK v3 clients accept. */
export interface TenantCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
}

/** An IAM policy document (the subset we build). */
export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly {
    readonly Sid: string;
    readonly Effect: 'Allow';
    readonly Action: readonly string[];
    readonly Resource: readonly string[];
    readonly Condition?: Record<string, Record<string, readonly string[]>>;
  }[];
}

/** STS rejects session policies whose packed text exceeds this many characters. */
export const MAX_SESSION_POLICY_CHARS = 2048;

/** Why tenant credentials could not be vended: 500 (a deployment or platform fault, not the caller's). */
export class TenantCredentialsError extends ModernizeError {
  constructor(message: string, code = 'tenant_credentials', cause?: unknown) {
    super(message, { code, status: 500, cause });
    this.name = 'TenantCredentialsError';
  }
}

/** The OpenSearch index (pattern) of a tenant's memories; the collection's data-access policy allows `memory-*`. */
export function tenantMemoryIndex(tenant: string): string {
  return `memory-${tenant.toLowerCase()}`;
}

/**
 * The session policy confining an assumed role to one tenant. Pure: the same input gives the same
 * JSON, which tests assert and the vendor passes to AssumeRole.
 *
 * @example tenantSessionPolicy('acme', { tableArn, bucketArn }) // only T#acme rows, only t/acme/*
 */
export function tenantSessionPolicy(tenant: string, resources: TenantResources): PolicyDocument {
  if (!isSafeId(tenant) || /[*?]/.test(tenant)) {
    throw new TenantCredentialsError(`unsafe tenant id ${JSON.stringify(tenant)}`, 'tenant_id');
  }
  const statements: PolicyDocument['Statement'][number][] = [
    {
      Sid: 'TenantRows',
      Effect: 'Allow',
      Action: [
        'dynamodb:GetItem',
        'dynamodb:BatchGetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:ConditionCheckItem',
      ],
      Resource: [resources.tableArn, `${resources.tableArn}/index/*`],
      Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`T#${tenant}`, `T#${tenant}#*`] } },
    },
    {
      Sid: 'TenantObjects',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'],
      Resource: [`${resources.bucketArn}/t/${tenant}/*`],
    },
    {
      Sid: 'TenantListing',
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: [resources.bucketArn],
      Condition: { StringLike: { 's3:prefix': [`t/${tenant}/`, `t/${tenant}/*`] } },
    },
  ];
  if (resources.kmsKeyArns && resources.kmsKeyArns.length > 0) {
    statements.push({
      Sid: 'DataKeys',
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
      Resource: [...resources.kmsKeyArns],
    });
  }
  if (resources.collectionArn) {
    // IAM authorises OpenSearch Serverless per collection only; the index is confined by the
    // collection's data-access policy (memory-*) and the index name the memory adapter derives.
    statements.push({
      Sid: 'TenantMemory',
      Effect: 'Allow',
      Action: ['aoss:APIAccessAll'],
      Resource: [resources.collectionArn],
    });
  }
  const policy: PolicyDocument = { Version: '2012-10-17', Statement: statements };
  const size = JSON.stringify(policy).length;
  if (size > MAX_SESSION_POLICY_CHARS) {
    throw new TenantCredentialsError(
      `session policy for ${tenant} is ${size} characters; STS allows ${MAX_SESSION_POLICY_CHARS}`,
      'session_policy_too_large',
    );
  }
  return policy;
}

/** The one STS call the vendor needs (an STSClient fits; tests inject a fake). */
export interface AssumeRoleClient {
  send(command: AssumeRoleCommand): Promise<AssumeRoleCommandOutput>;
}

export interface TenantCredentialVendorOptions {
  readonly sts: AssumeRoleClient;
  /** The tenant-access role (MODERNIZE_TENANT_ROLE_ARN). */
  readonly roleArn: string;
  readonly resources: TenantResources;
  /** Session length; STS allows 900 s up to the role's maximum. */
  readonly durationSeconds?: number;
  /** Credentials are renewed this long before they expire. */
  readonly refreshMarginSeconds?: number;
  readonly now?: () => number;
}

/**
 * Vends tenant-scoped credentials, cached per tenant until shortly before expiry, so a warm Lambda
 * calls STS once per tenant per session rather than once per request. The cache is per instance
 * and keyed by tenant: one tenant's credentials are never handed to another.
 */
export class TenantCredentialVendor {
  readonly #options: Required<Omit<TenantCredentialVendorOptions, 'now'>> & { now: () => number };
  readonly #cache = new Map<string, Promise<TenantCredentials>>();

  constructor(options: TenantCredentialVendorOptions) {
    this.#options = {
      durationSeconds: 900,
      refreshMarginSeconds: 120,
      now: Date.now,
      ...options,
    };
  }

  /** Credentials confined to `tenant`; reuses cached ones while they have more than the margin left. */
  async credentialsFor(tenant: string): Promise<TenantCredentials> {
    const cached = this.#cache.get(tenant);
    if (cached) {
      const credentials = await cached.catch(() => undefined);
      if (credentials && credentials.expiration.getTime() - this.#options.now() > this.#marginMs()) {
        return credentials;
      }
      if (this.#cache.get(tenant) !== cached) return this.credentialsFor(tenant);
    }
    const pending = this.#assume(tenant);
    this.#cache.set(tenant, pending);
    pending.catch(() => {
      if (this.#cache.get(tenant) === pending) this.#cache.delete(tenant);
    });
    return pending;
  }

  /** An SDK credential provider for `tenant` (pass as `credentials` to a client). */
  provider(tenant: string): () => Promise<TenantCredentials> {
    return () => this.credentialsFor(tenant);
  }

  #marginMs(): number {
    return this.#options.refreshMarginSeconds * 1000;
  }

  async #assume(tenant: string): Promise<TenantCredentials> {
    const policy = tenantSessionPolicy(tenant, this.#options.resources);
    let output: AssumeRoleCommandOutput;
    try {
      // The STS package loads on a container's first AssumeRole, not at cold start.
      const { AssumeRoleCommand } = await import('@aws-sdk/client-sts');
      output = await this.#options.sts.send(
        new AssumeRoleCommand({
          RoleArn: this.#options.roleArn,
          RoleSessionName: `tenant-${tenant}`.slice(0, 64),
          DurationSeconds: this.#options.durationSeconds,
          Policy: JSON.stringify(policy),
          Tags: [{ Key: 'tenant', Value: tenant }],
        }),
      );
    } catch (error) {
      throw new TenantCredentialsError(
        `could not assume the tenant role for ${tenant}`,
        'assume_role',
        error,
      );
    }
    const c = output.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new TenantCredentialsError(`STS returned no credentials for ${tenant}`, 'assume_role');
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: new Date(c.Expiration),
    };
  }
}
