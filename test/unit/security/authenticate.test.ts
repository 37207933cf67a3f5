import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type ModernizeConfig } from '#config/config.ts';
import { authenticate } from '#security/authenticate.ts';
import { mintLocalToken } from '#security/localKeys.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('authenticate refuses every token it cannot trust', () => {
  let home: string;
  let config: ModernizeConfig;
  const mint = (over: Partial<Parameters<typeof mintLocalToken>[0]> = {}) =>
    mintLocalToken({
      home,
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      tenant: 'acme',
      roles: ['analyst'],
      ...over,
    });
  const claims = () => ({
    tenant: 'acme',
    'cognito:groups': ['client_admin'],
    iss: config.auth.issuer,
    aud: config.auth.audience,
    sub: 'mallory',
    exp: Math.floor(Date.now() / 1000) + 3600,
  });

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'modernize-auth-'));
    config = loadConfig({ MODERNIZE_HOME: home });
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('accepts a token signed by the local key and reads tenant, roles and engagements', async () => {
    const token = await mint({ engagements: ['dc1'], userId: 'ann' });

    const caller = await authenticate(`Bearer ${token}`, config);

    expect(caller).toEqual({
      clientAccountId: 'acme',
      userId: 'ann',
      roles: ['analyst'],
      engagements: ['dc1'],
    });
  });

  it.each([
    ['no header', () => undefined],
    ['a non-bearer scheme', async () => `Basic ${await mint()}`],
    ['garbage', () => 'Bearer not-a-jwt'],
    ['alg none (unsigned)', () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
    ['an expired token', async () => `Bearer ${await mint({ expiresIn: '-1m' })}`],
    ['a wrong issuer', async () => `Bearer ${await mint({ issuer: 'https://evil.example' })}`],
    ['a wrong audience', async () => `Bearer ${await mint({ audience: 'another-api' })}`],
    [
      'a tampered payload (tenant swapped, signature kept)',
      async () => {
        const [h, , sig] = (await mint()).split('.');
        return `Bearer ${h}.${b64({ ...claims(), tenant: 'globex' })}.${sig}`;
      },
    ],
    [
      'a tampered signature',
      async () => {
        const token = await mint();
        return `Bearer ${token.slice(0, -6)}${token.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`;
      },
    ],
    [
      'a token signed by another key',
      async () => {
        const { privateKey } = await generateKeyPair('ES256');
        return `Bearer ${await new SignJWT(claims()).setProtectedHeader({ alg: 'ES256' }).sign(privateKey)}`;
      },
    ],
    [
      'an HS256 token (algorithm confusion)',
      async () =>
        `Bearer ${await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(32)))}`,
    ],
  ])('refuses %s with 401', async (_name, header) => {
    const value = await header();

    const outcome = authenticate(value, config);

    await expect(outcome).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('refuses a signed token that names no tenant or grants no known role', async () => {
    await expect(authenticate(`Bearer ${await mint({ tenant: '../etc' })}`, config)).rejects.toMatchObject({
      status: 401,
    });
    await expect(authenticate(`Bearer ${await mint({ roles: [] })}`, config)).rejects.toMatchObject({
      status: 401,
    });
  });
});
