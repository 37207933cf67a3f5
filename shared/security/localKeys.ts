/**
 * Tokens on the embedded platform: an ES256 key pair kept under $MODERNIZE_HOME signs
 * tokens minted by `modernize token` and verifies them in the local API.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import type { Role } from '#ports/tenant.ts';

interface StoredKeys {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

const ALG = 'ES256';

async function loadOrCreate(home: string): Promise<StoredKeys> {
  const file = join(home, 'jwt-keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StoredKeys;
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const keys: StoredKeys = { privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

/** The local verification key. */
export async function localPublicKey(home: string): Promise<Awaited<ReturnType<typeof importJWK>>> {
  return importJWK((await loadOrCreate(home)).publicJwk, ALG);
}

export interface MintOptions {
  readonly home: string;
  readonly issuer: string;
  readonly audience: string;
  readonly tenant: string;
  readonly roles: readonly Role[];
  readonly userId?: string;
  /** Engagements the user is assigned to; omitted = all of the tenant's. */
  readonly engagements?: readonly string[];
  readonly expiresIn?: string;
}

/** Mints a signed token with the claims the API reads (`tenant`, `cognito:groups`). */
export async function mintLocalToken(options: MintOptions): Promise<string> {
  const keys = await loadOrCreate(options.home);
  const key = await importJWK(keys.privateJwk, ALG);
  return new SignJWT({
    tenant: options.tenant,
    'cognito:groups': [...options.roles],
    ...(options.engagements ? { engagements: [...options.engagements] } : {}),
  })
    .setProtectedHeader({ alg: ALG })
    .setSubject(options.userId ?? `${options.tenant}-user`)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(key);
}
