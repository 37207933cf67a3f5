/**
 * A scripted OpenAI-compatible model server on loopback for tests and benches: answers
 * /v1/chat/completions from a script (tool calls, JSON, any text including tool calls
 * written as text and malformed JSON, HTTP errors with Retry-After, requests never answered,
 * endless tool loops) and /v1/embeddings with deterministic vectors. Records every request.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Token usage a scripted answer reports; `null` omits usage from the response. */
export type ScriptedUsage = { prompt_tokens: number; completion_tokens: number } | null;

/** One scripted answer. */
export type ScriptStep =
  | {
      readonly kind: 'tool_calls';
      readonly calls: readonly { name: string; arguments: unknown }[];
      readonly usage?: ScriptedUsage;
    }
  | { readonly kind: 'text'; readonly content: string; readonly usage?: ScriptedUsage }
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly retryAfter?: string;
      readonly message?: string;
    }
  | { readonly kind: 'hang' };

/** A chat request as received. */
export interface RecordedRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: {
    model?: string;
    messages?: { role: string; content?: string | null; tool_calls?: unknown[]; tool_call_id?: string }[];
    tools?: { function: { name: string } }[];
    [key: string]: unknown;
  };
}

/** Picks the answer to a request (index = chat requests received before this one). */
export type Responder = (request: RecordedRequest, index: number) => ScriptStep;

export interface ScriptedLlmServer {
  /** Base URL to configure (`…/v1`). */
  readonly baseUrl: string;
  /** Chat requests received, in order. */
  readonly requests: RecordedRequest[];
  /** Replaces the script. */
  script(script: readonly ScriptStep[] | Responder): void;
  close(): Promise<void>;
}

const DEFAULT_USAGE = { prompt_tokens: 100, completion_tokens: 20 };

/** A JSON answer. */
export const json = (value: unknown, usage?: ScriptedUsage): ScriptStep => ({
  kind: 'text',
  content: JSON.stringify(value),
  usage,
});
/** Any text answer (malformed JSON, prose, tool calls written as text). */
export const text = (content: string, usage?: ScriptedUsage): ScriptStep => ({
  kind: 'text',
  content,
  usage,
});
/** Native tool calls. */
export const toolCalls = (
  calls: { name: string; arguments: unknown }[],
  usage?: ScriptedUsage,
): ScriptStep => ({
  kind: 'tool_calls',
  calls,
  usage,
});
/** An HTTP error (429 with Retry-After, 500...). */
export const status = (code: number, retryAfter?: string): ScriptStep => ({
  kind: 'status',
  status: code,
  retryAfter,
});
/** Never answers (the client's timeout ends the request). */
export const hang = (): ScriptStep => ({ kind: 'hang' });

/** Llama 4 style: `<|python_start|>[name(a=1, b="x")]<|python_end|>`. */
export function llamaToolCallText(name: string, args: Record<string, unknown>): string {
  const literal = (v: unknown): string =>
    typeof v === 'string'
      ? JSON.stringify(v)
      : Array.isArray(v)
        ? `[${v.map(literal).join(', ')}]`
        : v === null
          ? 'None'
          : String(v);
  return `<|python_start|>[${name}(${Object.entries(args)
    .map(([k, v]) => `${k}=${literal(v)}`)
    .join(', ')})]<|python_end|>`;
}

/** The system prompt of a request (agents put their role there). */
export function systemOf(request: RecordedRequest): string {
  return request.body.messages?.find((m) => m.role === 'system')?.content ?? '';
}

/** True when the request's last message is a tool result (the model is mid tool loop). */
export function afterToolResult(request: RecordedRequest): boolean {
  const last = request.body.messages?.at(-1);
  return (
    last?.role === 'tool' ||
    (last?.role === 'user' && (last.content ?? '').startsWith('Results of the tool calls'))
  );
}

/** Routes requests to responders by the agent role named in the system prompt. */
export function byRole(
  routes: Record<string, Responder>,
  otherwise: Responder = () => status(500),
): Responder {
  return (request, index) => {
    const system = systemOf(request);
    for (const [role, responder] of Object.entries(routes))
      if (system.includes(`You are the ${role}.`)) return responder(request, index);
    return otherwise(request, index);
  };
}

function completion(step: Extract<ScriptStep, { kind: 'tool_calls' | 'text' }>, model: string, n: number) {
  const usage = step.usage === undefined ? DEFAULT_USAGE : step.usage;
  const message =
    step.kind === 'text'
      ? { role: 'assistant', content: step.content }
      : {
          role: 'assistant',
          content: null,
          tool_calls: step.calls.map((c, i) => ({
            id: `call_${n}_${i}`,
            type: 'function',
            function: {
              name: c.name,
              arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments),
            },
          })),
        };
  return {
    id: `chatcmpl-${n}`,
    object: 'chat.completion',
    created: 1_700_000_000,
    model,
    choices: [
      { index: 0, message, finish_reason: step.kind === 'text' ? 'stop' : 'tool_calls', logprobs: null },
    ],
    ...(usage ? { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } } : {}),
  };
}

