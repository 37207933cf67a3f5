/**
 * `modernize serve`: the embedded platform's HTTP API with S3 upload triggers, and
 * `modernize token`: a signed token for it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultHome, EmbeddedPlatform } from '#adapters/local/embeddedPlatform.ts';
import { loadConfig } from '#config/config.ts';
import { startAssessment } from '#flows/assessment/index.ts';
import { startDiscovery, storeUpload } from '#flows/discovery/startDiscovery.ts';
import { startLocalApi } from '#http/localServer.ts';
import { ROLES, type Role } from '#ports/tenant.ts';
import { mintLocalToken } from '#security/localKeys.ts';
import { handler as apiHandler } from '../../functions/httpApi.ts';
import type { Io } from './output.ts';
import { UsageError } from './output.ts';
import { cliTenant } from './platformSession.ts';

const EXAMPLE_ENGAGEMENT = 'example';
const EXAMPLE_FILES = ['cmdb-export.csv', 'connections.csv'];

/** Serves until the process is stopped (SIGINT/SIGTERM stop the servers cleanly). */
export async function serveCommand(
  io: Io,
  args: { port?: string; example?: boolean },
  tenantId: string,
): Promise<number> {
  const port = Number(args.port ?? process.env.MODERNIZE_PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`invalid --port ${args.port}`);
  const platform = await EmbeddedPlatform.start({ home: defaultHome() });
  const config = loadConfig();
  const consoleDir = join(import.meta.dirname, '..', '..', 'web', 'dist');
  const hasConsole = existsSync(join(consoleDir, 'index.html'));
  const { url, server } = await startLocalApi(apiHandler as never, {
    port,
    maxBodyBytes: config.limits.maxUploadBytes,
    ...(hasConsole ? { staticDir: consoleDir } : {}),
  });
  if (!hasConsole) io.err('the web console is not built (npm run build:web); serving the API only');
  io.err(`Modernize API listening on ${url} (data in ${defaultHome()})`);
  if (args.example) await processExample(io, platform, tenantId);
  const token = await mintLocalToken({
    home: config.home,
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    tenant: tenantId,
    roles: ['client_admin'],
  });
  const consoleUrl = `${url}/#token=${encodeURIComponent(token)}`;
  io.out(
    `${hasConsole ? `Console: ${consoleUrl}\n` : ''}API: ${url}  (OpenAPI: ${url}/openapi.json)\nTry: curl -H "Authorization: Bearer ${token}" ${url}/engagements/${EXAMPLE_ENGAGEMENT}/assets`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  server.close();
  await platform.stop();
  return 0;
}

/** Discovers the bundled example exports once (skipped when the example engagement already has flows). */
async function processExample(io: Io, platform: EmbeddedPlatform, tenantId: string): Promise<void> {
  const tenant = cliTenant(tenantId);
  const existing = await platform.services.flows.list(tenant, { engagementId: EXAMPLE_ENGAGEMENT });
  if (existing.some((f) => f.status === 'completed')) {
    io.err(`example engagement already discovered (${existing.length} flows)`);
    return;
  }
  for (const name of EXAMPLE_FILES) {
    const path = join(import.meta.dirname, '..', '..', 'examples', name);
    if (!existsSync(path)) continue;
    const body = readFileSync(path);
    const upload = await storeUpload(platform.services, tenant, {
      engagementId: EXAMPLE_ENGAGEMENT,
      fileName: name,
      body,
    });
    const flow = await startDiscovery(platform.services, tenant, upload, { autoApprove: true });
    const arn = flow.executionArns.at(-1);
    if (arn) await platform.workflow.settled(arn);
    const done = await platform.services.flows.get(tenant, flow.flowId);
    io.err(`example ${name}: discovery ${done?.status}${done?.error ? ` (${done.error.message})` : ''}`);
  }
  const assessment = await startAssessment(platform.services, tenant, EXAMPLE_ENGAGEMENT);
  await platform.workflow.settled(assessment.executionArns.at(-1) as string);
  const assessed = await platform.services.flows.get(tenant, assessment.flowId);
  io.err(`example assessment: ${assessed?.status}${assessed?.error ? ` (${assessed.error.message})` : ''}`);
}

/** `modernize token --tenant T --role R [--user U] [--engagements a,b]` prints a signed token. */
export async function tokenCommand(
  io: Io,
  args: { role?: string; user?: string; engagements?: string; expires?: string },
  tenantId: string,
  json: boolean,
): Promise<number> {
  const roles = (args.role ?? 'analyst').split(',').map((r) => r.trim());
  const bad = roles.find((r) => !ROLES.includes(r as Role));
  if (bad) throw new UsageError(`unknown role "${bad}"; roles: ${ROLES.join(', ')}`);
  cliTenant(tenantId);
  const config = loadConfig();
  const token = await mintLocalToken({
    home: config.home,
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    tenant: tenantId,
    roles: roles as Role[],
    userId: args.user,
    engagements: args.engagements ? args.engagements.split(',').map((e) => e.trim()) : undefined,
    expiresIn: args.expires,
  });
  io.out(json ? JSON.stringify({ token, tenant: tenantId, roles }) : token);
  return 0;
}
