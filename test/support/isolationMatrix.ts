/**
 * The tenant-isolation matrix, generated from the route table: every authenticated route, with
 * its path parameters filled either with another tenant's real ids or with ids that exist nowhere,
 * and a request body that passes the route's validation where one is known.
 */
import { randomUUID } from 'node:crypto';
import type { Route } from '#http/apiTypes.ts';

/** Ids of the victim tenant's records, by path parameter name. */
export type IdSet = Record<string, string>;

/** One cell of the matrix: a route with the path it is called on for the victim's ids and for missing ids. */
export interface MatrixCase {
  readonly route: Route;
  readonly victimPath: string;
  readonly missingPath: string;
  readonly victimBody: unknown;
  readonly missingBody: unknown;
}

/** Bodies that pass validation of the routes that take one; a new route falls back to `{}`. */
const SAMPLE_BODIES: Record<string, unknown> = {
  'POST /engagements': { engagementId: 'probe' },
  'POST /engagements/{engagementId}/uploads': { fileName: 'probe.csv' },
  'POST /engagements/{engagementId}/flows': { uploadId: '{uploadId}' },
  'POST /flows/{flowId}/approve': {},
  'PUT /flows/{flowId}/mappings': { source: 'name', target: 'name' },
  'POST /flows/{flowId}/mappings/reject': { source: 'name' },
  'POST /mappings/corrections': { source: 'Probe Header', target: 'name' },
  'PUT /engagements/{engagementId}/criteria': { waves: { maxApplicationsPerWave: 5 } },
  'PUT /engagements/{engagementId}/recommendations/{application}/override': {
    strategy: 'retain',
    reason: 'probe',
  },
  'POST /memories/{memoryId}/feedback': { validation: 'invalidated' },
  'POST /feedback': { agentType: 'cmdb_analyst', type: 'correction', corrections: [] },
};

const RAW_BODY = Buffer.from('name,ip_address\nprobe01,10.9.9.9\n');

/** Ids that exist in no tenant, shaped like real ones. */
export function missingIds(): IdSet {
  return {
    engagementId: 'no-such-engagement',
    flowId: randomUUID(),
    assetId: randomUUID(),
    uploadId: randomUUID(),
    memoryId: `mem-${randomUUID()}`,
    application: 'No Such Application',
    fileName: 'probe.csv',
  };
}

function fill(template: string, ids: IdSet): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(ids[name] ?? `missing-${name}`),
  );
}

function bodyFor(route: Route, ids: IdSet): unknown {
  if (route.rawBody) return RAW_BODY;
  if (route.method === 'GET') return undefined;
  const sample = SAMPLE_BODIES[`${route.method} ${route.path}`] ?? {};
  return JSON.parse(fill(JSON.stringify(sample), ids).replaceAll('%20', ' '));
}

/** Builds one case per authenticated route of `routes`. */
export function isolationMatrix(routes: readonly Route[], victim: IdSet, missing: IdSet): MatrixCase[] {
  return routes
    .filter((route) => route.permission !== 'public')
    .map((route) => {
      const exportRoute = route.path.includes('/exports/');
      const v = { ...victim, ...(exportRoute ? { fileName: 'inventory.csv' } : {}) };
      // A file name is the caller's own choice, not a record id: both sides use the same one.
      const m = { ...missing, fileName: v.fileName ?? 'probe.csv' };
      return {
        route,
        victimPath: fill(route.path, v),
        missingPath: fill(route.path, m),
        victimBody: bodyFor(route, v),
        missingBody: bodyFor(route, m),
      };
    });
}

/** Path parameters that name one record (not a namespace like an engagement or a file name). */
export const RECORD_PARAMS = ['flowId', 'assetId', 'memoryId', 'uploadId'] as const;

/**
 * Makes two answers comparable: the ids the caller sent, generated ids and timestamps are
 * replaced by placeholders, so what remains is what the answer reveals.
 */
export function normalise(body: unknown, ...idSets: IdSet[]): string {
  let text = JSON.stringify(body ?? null);
  const ids = idSets.flatMap((set) => Object.entries(set));
  for (const [name, value] of ids.sort((a, b) => b[1].length - a[1].length)) {
    if (name !== 'fileName' && value.length >= 3) {
      // Whole tokens only: a short id may occur by chance inside a generated one (a UUID's hex).
      for (const form of new Set([value, encodeURIComponent(value)])) {
        const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        text = text.replace(new RegExp(`(?<![0-9A-Za-z])${escaped}(?![0-9A-Za-z])`, 'g'), `<${name}>`);
      }
    }
  }
  return text
    .replace(/\?X-Amz-[^"]*/g, '?<signature>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
    .replace(/(<uuid>-\d+)-[0-9a-f]{8}/g, '$1-<hash>')
    .replace(/"(\w*Ms)":\d+(\.\d+)?/g, '"$1":0');
}
