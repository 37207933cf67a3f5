/**
 * API Gateway proxy event -> route -> result. Authentication, authorisation, body
 * validation and error mapping happen here, once, for every route.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { isModernizeError, type ModernizeError, oneLine, UnauthorizedError } from '#errors/errors.ts';
import type { Services } from '#flows/services.ts';
import { ImportError } from '#import/errors.ts';
import type { AuditOutcome } from '#ports/auditStore.ts';
import {
  platformAuditLogFor,
  recordUnauthenticated,
  unauthenticatedReason,
} from '#security/auditPlatform.ts';
import { authenticate, type Caller } from '#security/authenticate.ts';
import { AccessDeniedError, authorize, EngagementAccessDeniedError } from '#security/rbac.ts';
import { resolveCaller } from '#security/userAdministration.ts';
import type { Route } from './apiTypes.ts';
import { routes } from './routes.ts';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
const MAX_JSON_BODY = 1024 * 1024;

interface CompiledRoute {
  readonly route: Route;
  readonly pattern: RegExp;
  readonly names: string[];
}

const compiled: CompiledRoute[] = routes.map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}/?$`), names };
});

/** Finds the route for a method and path, with its decoded path parameters. */
export function matchRoute(
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | { allowed: string[] } | null {
  const allowed: string[] = [];
  for (const c of compiled) {
    const m = c.pattern.exec(path);
    if (!m) continue;
    if (c.route.method !== method) {
      allowed.push(c.route.method);
      continue;
    }
    const params: Record<string, string> = {};
    c.names.forEach((name, i) => {
      params[name] = safeDecode(m[i + 1] ?? '');
    });
    return { route: c.route, params };
  }
  return allowed.length > 0 ? { allowed } : null;
}

/** What the audit needs to know about one handled request. */
interface Handled {
  route?: Route;
  caller?: Caller;
  params?: Record<string, string>;
  error?: unknown;
}

/**
 * Handles one API request. Never throws; never returns a stack trace. Every mutation and every
 * denial of an authenticated caller is appended to the tenant's audit log; every request refused
 * for want of a valid token (401) to the platform's audit log.
 */
export async function handleApiEvent(
  event: APIGatewayProxyEvent,
  services: Services,
): Promise<APIGatewayProxyResult> {
  const handled: Handled = {};
  const response = await dispatch(event, services, handled);
  await audit(event, services, handled, response.statusCode);
  return withCors(event, response, services.config.corsOrigins);
}

async function dispatch(
  event: APIGatewayProxyEvent,
  services: Services,
  handled: Handled,
): Promise<APIGatewayProxyResult> {
  try {
    const match = matchRoute(event.httpMethod, event.path);
    if (!match) return reply(404, { error: { code: 'not_found', message: `no route ${event.path}` } });
    if ('allowed' in match) {
      return reply(405, {
        error: { code: 'method_not_allowed', message: `use ${match.allowed.join(', ')}` },
      });
    }
    const { route, params } = match;
    handled.route = route;
    handled.params = params;
    const headers = lowerCaseKeys(event.headers ?? {});
    let caller: Caller =
      route.permission === 'public'
        ? { clientAccountId: '', userId: 'anonymous', roles: [] }
        : await authenticate(headers.authorization, services.config);
    if (route.permission !== 'public') {
      handled.caller = caller;
      // The caller's user record, kept by the tenant's admins (one GetItem), replaces the token's roles
      // and engagement claim; the resolved caller is the one authorised and audited.
      caller = await resolveCaller(caller, services.users);
      handled.caller = caller;
      authorize(caller, route.permission);
    }
    const rawBody = event.body
      ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8')
      : Buffer.alloc(0);
    let body: unknown;
    if (route.body) {
      if (rawBody.length > MAX_JSON_BODY)
        return reply(413, { error: { code: 'too_large', message: 'JSON body over 1 MB' } });
      let parsed: unknown = {};
      if (rawBody.length > 0) {
        try {
          parsed = JSON.parse(rawBody.toString('utf8'));
        } catch {
          return reply(400, { error: { code: 'bad_json', message: 'request body is not valid JSON' } });
        }
      }
      const result = route.body.safeParse(parsed);
      if (!result.success) {
        const issue = result.error.issues[0];
        return reply(400, {
          error: {
            code: 'validation',
            message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
          },
        });
      }
      body = result.data;
    }
    const result = await route.handler({
      services,
      caller,
      params,
      query: event.queryStringParameters ? clean(event.queryStringParameters) : {},
      body,
      rawBody,
    });
    return reply(result.status, result.body, result.headers);
  } catch (error) {
    handled.error = error;
    return errorReply(error);
  }
}

/** Appends the audit event of a mutation or a denial; a failing audit write is logged, not answered. */
async function audit(
  event: APIGatewayProxyEvent,
  services: Services,
  handled: Handled,
  status: number,
): Promise<void> {
  const { route, caller, error } = handled;
  if (!route || route.permission === 'public') return;
  if (!caller) {
    if (error instanceof UnauthorizedError) await auditUnauthenticated(event, services, route, error, status);
    return;
  }
  const denied =
    error instanceof AccessDeniedError ||
    error instanceof EngagementAccessDeniedError ||
    error instanceof UnauthorizedError;
  const mutation = route.method !== 'GET';
  if (!mutation && !denied) return;
  const outcome: AuditOutcome = denied ? 'denied' : status < 400 ? 'success' : 'failed';
  try {
    await services.audit.record(caller, {
      action: `${route.method} ${route.path}`,
      target: clipValues(handled.params ?? {}),
      outcome,
      status,
      ...(error ? { reason: oneLine(error).slice(0, 300) } : {}),
    });
  } catch (auditError) {
    console.error('audit write failed', oneLine(auditError), event.httpMethod, route.path);
  }
}

/** A 401 before any tenant was proven: the platform log, with a reason code and no token. */
async function auditUnauthenticated(
  event: APIGatewayProxyEvent,
  services: Services,
  route: Route,
  error: UnauthorizedError,
  status: number,
): Promise<void> {
  const sourceIp = event.requestContext?.identity?.sourceIp;
  const userAgent =
    lowerCaseKeys(event.headers ?? {})['user-agent'] ?? event.requestContext?.identity?.userAgent;
  await recordUnauthenticated(platformAuditLogFor(services.config), {
    action: `${route.method} ${route.path}`,
    status,
    reason: unauthenticatedReason(error),
    ...(sourceIp ? { sourceIp: sourceIp.slice(0, 64) } : {}),
    ...(userAgent ? { userAgent: userAgent.slice(0, 200) } : {}),
  });
}

function clipValues(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v.slice(0, 200)]));
}

