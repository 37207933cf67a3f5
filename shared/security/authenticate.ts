/**
 * Verifies a bearer token and turns its claims into the tenant context. The tenant and
 * roles come only from the signed claims, never from headers the client sets.
 */
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import type { ModernizeConfig } from '#config/config.ts';
import { UnauthorizedError } from '#errors/errors.ts';
import { isSafeId, ROLES, type Role, type TenantContext } from '#ports/tenant.ts';
import { localPublicKey } from './localKeys.ts';

/** A verified caller: tenant context plus the engagements it may touch (undefined = all of its tenant's). */
export interface Caller extends TenantContext {
  readonly engagements?: readonly string[];
}

let remoteJwks: { url: string; set: ReturnType<typeof createRemoteJWKSet> } | undefined;

/** Verifies `authorization` (a `Bearer` header value) and returns the caller. */
export async function authenticate(
  authorization: string | undefined,
  config: ModernizeConfig,
): Promise<Caller> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) throw new UnauthorizedError('missing bearer token');
  let payload: JWTPayload;
  try {
    const verifyOptions = {
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      algorithms: ['ES256', 'RS256'],
    };
    if (config.auth.jwksUrl) {
      if (remoteJwks?.url !== config.auth.jwksUrl) {
        remoteJwks = { url: config.auth.jwksUrl, set: createRemoteJWKSet(new URL(config.auth.jwksUrl)) };
      }
      payload = (await jwtVerify(token, remoteJwks.set, verifyOptions)).payload;
    } else {
      payload = (await jwtVerify(token, await localPublicKey(config.home), verifyOptions)).payload;
    }
  } catch (error) {
    throw new UnauthorizedError('invalid or expired token', error);
  }
  const tenant = payload.tenant ?? payload['custom:tenant'];
  if (typeof tenant !== 'string' || !isSafeId(tenant))
    throw new UnauthorizedError('token names no valid tenant');
  const groups = payload['cognito:groups'];
  const roles = (Array.isArray(groups) ? groups : []).filter((g): g is Role => ROLES.includes(g as Role));
  if (roles.length === 0) throw new UnauthorizedError('token grants no role');
  const engagements = Array.isArray(payload.engagements)
    ? payload.engagements.filter((e): e is string => typeof e === 'string')
    : undefined;
  return { clientAccountId: tenant, userId: String(payload.sub ?? 'unknown'), roles, engagements };
}
