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
  /** State directory of the embedded platform. */
  readonly home: string;
  /** A mapping below this confidence sends the flow to review. */
  readonly reviewThreshold: number;
  readonly limits: {
    readonly maxUploadBytes: number;
    readonly maxRows: number;
    readonly maxColumns: number;
  };
  readonly auth: {
    readonly issuer: string;
    readonly audience: string;
    /** Cognito JWKS URL in the cloud; unset locally (the local key under $MODERNIZE_HOME is used). */
    readonly jwksUrl?: string;
  };
}

function num(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? Number.NaN : Number(value);
  return Number.isFinite(n) ? n : fallback;
}

/** Reads configuration from `env` (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ModernizeConfig {
  return {
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    tableName: env.MODERNIZE_TABLE ?? 'modernize',
    bucket: env.MODERNIZE_BUCKET ?? 'modernize-uploads',
    dynamoEndpoint: env.MODERNIZE_DYNAMODB_ENDPOINT || undefined,
    s3Endpoint: env.MODERNIZE_S3_ENDPOINT || undefined,
    workflow: env.MODERNIZE_WORKFLOW === 'local' ? 'local' : 'sfn',
    stateMachineArns: env.MODERNIZE_STATE_MACHINES ? JSON.parse(env.MODERNIZE_STATE_MACHINES) : {},
    home: resolve(env.MODERNIZE_HOME ?? resolve(process.cwd(), '.modernize') ?? homedir()),
    reviewThreshold: num(env.MODERNIZE_REVIEW_THRESHOLD, 0.6),
    limits: {
      maxUploadBytes: num(env.MODERNIZE_MAX_UPLOAD_BYTES, 2 * 1024 ** 3),
      maxRows: num(env.MODERNIZE_MAX_ROWS, 5_000_000),
      maxColumns: num(env.MODERNIZE_MAX_COLUMNS, 1000),
    },
    auth: {
      issuer: env.MODERNIZE_JWT_ISSUER ?? 'modernize-local',
      audience: env.MODERNIZE_JWT_AUDIENCE ?? 'modernize-api',
      jwksUrl: env.MODERNIZE_JWKS_URL || undefined,
    },
  };
}

/** The importer limits of a configuration (shared/import's ImportLimits, minus line length). */
export function importLimits(config: ModernizeConfig): { maxBytes: number; maxRows: number; maxColumns: number } {
  return { maxBytes: config.limits.maxUploadBytes, maxRows: config.limits.maxRows, maxColumns: config.limits.maxColumns };
}
