/**
 * Drives the HTTP API through the local server with tokens minted by the local key.
 */
import type { Server } from 'node:http';
import { loadConfig } from '#config/config.ts';
import { startLocalApi } from '#http/localServer.ts';
import type { Role } from '#ports/tenant.ts';
import { mintLocalToken } from '#security/localKeys.ts';
import { handler } from '../../functions/httpApi.ts';

export interface TestApi {
  readonly url: string;
  token(
    tenant: string,
    roles: Role[],
    extra?: { engagements?: string[]; expiresIn?: string },
  ): Promise<string>;
  call(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): void;
}

export async function startTestApi(): Promise<TestApi> {
  const { url, server }: { url: string; server: Server } = await startLocalApi(handler as never, {
    maxBodyBytes: 50e6,
  });
  return {
    url,
    async token(tenant, roles, extra = {}) {
      const config = loadConfig();
      return mintLocalToken({
        home: config.home,
        issuer: config.auth.issuer,
        audience: config.auth.audience,
        tenant,
        roles,
        engagements: extra.engagements,
        expiresIn: extra.expiresIn,
      });
    },
    async call(method, path, token, body) {
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      let payload: string | Buffer | undefined;
      if (Buffer.isBuffer(body)) {
        headers['content-type'] = 'application/octet-stream';
        payload = body;
      } else if (body !== undefined) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(body);
      }
      const res = await fetch(`${url}${path}`, { method, headers, body: payload });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    close() {
      server.close();
    },
  };
}
