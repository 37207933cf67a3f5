import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPlatform } from '#cli/platformSession.ts';
import type { AuditEvent } from '#ports/auditStore.ts';
import { EXAMPLES, runCli, tenant, useTempHome } from '../support/platform.ts';

describe('CLI mutations are audited as cli:<os user> in the tenant’s log', () => {
  let temp: ReturnType<typeof useTempHome>;
  let events: AuditEvent[];
  let flowId: string;
  const actor = `cli:${userInfo().username}`;

  beforeAll(async () => {
    temp = useTempHome();
    const correct = await runCli([
      'correct',
      '--source',
      'Srv Moniker',
      '--target',
      'name',
      '--tenant',
      'acme',
    ]);
    const approve = await runCli(['approve', '--flow', 'no-such-flow', '--tenant', 'acme']);
    const discover = await runCli([
      'discover',
      join(EXAMPLES, 'cmdb-export.csv'),
      '--json',
      '--auto-approve',
      '--tenant',
      'acme',
    ]);
    const badInput = await runCli(['discover', join(EXAMPLES, 'missing.csv'), '--tenant', 'acme']);
    expect(
      [correct.code, approve.code, discover.code, badInput.code],
      correct.stderr + discover.stderr,
    ).toEqual([0, 2, 0, 2]);
    flowId = discover.json().flowId;
    events = await withPlatform((p) => p.services.audit.list(tenant('acme'), { action: 'cli.' }));
  });
  afterAll(() => temp.cleanup());

  it('records a successful command with the OS user, the tenant and what it touched', () => {
    expect(events).toContainEqual(
      expect.objectContaining({
        clientAccountId: 'acme',
        userId: actor,
        action: 'cli.correct',
        outcome: 'success',
        target: { source: 'Srv Moniker', target: 'name' },
      }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({
        userId: actor,
        action: 'cli.discover',
        outcome: 'success',
        target: { engagementId: 'default', fileName: 'cmdb-export.csv', flowId },
      }),
    );
  });

  it('records a command that failed, with its one-line reason', () => {
    const failed = events.find((e) => e.action === 'cli.approve');

    expect(failed).toMatchObject({ userId: actor, outcome: 'failed', target: { flowId: 'no-such-flow' } });
    expect(failed?.reason).toMatch(/^\S[^\n]*$/);
  });

  it('leaves no record for bad input refused before anything changed', () => {
    expect(events.filter((e) => e.action === 'cli.discover')).toHaveLength(1);
  });
});
