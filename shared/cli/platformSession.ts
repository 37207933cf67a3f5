/**
 * Runs a command against the embedded platform under $MODERNIZE_HOME.
 */
import { createReadStream, statSync } from 'node:fs';
import { defaultHome, EmbeddedPlatform } from '#adapters/local/embeddedPlatform.ts';
import { BadInputError } from '#errors/errors.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { isSafeId } from '#ports/tenant.ts';
import { osUser } from './cliAudit.ts';

/** Starts the embedded platform, runs `fn`, waits for background work, stops it. */
export async function withPlatform<T>(fn: (platform: EmbeddedPlatform) => Promise<T>): Promise<T> {
  let platform: EmbeddedPlatform;
  try {
    platform = await EmbeddedPlatform.start({ home: defaultHome() });
  } catch (error) {
    if (/lock/i.test(String((error as Error)?.message))) {
      throw new Error(
        `the data under ${defaultHome()} is in use by another modernize process (is "modernize serve" running?)`,
      );
    }
    throw error;
  }
  try {
    return await fn(platform);
  } finally {
    await platform.stop();
  }
}

/** The CLI acts as the local operator of the given tenant. */
export function cliTenant(tenant: string): TenantContext {
  if (!isSafeId(tenant)) throw new BadInputError(`invalid tenant "${tenant.slice(0, 40)}"`);
  return {
    clientAccountId: tenant,
    userId: `cli:${osUser()}`,
    roles: ['client_admin'],
  };
}

/** Opens a local file for (re-)reading, with a clear error when it is missing. */
export function localFile(path: string): {
  open: () => AsyncIterable<Uint8Array>;
  size: number;
  name: string;
} {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new BadInputError(`${path} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof BadInputError) throw error;
    throw new BadInputError(`cannot read ${path}: no such file`);
  }
  return {
    open: () => createReadStream(path, { highWaterMark: 1 << 20 }),
    size,
    name: path.split(/[\\/]/).pop() ?? path,
  };
}
