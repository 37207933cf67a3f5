/**
 * A fault-injecting HTTP proxy on loopback, put between handlers and a local AWS stand-in:
 * a rule decides per request whether to forward it or answer with an error status.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  readonly method: string;
  readonly url: string;
  /** DynamoDB operation from the X-Amz-Target header (e.g. `BatchWriteItem`), if any. */
  readonly operation: string | undefined;
}

/** Returns a status to fail the request with, or undefined to forward it. */
export type FaultRule = (req: ProxiedRequest) => number | undefined;

export class FaultProxy {
  rule: FaultRule = () => undefined;
  failures = 0;
  private server: Server | undefined;

  /** Starts forwarding to `target`; resolves with the proxy's URL. */
  async start(target: string): Promise<string> {
    const upstream = new URL(target);
    this.server = createServer((req, res) => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1];
      const status = this.rule({ method: req.method ?? 'GET', url: req.url ?? '/', operation });
      if (status !== undefined) {
        this.failures++;
        req.resume();
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(
          JSON.stringify({
            __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
            message: 'injected fault',
          }),
        );
        return;
      }
      const forward = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      forward.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(forward);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