function errorReply(error: unknown): APIGatewayProxyResult {
  if (isModernizeError(error)) {
    const e = error as ModernizeError;
    return reply(e.status, { error: { code: e.code, message: oneLine(e) } });
  }
  if (error instanceof ImportError)
    return reply(400, { error: { code: error.code, message: oneLine(error) } });
  console.error('unhandled API error', error);
  return reply(500, { error: { code: 'internal', message: 'internal error' } });
}

function reply(status: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResult {
  const merged = { ...JSON_HEADERS, ...lowerCaseStrings(headers) };
  if (body instanceof Uint8Array) {
    return {
      statusCode: status,
      headers: merged,
      body: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64'),
      isBase64Encoded: true,
    };
  }
  return {
    statusCode: status,
    headers: merged,
    body: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
  };
}

function lowerCaseStrings(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function lowerCaseKeys(headers: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function clean(query: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * CORS headers on real responses when origins are configured (MODERNIZE_CORS_ORIGIN): API Gateway
 * answers the preflight, but with a proxy integration the browser reads the actual response only
 * if it carries them too. The caller's origin is echoed when allowed (`*` allows any).
 */
function withCors(
  event: APIGatewayProxyEvent,
  response: APIGatewayProxyResult,
  origins: readonly string[] | undefined,
): APIGatewayProxyResult {
  if (!origins || origins.length === 0) return response;
  const origin = lowerCaseKeys(event.headers ?? {}).origin;
  const allowed = origins.includes('*') ? '*' : origin && origins.includes(origin) ? origin : undefined;
  if (!allowed) return response;
  return {
    ...response,
    headers: {
      ...response.headers,
      'access-control-allow-origin': allowed,
      'access-control-expose-headers': 'content-disposition',
      vary: 'Origin',
    },
  };
}
