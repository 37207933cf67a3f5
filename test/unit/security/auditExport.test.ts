import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditExpiry } from '#adapters/aws/dynamoAuditStore.ts';
import { auditRetentionDays, loadConfig, type ModernizeConfig } from '#config/config.ts';
import type { AuditEvent } from '#ports/auditStore.ts';
import { auditCsv, auditResponse, encodeCursor, parseAuditRequest } from '#security/auditExport.ts';
import { unauthenticatedReason } from '#security/auditPlatform.ts';
import { authenticate } from '#security/authenticate.ts';
import { mintLocalToken } from '#security/localKeys.ts';

const event = (over: Partial<AuditEvent> = {}): AuditEvent => ({
  eventId: '0b6a6a59-0f7e-4d36-9f55-111111111111',
  clientAccountId: 'acme',
  userId: 'ann',
  roles: ['analyst'],
  action: 'PUT /engagements/{engagementId}/files/{fileName}',
  target: { engagementId: 'dc1', fileName: '=HYPERLINK("http://evil")' },
  outcome: 'success',
  status: 202,
  at: '2026-11-26T10:00:00.000Z',
  ...over,
});

describe('audit queries, paging and CSV export', () => {
  it('reads filters, and refuses a bad outcome, limit or cursor with a one-line reason', () => {
    const ok = parseAuditRequest({ actor: 'cli:ann', outcome: 'denied', from: '2026-11-01', limit: '10' });

    expect(ok).toMatchObject({
      limit: 10,
      format: 'json',
      query: { actor: 'cli:ann', outcome: 'denied', from: '2026-11-01', limit: 11 },
    });
    expect(() => parseAuditRequest({ outcome: 'maybe' })).toThrowError(/outcome/);
    expect(() => parseAuditRequest({ limit: '2000' })).toThrowError(/at most 1000/);
    expect(() => parseAuditRequest({ cursor: 'not-a-cursor' })).toThrowError(/cursor/);
    expect(parseAuditRequest({ format: 'csv', limit: '2000' }).limit).toBe(2000);
  });

  it('continues a page after the event its cursor names', () => {
    const last = event();

    const request = parseAuditRequest({ cursor: encodeCursor(last) });

    expect(request.query.after).toEqual({ at: last.at, eventId: last.eventId });
  });

  it('answers a full page with a next cursor, and the last page without one', async () => {
    const events = [1, 2, 3].map((i) => event({ eventId: `e${i}`, at: `2026-11-26T10:00:0${i}.000Z` }));
    const request = parseAuditRequest({ limit: '2' });

    const first = await auditResponse(
      request,
      async (q) => events.slice(0, q.limit),
      'audit-acme',
      new Date(),
    );
    const last = await auditResponse(
      parseAuditRequest({ limit: '2', cursor: (first.body as { nextCursor: string }).nextCursor }),
      async (q) => events.filter((e) => !q.after || e.at > q.after.at).slice(0, q.limit),
      'audit-acme',
      new Date(),
    );

    expect(first.body).toMatchObject({ events: events.slice(0, 2), nextCursor: expect.any(String) });
    expect(last.body).toEqual({ events: events.slice(2) });
  });

  it('exports CSV with every text cell guarded against formula injection', () => {
    const csv = auditCsv([event({ userId: '=HYPERLINK("http://evil")', reason: '@SUM(A1)' })]);
    const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');

    expect(header).toBe(
      'at,eventId,clientAccountId,userId,roles,action,target,outcome,status,reason,mode,sourceIp,userAgent',
    );
    expect(row).toContain(`,"'=HYPERLINK(""http://evil"")",`);
    expect(row).toContain(`"engagementId=dc1; fileName==HYPERLINK(""http://evil"")"`);
    expect(row).toContain(`'@SUM(A1)`);
    expect(row).not.toMatch(/,=|,@|,\+|,-/);
  });
});

describe('audit retention', () => {
  it('expires an event after the configured days (default 400), never when 0', () => {
    const at = '2026-01-01T00:00:00.000Z';

    expect(auditRetentionDays({})).toBe(400);
    expect(auditRetentionDays({ MODERNIZE_AUDIT_RETENTION_DAYS: '-5' })).toBe(400);
    expect(loadConfig({ MODERNIZE_AUDIT_RETENTION_DAYS: '0' }).auditRetentionDays).toBe(0);
    expect(auditExpiry(at, 400)).toEqual({ expiresAt: Date.parse(at) / 1000 + 400 * 86_400 });
    expect(auditExpiry(at, 0)).toEqual({});
  });
});

describe('reason codes of refused tokens', () => {
  let home: string;
  let config: ModernizeConfig;
  const mint = (over: Partial<Parameters<typeof mintLocalToken>[0]> = {}) =>
    mintLocalToken({
      home,
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      tenant: 'acme',
      roles: ['analyst'],
      ...over,
    });
  const reasonOf = async (header: string | undefined) =>
    authenticate(header, config).then(
      () => 'accepted',
      (error: unknown) => unauthenticatedReason(error),
    );

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'modernize-audit-'));
    config = loadConfig({ MODERNIZE_HOME: home });
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('names missing, malformed, expired, tampered and foreign tokens', async () => {
    const token = await mint();
    const tampered = `${token.slice(0, -6)}${token.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`;

    expect(await reasonOf(undefined)).toBe('missing_token');
    expect(await reasonOf('Bearer not-a-jwt')).toBe('malformed_token');
    expect(await reasonOf(`Bearer ${await mint({ expiresIn: '-1m' })}`)).toBe('expired_token');
    expect(await reasonOf(`Bearer ${tampered}`)).toBe('bad_signature');
    expect(await reasonOf(`Bearer ${await mint({ audience: 'another-api' })}`)).toBe('wrong_audience');
    expect(await reasonOf(`Bearer ${await mint({ issuer: 'https://evil.example' })}`)).toBe('wrong_issuer');
    expect(await reasonOf(`Bearer ${await mint({ roles: [] })}`)).toBe('no_role');
  });
});
