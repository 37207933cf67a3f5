/**
 * The OpenAPI 3.1 document of the API, generated from the route table and the same zod schemas
 * the handler validates bodies with, so the document cannot drift from what the API accepts.
 */
import * as z from 'zod/v4';
import { assetSchema } from '#domain/assetSchema.ts';
import type { Route } from './apiTypes.ts';

type JsonObject = Record<string, unknown>;

const ERROR_SCHEMA = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' } },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
};

/** Success status of a route, following the handlers' conventions. */
function successStatus(route: Route): string {
  if (route.method === 'POST' && /\/(uploads|corrections)$|^\/engagements$/.test(route.path)) return '201';
  if (route.method === 'PUT' && route.rawBody) return '202';
  if (/\/(assessments|resume|approve)$|\/override$/.test(route.path)) return '202';
  return '200';
}

/** A stable operationId, e.g. `GET /flows/{flowId}/mappings` -> `getFlowsFlowIdMappings`. */
export function operationId(route: Route): string {
  const words = route.path
    .split('/')
    .filter(Boolean)
    .map((s) =>
      s
        .replace(/[{}]/g, '')
        .replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()),
    );
  return [route.method.toLowerCase(), ...words.map((w) => w.charAt(0).toUpperCase() + w.slice(1))].join('');
}

function bodySchema(schema: z.ZodType): JsonObject {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonObject;
  delete json.$schema;
  return json;
}

function operation(route: Route): JsonObject {
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const queryParams = Object.entries(route.query ?? {}).map(([name, description]) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema: { type: 'string' },
  }));
  const content: JsonObject = {};
  for (const type of route.produces ?? ['application/json']) {
    content[type] =
      type === 'application/json'
        ? { schema: /\/assets$/.test(route.path) ? assetListRef : { type: 'object' } }
        : { schema: { type: 'string', ...(type.startsWith('text/') ? {} : { format: 'binary' }) } };
  }
  const op: JsonObject = {
    operationId: operationId(route),
    summary: route.summary,
    tags: [route.path.split('/')[1] ?? 'api'],
    parameters: [...pathParams, ...queryParams],
    responses: {
      [successStatus(route)]: { description: 'Success', content },
      default: {
        description: 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  };
  if (route.permission === 'public') op.security = [];
  else op['x-permission'] = route.permission;
  if (route.rawBody) {
    op.requestBody = {
      required: true,
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    };
  } else if (route.body) {
    op.requestBody = { required: false, content: { 'application/json': { schema: bodySchema(route.body) } } };
  }
  return op;
}

const assetListRef = {
  type: 'object',
  properties: { assets: { type: 'array', items: { $ref: '#/components/schemas/Asset' } } },
};

/** Builds the document for a route table (every route once; paths exactly as in the table). */
export function buildOpenApiDocument(routes: readonly Route[], info: { version?: string } = {}): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, JsonObject>)[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Modernize API',
      version: info.version ?? '0.1.0',
      description:
        'Cloud-migration discovery and assessment. Every route except the public ones needs `Authorization: Bearer <JWT>`; tenant and roles come from its claims.',
    },
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: ERROR_SCHEMA, Asset: bodySchema(assetSchema) },
    },
  };
}
