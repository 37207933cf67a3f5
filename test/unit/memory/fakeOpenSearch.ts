/**
 * A loopback server that answers like OpenSearch enough for the client and the OpenSearch
 * vector index adapter (index exists/create, _bulk, _search with knn and term filters), and
 * records every request with its headers, so tests can check index names and signatures.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedOpenSearchRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface FakeOpenSearch {
  readonly url: string;
  readonly requests: RecordedOpenSearchRequest[];
  /** Documents per index. */
  readonly indexes: Map<string, { mapping: unknown; docs: Map<string, Record<string, unknown>> }>;
  close(): Promise<void>;
}

type Doc = Record<string, unknown> & { vector?: number[]; attributes?: Record<string, string> };

function fieldValue(doc: Doc, field: string): unknown {
  return field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], doc);
}

function matches(doc: Doc, clause: Record<string, unknown>): boolean {
  if (clause.term) {
    const [[field, value]] = Object.entries(clause.term as Record<string, unknown>) as [[string, unknown]];
    return fieldValue(doc, field) === value;
  }
  if (clause.terms) {
    const [[field, values]] = Object.entries(clause.terms as Record<string, unknown[]>) as [
      [string, unknown[]],
    ];
    return values.includes(fieldValue(doc, field));
  }
  if (clause.bool) {
    const filters = ((clause.bool as { filter?: Record<string, unknown>[] }).filter ?? []) as Record<
      string,
      unknown
    >[];
    return filters.every((f) => matches(doc, f));
  }
  return true;
}

/** OpenSearch's faiss inner-product score. */
const score = (ip: number) => (ip >= 0 ? ip + 1 : 1 / (1 - ip));

export async function startFakeOpenSearch(): Promise<FakeOpenSearch> {
  const requests: RecordedOpenSearchRequest[] = [];
  const indexes: FakeOpenSearch['indexes'] = new Map();
  let nextId = 1;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    requests.push({ method: req.method ?? '', path, headers: req.headers, body });
    const send = (status: number, payload?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    const parts = path.split('/').filter(Boolean);
    const index = parts[0] ?? '';
    const action = parts[1];
    if (req.method === 'HEAD' && parts.length === 1) return send(indexes.has(index) ? 200 : 404);
    if (req.method === 'PUT' && parts.length === 1) {
      if (indexes.has(index))
        return send(400, { error: { type: 'resource_already_exists_exception' }, status: 400 });
      indexes.set(index, { mapping: JSON.parse(body || '{}'), docs: new Map() });
      return send(200, { acknowledged: true, index });
    }
    if (action === '_bulk') {
      const lines = body.split('\n').filter((l) => l.trim() !== '');
      const items: unknown[] = [];
      for (let i = 0; i < lines.length; i++) {
        const meta = JSON.parse(lines[i] as string) as Record<string, { _index?: string; _id?: string }>;
        const [op, target] = Object.entries(meta)[0] as [string, { _index?: string; _id?: string }];
        const name = target._index ?? index;
        const store = indexes.get(name);
        if (op === 'index') {
          const doc = JSON.parse(lines[++i] as string) as Doc;
          if (!store) {
            items.push({ index: { status: 404, error: { type: 'index_not_found_exception' } } });
            continue;
          }
          const id = target._id ?? `gen${nextId++}`;
          store.docs.set(id, doc);
          items.push({ index: { _index: name, _id: id, status: 201 } });
        } else if (op === 'delete') {
          const found = store?.docs.delete(target._id ?? '') ?? false;
          items.push({ delete: { _index: name, _id: target._id, status: found ? 200 : 404 } });
        }
      }
      const errors = items.some(
        (it) => ((Object.values(it as object)[0] as { status: number }).status ?? 0) >= 300,
      );
      return send(200, { took: 1, errors, items });
    }
    if (action === '_search') {
      const store = indexes.get(index);
      if (!store) return send(404, { error: { type: 'index_not_found_exception', index }, status: 404 });
      const query = JSON.parse(body || '{}') as {
        size?: number;
        query?: {
          knn?: { vector: { vector: number[]; k: number; filter?: Record<string, unknown> } };
        } & Record<string, unknown>;
      };
      const knn = query.query?.knn?.vector;
      let hits = [...store.docs].map(([id, doc]) => ({ id, doc }));
      if (knn) {
        hits = hits.filter((h) => !knn.filter || matches(h.doc, knn.filter));
        const scored = hits
          .map((h) => ({
            ...h,
            score: score(
              ((h.doc.vector as number[] | undefined) ?? []).reduce(
                (s, x, i) => s + x * (knn.vector[i] ?? 0),
                0,
              ),
            ),
          }))
          .sort((a, b) => b.score - a.score)
          .slice(0, Math.min(knn.k, query.size ?? 10));
        return send(200, {
          hits: {
            hits: scored.map((h) => ({
              _index: index,
              _id: h.id,
              _score: h.score,
              _source: { memoryId: h.doc.memoryId },
            })),
          },
        });
      }
      hits = hits.filter((h) => !query.query || matches(h.doc, query.query as Record<string, unknown>));
      return send(200, {
        hits: { hits: hits.slice(0, query.size ?? 10).map((h) => ({ _index: index, _id: h.id, _score: 0 })) },
      });
    }
    return send(400, { error: { type: 'unsupported', reason: `${req.method} ${path}` } });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { type: 'fake_failure', reason: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    indexes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
