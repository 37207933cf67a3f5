/**
 * The shape every route handler sees, independent of API Gateway or the local server.
 */
import type * as z from 'zod/v4';
import type { Services } from '#flows/services.ts';
import type { Caller } from '#security/authenticate.ts';
import type { Permission } from '#security/rbac.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteContext<B = unknown> {
  readonly services: Services;
  readonly caller: Caller;
  readonly params: Record<string, string>;
  readonly query: Record<string, string>;
  /** The JSON body, validated by the route's schema. */
  readonly body: B;
  /** The raw body bytes (routes that take a file). */
  readonly rawBody: Buffer;
}

/**
 * What a handler returns. A plain value is sent as JSON. A string with a `content-type` header
 * is sent as that text (HTML, CSV); a `Uint8Array` is binary (e.g. XLSX) and travels base64-encoded,
 * as API Gateway proxy integrations expect (`isBase64Encoded`).
 */
export interface RouteResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface Route<S extends z.ZodType = z.ZodType> {
  readonly method: HttpMethod;
  /** API Gateway style template, e.g. `/flows/{flowId}`. */
  readonly path: string;
  /** What the caller's role must allow; `public` needs no token. */
  readonly permission: Permission | 'public';
  readonly summary: string;
  /** JSON body schema (validated before the handler runs). */
  readonly body?: S;
  /** True when the body is a raw file rather than JSON. */
  readonly rawBody?: boolean;
  /** Media types of a successful response other than JSON (documents the route in OpenAPI). */
  readonly produces?: readonly string[];
  /** Query parameters the route reads, name -> description (documents the route in OpenAPI). */
  readonly query?: Readonly<Record<string, string>>;
  readonly handler: (ctx: RouteContext<z.infer<S>>) => Promise<RouteResult>;
}
