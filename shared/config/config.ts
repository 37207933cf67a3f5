/**
 * Typed configuration from the environment. Cloud and embedded platform differ only here.
 */
import { homedir } from 'node:os';
import { resolve } from 'node:path';

export interface ModernizeConfig {
  readonly region: string;
  readonly tableName: string;
  readonly bucket: string;
  /** Local DynamoDB-compatible endpoint (embedded platform); unset in the cloud. */
  readonly dynamoEndpoint?: string;
  /** Local S3-compatible endpoint (embedded platform); unset in the cloud. */
  readonly s3Endpoint?: string;
  /** `sfn` in the cloud; `local` on the embedded platform. */
  readonly workflow: 'sfn' | 'local';
  /** Flow type -> state machine ARN (cloud). */
  readonly stateMachineArns: Record<string, string>;
  /** Days an audit event is kept before DynamoDB's TTL removes it (MODERNIZE_AUDIT_RETENTION_DAYS; 0 = forever). */
  readonly auditRetentionDays: number;
  /** State directory of the embedded platform. */
  readonly home: string;
  /** A mapping below this confidence sends the flow to review. */
  readonly reviewThreshold: number;
  readonly limits: TenantLimits;
  /** Per-tenant overrides of `limits` (MODERNIZE_TENANT_LIMITS, JSON: tenant id -> partial limits). */
  readonly tenantLimits: Readonly<Record<string, Partial<TenantLimits>>>;
  /** The chat model the agents use; no API key and no secret ARN means degraded mode (rules only). */
  readonly llm: LlmConfig;
  readonly auth: {
    readonly issuer: string;
    readonly audience: string;
    /** Cognito JWKS URL in the cloud; unset locally (the local key under $MODERNIZE_HOME is used). */
    readonly jwksUrl?: string;
  };
  /** Agent memory: embeddings, vector index and ranking (shared/memory). */
  readonly memory: MemoryConfig;
  /**
   * Tenant isolation by IAM: set (MODERNIZE_TENANT_ROLE_ARN) in the cloud, where every store of a
   * tenant's data uses credentials vended for that tenant; unset locally (the function's own clients).
   */
  readonly tenantIsolation?: TenantIsolationConfig;
  /**
   * Browser origins the API answers with CORS headers (MODERNIZE_CORS_ORIGIN, comma-separated; `*`
   * for any). API Gateway answers preflights; the handler adds the headers to real responses.
   */
  readonly corsOrigins?: readonly string[];
}

/** The tenant-access role and the resources its tenant session policies name (tenantSessionPolicy). */
export interface TenantIsolationConfig {
  readonly roleArn: string;
  readonly tableArn: string;
  readonly bucketArn: string;
  /** Keys encrypting the table and the bucket (S3 SSE-KMS needs them in the session policy). */
  readonly kmsKeyArns: readonly string[];
  readonly collectionArn?: string;
  /** Session length (role chaining allows at most one hour). */
  readonly durationSeconds: number;
  /**
   * Credentials are renewed this long before they expire: longer than any presigned URL they sign
   * (900 s), so a link never dies before its stated expiry.
   */
  readonly refreshMarginSeconds: number;
}

/** What one tenant may use: upload size, rows and columns per upload, and LLM tokens. */
export interface TenantLimits {
  readonly maxUploadBytes: number;
  readonly maxRows: number;
  readonly maxColumns: number;
  /** Prompt + completion tokens the tenant's agents may use per calendar month (UTC); 0 = no budget. */
  readonly llmTokenBudget: number;
}

/** Agent memory settings (see shared/memory/ranking.ts for how they rank). */
export interface MemoryConfig {
  /** MODERNIZE_EMBEDDINGS_MODEL on the LLM endpoint; unset: the deterministic local embedder. */
  readonly embeddingsModel?: string;
  /** Dimensions asked of the embeddings model (models that can shorten vectors). */
  readonly embeddingsDimensions?: number;
  /** Dimension of the local embedder. */
  readonly localDimensions: number;
  /** `opensearch` when an endpoint is set, else `embedded` (files under $MODERNIZE_HOME/memory). */
  readonly vectorIndex: 'opensearch' | 'embedded';
  readonly openSearchEndpoint?: string;
  /** `aoss` (OpenSearch Serverless, default) or `es` (a managed domain). */
  readonly openSearchService: 'aoss' | 'es';
  readonly recencyHalfLifeDays: number;
  /** A memory below the confidence floor and unused this long stops surfacing. */
  readonly staleAfterDays: number;
  readonly confidenceFloor: number;
  readonly minSimilarity: number;
}