/** A deterministic unit vector for `input` (8 dimensions unless asked otherwise). */
function embed(input: string, dimensions: number): number[] {
  const digest = createHash('sha256').update(input).digest();
  const v = Array.from(
    { length: dimensions },
    (_, i) => ((digest[i % digest.length] as number) - 127.5) / 127.5,
  );
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts a server on 127.0.0.1 with a random port. */
export async function startScriptedLlmServer(
  initial: readonly ScriptStep[] | Responder = [],
): Promise<ScriptedLlmServer> {
  let responder: Responder = toResponder(initial);
  const requests: RecordedRequest[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    const path = (req.url ?? '').split('?')[0] ?? '';
    const body = raw ? (JSON.parse(raw) as RecordedRequest['body']) : {};
    const send = (code: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(code, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (path.endsWith('/embeddings')) {
      const inputs = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
      const dims = typeof body.dimensions === 'number' ? body.dimensions : 8;
      const data = inputs.map((input, index) => {
        const vector = embed(input, dims);
        const embedding =
          body.encoding_format === 'float'
            ? vector
            : Buffer.from(new Float32Array(vector).buffer).toString('base64');
        return { object: 'embedding', index, embedding };
      });
      return send(200, {
        object: 'list',
        data,
        model: body.model,
        usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
      });
    }
    if (!path.endsWith('/chat/completions')) return send(404, { error: { message: `no route ${path}` } });
    const request: RecordedRequest = { path, authorization: req.headers.authorization, body };
    const index = requests.length;
    requests.push(request);
    const step = responder(request, index);
    if (step.kind === 'hang') return;
    if (step.kind === 'status') {
      const headers: Record<string, string> =
        step.retryAfter !== undefined ? { 'retry-after': step.retryAfter } : {};
      return send(
        step.status,
        { error: { message: step.message ?? `scripted ${step.status}`, type: 'scripted' } },
        headers,
      );
    }
    return send(200, completion(step, String(body.model ?? 'scripted'), index));
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        res.writeHead(500, { 'content-type': 'application/json', 'x-should-retry': 'false' });
      res.end(JSON.stringify({ error: { message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script(next) {
      responder = toResponder(next);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A list of steps answers in order; past its end every request gets a 500 that is not retried. */
function toResponder(script: readonly ScriptStep[] | Responder): Responder {
  if (typeof script === 'function') return script;
  let next = 0;
  return () => script[next++] ?? { kind: 'status', status: 500, message: 'script exhausted' };
}

/** The JSON inside the data block labelled `label` of a request's task prompt (undefined when absent). */
export function dataBlock(request: RecordedRequest, label: string): unknown {
  const user = request.body.messages?.find((m) => m.role === 'user')?.content ?? '';
  const match = new RegExp(`<data id="([0-9a-f]+)" label="${label}">\\n([\\s\\S]*?)\\n</data id="\\1">`).exec(
    user,
  );
  return match ? JSON.parse(match[2] as string) : undefined;
}

/**
 * A well-behaved model for the Modernize agents: the analysts answer at once, the mapping
 * specialists propose `guess(header)` (default: the engine's target) for every column under
 * review, and the reviewers return a summary and one item per subject they were shown.
 */
export function cooperativeModel(
  guess?: (header: string, engineTarget: string | null) => string | null,
): Responder {
  const reviewItems = (req: RecordedRequest) => {
    const groups = (dataBlock(req, 'largest move groups') as { id: string }[] | undefined) ?? [];
    const recs = (dataBlock(req, 'recommendations') as { application: string }[] | undefined) ?? [];
    const risks = (dataBlock(req, 'risk register') as { application: string }[] | undefined) ?? [];
    const subjects = [
      ...groups.map((g) => g.id),
      ...recs.map((r) => r.application),
      ...risks.map((r) => r.application),
    ];
    return json({
      summary: 'reviewed by the scripted model',
      items: subjects.map((s) => ({ subject: s, explanation: `explained ${s}`, concern: null })),
    });
  };
  const propose = (req: RecordedRequest) => {
    const columns =
      (dataBlock(req, 'columns under review') as
        | { header: string; engine: { target: string | null } }[]
        | undefined) ?? [];
    return json({
      mappings: columns.map((c) => ({
        source: c.header,
        target: guess ? guess(c.header, c.engine.target) : c.engine.target,
        confidence: 0.8,
        reason: 'scripted review',
      })),
    });
  };
  return byRole(
    {
      'Senior CMDB Data Analyst': () => json({ columns: [] }),
      'Infrastructure Data Analyst': () => json({ columns: [] }),
      'Field Mapping Intelligence Specialist': propose,
      'Data Mapping Analyst': propose,
    },
    reviewItems,
  );
}
