/**
 * The console's only way to the platform: the public HTTP API with the user's bearer token.
 * Errors carry the API's one-line reason so screens can show it as is.
 */

import type { Wave } from '../../shared/domain/assessment/types.ts';
import type { Asset } from '../../shared/domain/assetSchema.ts';
import { currentToken } from './token.ts';

/** The API said no (or was unreachable): status and its one-line reason. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

function apiBase(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="modernize-api"]')?.content?.trim();
  return (meta || window.location.origin).replace(/\/$/, '');
}

/** Listeners told when the API answers 401 (the token expired or was revoked). */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  const token = currentToken()?.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body instanceof Blob) {
    payload = body;
    headers['content-type'] = 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(`${apiBase()}${path}`, { method, headers, body: payload });
  } catch {
    throw new ApiError(0, 'network', 'the API is not reachable');
  }
  if (!res.ok) {
    let code = 'error';
    let message = `${res.status} ${res.statusText}`;
    try {
      const json = (await res.json()) as { error?: { code?: string; message?: string } };
      code = json.error?.code ?? code;
      message = json.error?.message ?? message;
    } catch {
      // not JSON: keep the status line
    }
    if (res.status === 401) for (const l of unauthorizedListeners) l();
    throw new ApiError(res.status, code, message);
  }
  return res;
}

/** JSON request helper. */
export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Fetches a non-JSON resource (report HTML, CSV, XLSX) with the token. */
export async function fetchBlob(path: string): Promise<Blob> {
  return (await send('GET', path)).blob();
}

const enc = encodeURIComponent;

export interface Engagement {
  engagementId: string;
  name: string;
  createdAt: string;
}
export interface Phase {
  name: string;
  status: 'pending' | 'running' | 'completed' | 'failed' | 'skipped';
  durationMs?: number;
  result?: Record<string, unknown>;
  error?: { code: string; message: string };
}
export interface Flow {
  flowId: string;
  engagementId: string;
  flowType: string;
  status: string;
  currentPhase: string | null;
  phases: Phase[];
  config: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  error?: { phase: string | null; code: string; message: string };
  notes: string[];
}
export interface ReviewedMapping {
  source: string;
  target: string | null;
  confidence: number;
  method: string;
  reason: string;
  unit?: string;
  samples: string[];
  fillRate: number | null;
  inferredType: string | null;
}
export interface MappingReview {
  kind: 'assets' | 'connections';
  mappings: ReviewedMapping[];
  targets: string[];
  rows: number | null;
  fileName: string | null;
}
export interface DependencyData {
  edges: {
    from: string;
    to: string;
    port: number | null;
    protocol: string | null;
    count: number;
    external: boolean;
  }[];
  moveGroups: { id: string; members: string[] }[];
  cycles: string[][];
  externalNodes: string[];
}
export interface Range {
  low: number;
  expected: number;
  high: number;
}
export interface Recommendation {
  application: string;
  strategy: string;
  confidence: number;
  rationale: string;
  alternatives: { strategy: string; confidence: number; rationale: string }[];
  effort: Range;
  cost: Range & { currency: string };
  risks: { category: string; severity: string; description: string; mitigation: string }[];
  assetIds: string[];
  overridden?: { from: string; by: string; reason: string; at?: string };
}
export interface Totals {
  applications: number;
  servers: number;
  migrated: number;
  notMigrated: number;
  overridden: number;
  effortPersonDays: Range;
  cost: Range & { currency: string };
  durationWeeks: number;
}
export interface WavesData {
  waves: Wave[];
  notMigrated: { application: string; strategy: string }[];
  cycles: string[][];
  warnings: string[];
  totalWeeks: number;
  totals: Totals;
}
export type { Asset, Wave };

/** The routes the console uses, by name. */
export const api = {
  engagements: () => call<{ engagements: Engagement[] }>('GET', '/engagements'),
  createEngagement: (engagementId: string, name?: string) =>
    call<Engagement>('POST', '/engagements', { engagementId, ...(name ? { name } : {}) }),
  flows: (e: string) => call<{ flows: Flow[] }>('GET', `/engagements/${enc(e)}/flows`),
  flow: (id: string) => call<Flow>('GET', `/flows/${enc(id)}`),
  upload: (e: string, file: File) =>
    call<{ flow: Flow }>('PUT', `/engagements/${enc(e)}/files/${enc(file.name)}`, file),
  mappings: (id: string) => call<MappingReview>('GET', `/flows/${enc(id)}/mappings`),
  correct: (id: string, source: string, target: string | null) =>
    call<MappingReview>('PUT', `/flows/${enc(id)}/mappings`, { source, target }),
  reject: (id: string, source: string) =>
    call<MappingReview>('POST', `/flows/${enc(id)}/mappings/reject`, { source }),
  approve: (id: string) => call<Flow>('POST', `/flows/${enc(id)}/approve`, {}),
  resume: (id: string) => call<Flow>('POST', `/flows/${enc(id)}/resume`),
  cancel: (id: string) => call<Flow>('POST', `/flows/${enc(id)}/cancel`),
  assets: (e: string, filters: Record<string, string> = {}) => {
    const q = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
    return call<{ assets: Asset[] }>('GET', `/engagements/${enc(e)}/assets${q ? `?${q}` : ''}`);
  },
  dependencies: (e: string) => call<DependencyData>('GET', `/engagements/${enc(e)}/dependencies`),
  assess: (e: string) => call<Flow>('POST', `/engagements/${enc(e)}/assessments`),
  recommendations: (e: string) =>
    call<{ flowId: string; assessedAt: string; recommendations: Recommendation[]; totals: Totals }>(
      'GET',
      `/engagements/${enc(e)}/recommendations`,
    ),
  override: (e: string, application: string, strategy: string, reason: string) =>
    call<{ flow: Flow }>('PUT', `/engagements/${enc(e)}/recommendations/${enc(application)}/override`, {
      strategy,
      reason,
    }),
  waves: (e: string) => call<WavesData>('GET', `/engagements/${enc(e)}/waves`),
  report: (e: string) => fetchBlob(`/engagements/${enc(e)}/report`),
  exportFile: (e: string, dataset: string, format: 'csv' | 'xlsx') =>
    fetchBlob(`/engagements/${enc(e)}/exports/${dataset}.${format}`),
};

/** True while a flow still changes on its own (worth polling). */
export function isActive(flow: Flow): boolean {
  return flow.status === 'initialized' || flow.status === 'running';
}
