/**
 * A fault-injecting HTTP proxy on loopback, put between handlers and a local AWS stand-in:
 * a rule decides per request whether to forward it, delay it, throttle it, drop the connection
 * or answer with an error status.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  readonly method: string;
  readonly url: string;
  /** DynamoDB operation from the X-Amz-Target header (e.g. `BatchWriteItem`), if any. */
  readonly operation: string | undefined;
  /** Requests seen so far by this proxy, this one included (1-based): for "every Nth" rules. */
  readonly seq: number;
}

/**
 * What to do with a request: a number answers that status (DynamoDB InternalServerError body);
 * `throttle` answers as DynamoDB (400 ThrottlingException) or S3 (503 SlowDown) does under load;
 * `drop` closes the connection without an answer; `delay` forwards after `ms`.
 */
export type Fault =
  | number
  | { readonly kind: 'throttle' }
  | { readonly kind: 'drop' }
  | { readonly kind: 'delay'; readonly ms: number };

/** Returns a fault to inject, or undefined to forward the request. */
export type FaultRule = (req: ProxiedRequest) => Fault | undefined;

/** Every `n`th request gets `fault` (a deterministic, seed-free intermittent fault). */
export function everyNth(n: number, fault: Fault, only?: (req: ProxiedRequest) => boolean): FaultRule {
  return (req) => (req.seq % n === 0 && (!only || only(req)) ? fault : undefined);
}

export class FaultProxy {
  rule: FaultRule = () => undefined;
  /** Requests answered with a fault (status, throttle or drop; delays are not failures). */
  failures = 0;
  /** Faults injected, by kind. */
  readonly injected = { status: 0, throttle: 0, drop: 0, delay: 0 };
  private seq = 0;
  private server: Server | undefined;

  /** Starts forwarding to `target`; resolves with the proxy's URL. */
  async start(target: string): Promise<string> {
    const upstream = new URL(target);
    this.server = createServer((req, res) => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1];
      const fault = this.rule({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        operation,
        seq: ++this.seq,
      });
      const forward = () => {
        const upstreamReq = request(
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
        upstreamReq.on('error', () => {
          res.writeHead(502);
          res.end();
        });
        req.pipe(upstreamReq);
      };
      if (fault === undefined) return forward();
      if (typeof fault === 'object' && fault.kind === 'delay') {
        this.injected.delay++;
        req.pause();
        setTimeout(() => {
          req.resume();
          forward();
        }, fault.ms);
        return;
      }
      this.failures++;
      req.resume();
      if (typeof fault === 'object' && fault.kind === 'drop') {
        this.injected.drop++;
        req.socket.destroy();
        return;
      }
      if (typeof fault === 'object' && fault.kind === 'throttle') {
        this.injected.throttle++;
        if (operation) {
          res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
          res.end(
            JSON.stringify({
              __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException',
              message: 'Rate of requests exceeds the allowed throughput.',
            }),
          );
        } else {
          res.writeHead(503, { 'content-type': 'application/xml' });
          res.end(
            '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>',
          );
        }
        return;
      }
      this.injected.status++;
      res.writeHead(fault as number, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(
        JSON.stringify({
          __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
          message: 'injected fault',
        }),
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