/** OpenAI-compatible chat endpoint settings (see DESIGN.md, LLM and embeddings). */
export interface LlmConfig {
  readonly baseUrl: string;
  readonly model: string;
  /** Local key (MODERNIZE_LLM_API_KEY). */
  readonly apiKey?: string;
  /** Secrets Manager secret holding the key in the cloud (read only when set). */
  readonly secretArn?: string;
  /** Per-request timeout. */
  readonly timeoutMs: number;
  /** Retries of one request on 408/409/429/5xx and connection errors (the openai client's backoff with jitter). */
  readonly maxRetries: number;
  /** Chat completions one agent task may make (tool-calling turns). */
  readonly maxTurns: number;
  /** Price per million prompt / completion tokens, for cost records (USD). */
  readonly inputPricePerMTok: number;
  readonly outputPricePerMTok: number;
  /** How long a tenant's cached agent answer stays valid. */
  readonly cacheTtlSeconds: number;
}

function num(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? Number.NaN : Number(value);
  return Number.isFinite(n) ? n : fallback;
}

function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Tenant isolation settings when MODERNIZE_TENANT_ROLE_ARN is set. ARNs not given explicitly
 * (MODERNIZE_TABLE_ARN, MODERNIZE_BUCKET_ARN) are derived from the role's partition and account.
 */
export function tenantIsolationConfig(
  env: NodeJS.ProcessEnv,
  region: string,
  tableName: string,
  bucket: string,
): TenantIsolationConfig | undefined {
  const roleArn = env.MODERNIZE_TENANT_ROLE_ARN;
  if (!roleArn) return undefined;
  const [, partition = 'aws', , , account = ''] = roleArn.split(':');
  return {
    roleArn,
    tableArn: env.MODERNIZE_TABLE_ARN || `arn:${partition}:dynamodb:${region}:${account}:table/${tableName}`,
    bucketArn: env.MODERNIZE_BUCKET_ARN || `arn:${partition}:s3:::${bucket}`,
    kmsKeyArns: commaList(env.MODERNIZE_KMS_KEY_ARNS),
    collectionArn: env.MODERNIZE_MEMORY_COLLECTION_ARN || undefined,
    durationSeconds: num(env.MODERNIZE_TENANT_SESSION_SECONDS, 3600),
    refreshMarginSeconds: num(env.MODERNIZE_TENANT_REFRESH_MARGIN_SECONDS, 1200),
  };
}

/**
 * Audit retention in days (MODERNIZE_AUDIT_RETENTION_DAYS, default 400 — over a year, so an annual
 * review still finds last year's events; 0 keeps events forever). A negative or non-numeric value
 * falls back to the default rather than silently deleting or keeping everything.
 */
export function auditRetentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const days = num(env.MODERNIZE_AUDIT_RETENTION_DAYS, 400);
  return days >= 0 ? Math.floor(days) : 400;
}

/** Reads configuration from `env` (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ModernizeConfig {
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const tableName = env.MODERNIZE_TABLE ?? 'modernize';
  const bucket = env.MODERNIZE_BUCKET ?? 'modernize-uploads';
  const tenantIsolation = tenantIsolationConfig(env, region, tableName, bucket);
  const corsOrigins = commaList(env.MODERNIZE_CORS_ORIGIN);
  return {
    region,
    tableName,
    bucket,
    dynamoEndpoint: env.MODERNIZE_DYNAMODB_ENDPOINT || undefined,
    s3Endpoint: env.MODERNIZE_S3_ENDPOINT || undefined,
    workflow: env.MODERNIZE_WORKFLOW === 'local' ? 'local' : 'sfn',
    stateMachineArns: env.MODERNIZE_STATE_MACHINES ? JSON.parse(env.MODERNIZE_STATE_MACHINES) : {},
    auditRetentionDays: auditRetentionDays(env),
    home: resolve(env.MODERNIZE_HOME ?? resolve(process.cwd(), '.modernize') ?? homedir()),
    reviewThreshold: num(env.MODERNIZE_REVIEW_THRESHOLD, 0.6),
    limits: {
      maxUploadBytes: num(env.MODERNIZE_MAX_UPLOAD_BYTES, 2 * 1024 ** 3),
      maxRows: num(env.MODERNIZE_MAX_ROWS, 5_000_000),
      maxColumns: num(env.MODERNIZE_MAX_COLUMNS, 1000),
      llmTokenBudget: num(env.MODERNIZE_LLM_TOKEN_BUDGET, 0),
    },
    tenantLimits: parseTenantLimits(env.MODERNIZE_TENANT_LIMITS),
    llm: {
      baseUrl: env.MODERNIZE_LLM_BASE_URL || 'https://api.deepinfra.com/v1/openai',
      model: env.MODERNIZE_LLM_MODEL || 'meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8',
      apiKey: env.MODERNIZE_LLM_API_KEY || undefined,
      secretArn: env.MODERNIZE_LLM_SECRET_ARN || undefined,
      timeoutMs: num(env.MODERNIZE_LLM_TIMEOUT_MS, 60_000),
      maxRetries: num(env.MODERNIZE_LLM_MAX_RETRIES, 2),
      maxTurns: num(env.MODERNIZE_LLM_MAX_TURNS, 6),
      inputPricePerMTok: num(env.MODERNIZE_LLM_INPUT_PRICE, 0.15),
      outputPricePerMTok: num(env.MODERNIZE_LLM_OUTPUT_PRICE, 0.6),
      cacheTtlSeconds: num(env.MODERNIZE_LLM_CACHE_TTL_SECONDS, 7 * 24 * 3600),
    },
    auth: {
      issuer: env.MODERNIZE_JWT_ISSUER ?? 'modernize-local',
      audience: env.MODERNIZE_JWT_AUDIENCE ?? 'modernize-api',
      jwksUrl: env.MODERNIZE_JWKS_URL || undefined,
    },
    memory: {
      embeddingsModel: env.MODERNIZE_EMBEDDINGS_MODEL || undefined,
      embeddingsDimensions: num(env.MODERNIZE_EMBEDDINGS_DIMENSIONS, 0) || undefined,
      localDimensions: num(env.MODERNIZE_MEMORY_LOCAL_DIMENSIONS, 256),
      vectorIndex: env.MODERNIZE_OPENSEARCH_ENDPOINT ? 'opensearch' : 'embedded',
      openSearchEndpoint: env.MODERNIZE_OPENSEARCH_ENDPOINT || undefined,
      openSearchService: env.MODERNIZE_OPENSEARCH_SERVICE === 'es' ? 'es' : 'aoss',
      recencyHalfLifeDays: num(env.MODERNIZE_MEMORY_HALF_LIFE_DAYS, 30),
      staleAfterDays: num(env.MODERNIZE_MEMORY_STALE_DAYS, 90),
      confidenceFloor: num(env.MODERNIZE_MEMORY_CONFIDENCE_FLOOR, 0.3),
      minSimilarity: num(env.MODERNIZE_MEMORY_MIN_SIMILARITY, 0.2),
    },
    ...(tenantIsolation ? { tenantIsolation } : {}),
    ...(corsOrigins.length > 0 ? { corsOrigins } : {}),
  };
}

/** A malformed MODERNIZE_TENANT_LIMITS: configuration errors are reported, never guessed around. */
export class TenantLimitsConfigError extends Error {
  readonly code = 'bad_tenant_limits';
  constructor(message: string) {
    super(message);
    this.name = 'TenantLimitsConfigError';
  }
}

