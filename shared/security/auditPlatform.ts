/**
 * Requests refused before a tenant was proven (401: missing, expired, tampered or foreign token)
 * go to the platform's audit log: a reason code, the route, source IP and user agent when known,
 * never the token or anything it claims (an unverified claim is the attacker's word).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoPlatformAuditLog } from '#adapters/aws/dynamoAuditStore.ts';
import { createDynamoTable } from '#adapters/aws/dynamoTable.ts';
import type { ModernizeConfig } from '#config/config.ts';
import type { PlatformAuditEntry, PlatformAuditLog } from '#ports/auditStore.ts';

/** Reason codes of a refused token, by the verifier's error code. */
const JOSE_REASONS: Readonly<Record<string, string>> = {
  ERR_JWT_EXPIRED: 'expired_token',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'bad_signature',
  ERR_JWS_INVALID: 'malformed_token',
  ERR_JWT_INVALID: 'malformed_token',
  ERR_JOSE_ALG_NOT_ALLOWED: 'algorithm_not_allowed',
  ERR_JOSE_NOT_SUPPORTED: 'algorithm_not_allowed',
  ERR_JWKS_NO_MATCHING_KEY: 'unknown_key',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'unknown_key',
  ERR_JWKS_TIMEOUT: 'key_set_unavailable',
  ERR_JWKS_INVALID: 'key_set_unavailable',
};

/** Reason codes of a claim that failed validation, by claim. */
const CLAIM_REASONS: Readonly<Record<string, string>> = {
  aud: 'wrong_audience',
  iss: 'wrong_issuer',
  nbf: 'token_not_yet_valid',
  exp: 'expired_token',
};

/**
 * A stable reason code for a 401 (what a platform admin filters and counts by), from the error
 * `authenticate` threw and the verifier error it wraps.
 *
 * @example unauthenticatedReason(new UnauthorizedError('missing bearer token')) // 'missing_token'
 */
export function unauthenticatedReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; claim?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.code === 'string') {
    if (cause.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED')
      return CLAIM_REASONS[String(cause.claim)] ?? 'invalid_claims';
    return JOSE_REASONS[cause.code] ?? 'invalid_token';
  }
  const message = error instanceof Error ? error.message : '';
  if (/missing bearer/i.test(message)) return 'missing_token';
  if (/no valid tenant/i.test(message)) return 'no_tenant';
  if (/no role/i.test(message)) return 'no_role';
  return 'invalid_token';
}

const logs = new WeakMap<ModernizeConfig, PlatformAuditLog>();

/**
 * The platform audit log of `config`'s table, signing with the function's own credentials (the
 * platform partition is outside every tenant's keys, so tenant-scoped credentials cannot reach it).
 * Its writer makes one attempt per write: a 401 costs exactly one PutItem, even when DynamoDB is
 * throttling, and a lost event is logged rather than retried (reads retry as usual). Built once
 * per configuration.
 */
export function platformAuditLogFor(config: ModernizeConfig): PlatformAuditLog {
  let log = logs.get(config);
  if (!log) {
    const client = (maxAttempts?: number) =>
      new DynamoDBClient({
        region: config.region,
        ...(maxAttempts ? { maxAttempts } : {}),
        ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}),
      });
    log = new DynamoPlatformAuditLog(createDynamoTable(config.tableName, client()), {
      retentionDays: config.auditRetentionDays,
      writeTable: createDynamoTable(config.tableName, client(1)),
    });
    logs.set(config, log);
  }
  return log;
}

/**
 * Records one refused request: one write, and a write that fails is logged and ignored, so a flood
 * of bad tokens neither slows the answers much nor turns 401s into 500s.
 */
export async function recordUnauthenticated(log: PlatformAuditLog, entry: PlatformAuditEntry): Promise<void> {
  try {
    await log.recordUnauthenticated(entry);
  } catch (error) {
    console.error('platform audit write failed', error instanceof Error ? error.name : 'error', entry.action);
  }
}
