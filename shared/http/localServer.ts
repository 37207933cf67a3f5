/**
 * The local HTTP server of the embedded platform: turns each request into the API Gateway
 * proxy event the cloud delivers and calls the same Lambda handler.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { findStaticFile } from './staticFiles.ts';

export type ApiLambda = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

const TEXT_TYPES = /^(application\/json|text\/|application\/x-www-form-urlencoded)/;

/**
 * Starts the server on `port` (0 = any free port) on loopback; resolves with its URL. With
 * `staticDir`, GET requests for `/` and for files in that folder serve the browser console;
 * every other request goes to the API.
 */
export async function startLocalApi(
  lambda: ApiLambda,
  options: { port?: number; host?: string; maxBodyBytes: number; staticDir?: string },
): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    try {
      if (options.staticDir && (req.method === 'GET' || req.method === 'HEAD')) {
        const file = await findStaticFile(
          options.staticDir,
          new URL(req.url ?? '/', 'http://local').pathname,
        );
        if (file) {
          res.writeHead(200, { ...file.headers, 'content-length': String(file.body.length) });
          res.end(req.method === 'HEAD' ? undefined : file.body);
          return;
        }
      }
      const event = await toEvent(req, options.maxBodyBytes);
      const result = await lambda(event, {} as Context);
      res.writeHead(result.statusCode, result.headers as Record<string, string>);
      res.end(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      res.writeHead(tooLarge ? 413 : 500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: {
            code: tooLarge ? 'too_large' : 'internal',
            message: tooLarge ? error.message : 'internal error',
          },
        }),
      );
    }
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://${options.host ?? '127.0.0.1'}:${port}`, server };
}

class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`request body over ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

async function toEvent(req: IncomingMessage, maxBodyBytes: number): Promise<APIGatewayProxyEvent> {
  const url = new URL(req.url ?? '/', 'http://local');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new BodyTooLargeError(maxBodyBytes);
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks);
  const contentType = String(req.headers['content-type'] ?? '');
  const isText = TEXT_TYPES.test(contentType);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
  const query = Object.fromEntries(url.searchParams.entries());
  return {
    httpMethod: req.method ?? 'GET',
    path: url.pathname,
    resource: url.pathname,
    headers,
    multiValueHeaders: {},
    queryStringParameters: Object.keys(query).length ? query : null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body: body.length ? (isText ? body.toString('utf8') : body.toString('base64')) : null,
    isBase64Encoded: body.length > 0 && !isText,
    // The caller's address and agent as API Gateway reports them (the audit records them).
    requestContext: {
      identity: { sourceIp: req.socket.remoteAddress ?? '', userAgent: req.headers['user-agent'] ?? '' },
    } as APIGatewayProxyEvent['requestContext'],
  };
}
