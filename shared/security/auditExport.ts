/**
 * Reading the audit logs over the API: the query (time range, actor, outcome, action prefix),
 * paging with an opaque cursor, and CSV export through the reports' formula-injection guard (an
 * action or reason a user influenced must not run as a spreadsheet formula).
 */
import * as z from 'zod/v4';
import { BadInputError } from '#errors/errors.ts';
import {
  AUDIT_OUTCOMES,
  type AuditEvent,
  type AuditQuery,
  type PlatformAuditEvent,
} from '#ports/auditStore.ts';
import { toCsv } from '../reports/csv.ts';

/** Events per JSON page at most (and by default). */
export const AUDIT_PAGE_MAX = 1000;
/** Events per CSV export at most (and by default): a file an auditor opens, within a Lambda response. */
export const AUDIT_EXPORT_MAX = 5000;

const isoTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'from and to must be ISO dates or timestamps');

const querySchema = z.object({
  from: isoTime.optional(),
  to: isoTime.optional(),
  action: z.string().max(200).optional(),
  actor: z.string().min(1).max(200).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_EXPORT_MAX).optional(),
  cursor: z.string().max(400).optional(),
  format: z.enum(['json', 'csv']).optional(),
});

/** Query parameters of the audit routes (documents them in OpenAPI). */
export const AUDIT_QUERY_PARAMETERS: Readonly<Record<string, string>> = {
  from: 'ISO date or timestamp, inclusive',
  to: 'ISO date or timestamp, inclusive',
  action: 'action prefix, e.g. "POST /flows", "flow.approve", "tool.", "cli."',
  actor: 'only events of this user id (a token subject, `cli:<os user>`)',
  outcome: `one of ${AUDIT_OUTCOMES.join(', ')}`,
  limit: `events per page: 1-${AUDIT_PAGE_MAX} (JSON), 1-${AUDIT_EXPORT_MAX} (CSV); default the maximum`,
  cursor: 'the nextCursor of the previous page',
  format: '"json" (default) or "csv" (a download; the next page cursor in the x-next-cursor header)',
};

/** An audit read as the route asked for it. */
export interface AuditRequest {
  readonly query: AuditQuery;
  readonly limit: number;
  readonly format: 'json' | 'csv';
}

/** Validates the query string of an audit route; a bad value is a 400 with a one-line reason. */
export function parseAuditRequest(raw: Readonly<Record<string, string>>): AuditRequest {
  const parsed = querySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadInputError(`${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'invalid'}`);
  }
  const { cursor, format = 'json', limit, ...filters } = parsed.data;
  const max = format === 'csv' ? AUDIT_EXPORT_MAX : AUDIT_PAGE_MAX;
  if (limit !== undefined && limit > max) throw new BadInputError(`limit: at most ${max} for ${format}`);
  const pageSize = limit ?? max;
  const query: AuditQuery = {
    ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
    ...(cursor ? { after: decodeCursor(cursor) } : {}),
    // One more than the page, to know whether another page follows.
    limit: pageSize + 1,
  };
  return { query, limit: pageSize, format };
}

/** The opaque cursor of the page that follows `last`. */
export function encodeCursor(last: { readonly at: string; readonly eventId: string }): string {
  return Buffer.from(JSON.stringify([last.at, last.eventId])).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; eventId: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      isoTime.safeParse(value[0]).success &&
      typeof value[1] === 'string' &&
      /^[A-Za-z0-9-]{1,64}$/.test(value[1])
    )
      return { at: value[0], eventId: value[1] };
  } catch {
    // falls through to the error below
  }
  throw new BadInputError('cursor: not a cursor this API returned');
}

/** What an audit route answers (a RouteResult). */
export interface AuditResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

/**
 * Reads one page with `read` and answers it as JSON (`{events, nextCursor?}`) or as a CSV download.
 * `name` names the download (`audit-acme-2026-11-26.csv`).
 */
export async function auditResponse<E extends AuditEvent | PlatformAuditEvent>(
  request: AuditRequest,
  read: (query: AuditQuery) => Promise<E[]>,
  name: string,
  now: Date,
): Promise<AuditResponse> {
  const found = await read(request.query);
  const events = found.slice(0, request.limit);
  const last = events.at(-1);
  const nextCursor = found.length > request.limit && last ? encodeCursor(last) : undefined;
  if (request.format === 'json')
    return { status: 200, body: { events, ...(nextCursor ? { nextCursor } : {}) } };
  return {
    status: 200,
    body: auditCsv(events),
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}-${now.toISOString().slice(0, 10)}.csv"`,
      ...(nextCursor ? { 'x-next-cursor': nextCursor } : {}),
    },
  };
}

const COLUMNS = [
  'at',
  'eventId',
  'clientAccountId',
  'userId',
  'roles',
  'action',
  'target',
  'outcome',
  'status',
  'reason',
  'mode',
  'sourceIp',
  'userAgent',
] as const;

/** Audit events as CSV, one row per event, every text cell through the formula guard. */
export function auditCsv(events: readonly (AuditEvent | PlatformAuditEvent)[]): string {
  const rows = events.map((event) => {
    const e = event as Partial<AuditEvent & PlatformAuditEvent>;
    const target = e.target
      ? Object.entries(e.target)
          .map(([k, v]) => `${k}=${v}`)
          .join('; ')
      : '';
    return COLUMNS.map((column) => {
      if (column === 'roles') return (e.roles ?? []).join(' ');
      if (column === 'target') return target;
      if (column === 'status') return e.status ?? null;
      const value = e[column];
      return typeof value === 'string' ? value : null;
    });
  });
  return toCsv({ title: 'audit', columns: COLUMNS, rows });
}
