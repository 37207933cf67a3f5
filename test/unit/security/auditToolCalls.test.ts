import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AgentSession } from '#agents/agentSession.ts';
import type { Task } from '#agents/crew.ts';
import { loadConfig } from '#config/config.ts';
import type { AuditStore } from '#ports/auditStore.ts';
import type { Role } from '#ports/tenant.ts';
import { CircuitBreakerRegistry } from '#reliability/circuitBreaker.ts';
import { ToolCallKeys, toolCallAuditEntry } from '#security/auditToolCalls.ts';
import { MemoryAudit } from '../../support/memoryAudit.ts';

const columns = [
  {
    header: 'Srv_Moniker',
    index: 0,
    inferredType: 'text' as const,
    fillRate: 1,
    nonEmpty: 3,
    distinct: 3,
    samples: ['zq-1', 'zq-2', 'zq-3'],
  },
];

/** A task whose rules (degraded mode) profile the column with a tool, twice with the same arguments. */
const profileTask: Task<{ profiled: number }> = {
  name: 'profile',
  description: 'Profile the column.',
  expectedOutput: 'How many columns were profiled.',
  agent: 'cmdb_analyst',
  output: z.object({ profiled: z.number() }),
  rules: async ({ tool }) => {
    const first = (await tool('data_analysis_tool', { headers: ['Srv_Moniker'] })) as unknown[];
    await tool('data_analysis_tool', { headers: ['Srv_Moniker'] });
    return { profiled: first.length };
  },
};

/** A session with no model (no key): every task runs its rules. */
const open = (audit: AuditStore, roles: Role[]) =>
  AgentSession.open({
    services: { config: loadConfig({ MODERNIZE_LLM_API_KEY: '' }), audit },
    tenant: { clientAccountId: 'acme', userId: 'ann', roles },
    engagementId: 'e1',
    flowId: 'f1',
    workspace: { columns },
    breakers: new CircuitBreakerRegistry(),
  });

describe('degraded-mode tool calls go through the same authorise-and-audit path as the model’s', () => {
  it('audits each rules-driven tool call with the model path’s shape and mode "rules"', async () => {
    const audit = new MemoryAudit();
    const session = await open(audit, ['analyst']);

    const result = await session.run([profileTask], {});

    expect(session.hasModel).toBe(false);
    expect(result.tasks[0]).toMatchObject({ method: 'rules', output: { profiled: 1 } });
    expect(audit.events).toHaveLength(2);
    for (const event of audit.events) {
      expect(event).toMatchObject({
        clientAccountId: 'acme',
        userId: 'ann',
        action: 'tool.data_analysis_tool',
        outcome: 'success',
        mode: 'rules',
        target: { agent: 'cmdb_analyst', engagementId: 'e1', flowId: 'f1' },
      });
    }
  });

  it('refuses a viewer the analyst’s tool through the fallback too, and records the denial', async () => {
    const audit = new MemoryAudit();
    const session = await open(audit, ['viewer']);

    const run = session.run([profileTask], {});

    await expect(run).rejects.toThrowError(/your role does not allow the agent tool data_analysis_tool/);
    expect(audit.events).toEqual([
      expect.objectContaining({
        action: 'tool.data_analysis_tool',
        outcome: 'denied',
        mode: 'rules',
        roles: ['viewer'],
      }),
    ]);
  });

  it('fails the task rather than run a tool unaudited when the audit log cannot be written', async () => {
    const audit = new MemoryAudit();
    audit.failing = true;
    const session = await open(audit, ['analyst']);

    await expect(session.run([profileTask], {})).rejects.toThrowError(/audit table unavailable/);
  });

  it('a re-run of the same task in the same flow records its tool calls once', async () => {
    const audit = new MemoryAudit();

    await (await open(audit, ['analyst'])).run([profileTask], {});
    await (await open(audit, ['analyst'])).run([profileTask], {});

    expect(audit.events).toHaveLength(2);
  });
});

describe('tool call keys and entries', () => {
  it('gives the n-th identical call the same key whatever the argument key order', () => {
    const a = new ToolCallKeys('t', 'cmdb_analyst');
    const b = new ToolCallKeys('t', 'cmdb_analyst');

    const fromA = [a.next('x', { p: 1, q: [2] }), a.next('x', { p: 1, q: [2] }), a.next('x', { p: 2 })];
    const fromB = [b.next('x', { p: 2 }), b.next('x', { q: [2], p: 1 }), b.next('x', { q: [2], p: 1 })];

    expect(new Set(fromA).size).toBe(3);
    expect([...fromA].sort()).toEqual([...fromB].sort());
  });

  it('deduplicates only inside a flow and defaults the mode to llm', () => {
    const call = { agent: 'cmdb_analyst', tool: 'x', outcome: 'success' as const, callKey: 'k' };

    const inFlow = toolCallAuditEntry(call, { engagementId: 'e1', flowId: 'f1' });
    const outside = toolCallAuditEntry(call, { engagementId: 'e1', flowId: null });

    expect(inFlow).toMatchObject({ action: 'tool.x', mode: 'llm', idempotencyKey: 'tool|e1|f1|k' });
    expect(outside.idempotencyKey).toBeUndefined();
  });
});