/** The limits a tenant can have (configuration overrides and client records name only these). */
export const LIMIT_KEYS = ['maxUploadBytes', 'maxRows', 'maxColumns', 'llmTokenBudget'] as const;

/** Parses `{"acme":{"maxRows":1000,"llmTokenBudget":200000}}`; unknown keys or non-numbers are refused. */
export function parseTenantLimits(raw: string | undefined): Record<string, Partial<TenantLimits>> {
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new TenantLimitsConfigError('MODERNIZE_TENANT_LIMITS is not valid JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new TenantLimitsConfigError('MODERNIZE_TENANT_LIMITS must map tenant ids to limits');
  const out: Record<string, Partial<TenantLimits>> = {};
  for (const [tenant, limits] of Object.entries(parsed)) {
    if (!limits || typeof limits !== 'object')
      throw new TenantLimitsConfigError(`MODERNIZE_TENANT_LIMITS.${tenant} must be an object`);
    const entry: Record<string, number> = {};
    for (const [key, value] of Object.entries(limits)) {
      if (!LIMIT_KEYS.includes(key as never) || typeof value !== 'number' || !(value >= 0))
        throw new TenantLimitsConfigError(
          `MODERNIZE_TENANT_LIMITS.${tenant}.${key} is not a known non-negative limit`,
        );
      entry[key] = value;
    }
    out[tenant] = entry as Partial<TenantLimits>;
  }
  return out;
}

/**
 * The configured limits of `tenantId`: its MODERNIZE_TENANT_LIMITS overrides over the platform's
 * defaults. A client record's limits come on top (shared/security/tenantLimits.ts `resolveLimits`).
 */
export function limitsFor(config: ModernizeConfig, tenantId?: string): TenantLimits {
  const own = tenantId ? config.tenantLimits?.[tenantId] : undefined;
  return { ...config.limits, llmTokenBudget: config.limits.llmTokenBudget ?? 0, ...own };
}

/** The importer limits of a configuration, for one tenant when given (shared/import's ImportLimits, minus line length). */
export function importLimits(
  config: ModernizeConfig,
  tenantId?: string,
): {
  maxBytes: number;
  maxRows: number;
  maxColumns: number;
} {
  return importLimitsOf(limitsFor(config, tenantId));
}

/** The importer limits of resolved tenant limits (the shape `openUpload` takes). */
export function importLimitsOf(limits: TenantLimits): {
  maxBytes: number;
  maxRows: number;
  maxColumns: number;
} {
  return { maxBytes: limits.maxUploadBytes, maxRows: limits.maxRows, maxColumns: limits.maxColumns };
}
