import { describe, expect, it } from 'vitest';
import {
  errorPattern,
  percentile,
  summarizePerformance,
  type TaskExecution,
} from '#agents/performanceTracker.ts';
import type { AgentUsageRecord } from '#ports/agentMetricsStore.ts';

const run = (
  agent: string,
  durationMs: number,
  outcome: TaskExecution['outcome'] = 'succeeded',
  problems: string[] = [],
): TaskExecution => ({ agent, task: 't', at: '2026-06-01T00:00:00Z', durationMs, outcome, problems });

const call = (agent: string, source: 'llm' | 'cache', tokens: [number, number] | null, cost: number | null) =>
  ({
    callId: `${agent}-${Math.random()}`,
    engagementId: 'e1',
    flowId: 'f1',
    agent,
    model: 'm',
    endpoint: 'x',
    promptTokens: tokens?.[0] ?? null,
    completionTokens: tokens?.[1] ?? null,
    costUsd: cost,
    source,
    at: '2026-06-01T00:00:00Z',
  }) satisfies AgentUsageRecord;

describe('agent performance tracker', () => {
  it('computes executions, success rate, average and p95 duration, usage and error patterns per agent', () => {
    // Prepare: 20 runs of the mapper (1..20 s), two escalated with the same error; one failed strategist run.
    const executions = [
      ...Array.from({ length: 18 }, (_, i) => run('field_mapping_specialist', (i + 1) * 1000)),
      run('field_mapping_specialist', 19_000, 'escalated', [
        'field_mapping_specialist failed (AgentOutputInvalidError: answer still invalid after 2 turns); data_mapper took the task',
      ]),
      run('field_mapping_specialist', 20_000, 'escalated', [
        'field_mapping_specialist failed (AgentOutputInvalidError: answer still invalid after 3 turns); data_mapper took the task',
      ]),
      run('sixr_strategist', 500, 'failed', ['model unavailable: 500 "internal"']),
    ];
    const usage = [
      call('field_mapping_specialist', 'llm', [100, 20], 0.001),
      call('field_mapping_specialist', 'llm', null, null),
      call('field_mapping_specialist', 'cache', [0, 0], 0),
    ];

    // Act
    const report = summarizePerformance({
      clientAccountId: 'acme',
      executions,
      usage,
      reviews: [],
      now: new Date('2026-06-02T00:00:00Z'),
    });

    // Assess
    const mapper = report.agents.find((a) => a.agent === 'field_mapping_specialist');
    expect(mapper).toMatchObject({
      executions: 20,
      succeeded: 18,
      escalated: 2,
      successRate: 0.9,
      averageDurationMs: 10_500,
      p95DurationMs: 19_000,
      llmCalls: 2,
      cachedAnswers: 1,
      tokens: 120,
      costUsd: 0.001,
    });
    expect(mapper?.errorPatterns).toEqual([
      {
        pattern:
          'field_mapping_specialist failed (AgentOutputInvalidError: answer still invalid after N turns); data_mapper took the task',
        count: 2,
      },
    ]);
    expect(report.agents.find((a) => a.agent === 'sixr_strategist')).toMatchObject({
      successRate: 0,
      failed: 1,
    });
    expect(report.totals).toMatchObject({ executions: 21, successRate: 0.857, llmCalls: 2 });
  });

  it('shows learning progress as the share of mappings accepted without correction, flow after flow', () => {
    // Prepare
    const reviews = [
      { flowId: 'f1', at: '2026-05-01T00:00:00Z', columns: 10, corrected: 4 },
      { flowId: 'f3', at: '2026-05-20T00:00:00Z', columns: 10, corrected: 1 },
      { flowId: 'f2', at: '2026-05-10T00:00:00Z', columns: 10, corrected: 3 },
      { flowId: 'f4', at: '2026-05-30T00:00:00Z', columns: 10, corrected: 0 },
    ];

    // Act
    const { learning } = summarizePerformance({
      clientAccountId: 'acme',
      executions: [],
      usage: [],
      reviews,
      now: new Date('2026-06-02T00:00:00Z'),
    });

    // Assess
    expect(learning.flows.map((f) => [f.flowId, f.acceptedShare])).toEqual([
      ['f1', 0.6],
      ['f2', 0.7],
      ['f3', 0.9],
      ['f4', 1],
    ]);
    expect(learning).toMatchObject({
      acceptedShare: 0.8,
      earlierShare: 0.65,
      recentShare: 0.95,
      trend: 'improving',
    });
  });

  it('says there is not enough data rather than inventing a trend or a rate', () => {
    // Act
    const report = summarizePerformance({
      clientAccountId: 'acme',
      executions: [],
      usage: [],
      reviews: [{ flowId: 'f1', at: '2026-05-01T00:00:00Z', columns: 5, corrected: 1 }],
      now: new Date('2026-06-02T00:00:00Z'),
    });

    // Assess
    expect(report.agents).toEqual([]);
    expect(report.totals.successRate).toBeNull();
    expect(report.learning).toMatchObject({ acceptedShare: 0.8, trend: 'insufficient_data' });
    expect(percentile([], 95)).toBeNull();
    expect(errorPattern('flow 8f14e45f-ceea-467f-a0e6-1234567890ab failed "x"')).toBe('flow ID failed "…"');
  });
});
