import { describe, expect, it } from 'vitest';
import { planFeedback } from '#memory/feedback.ts';
import { isStale, rankScore, recencyOf } from '#memory/ranking.ts';
import { tenantIndexName } from '#memory/vectorSpace.ts';
import type { MemoryRecord } from '#ports/memoryStore.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

function record(over: Partial<MemoryRecord['metadata']> & { updatedAt?: string } = {}): MemoryRecord {
  const { updatedAt = daysAgo(0), ...metadata } = over;
  return {
    memoryId: 'm',
    agentType: 'a',
    memoryType: 'pattern',
    content: {},
    searchText: '',
    context: {},
    attributes: {},
    metadata: {
      confidenceScore: 0.5,
      usageCount: 0,
      lastAccessed: null,
      contextTags: [],
      relatedFlows: [],
      validationStatus: 'pending',
      ...metadata,
    },
    embedding: { model: 'x', dimensions: 4 },
    createdAt: updatedAt,
    createdBy: 'u',
    updatedAt,
    version: 1,
  };
}

describe('memory ranking', () => {
  it('follows rank = similarity x (0.60 + 0.25 confidence + 0.15 recency)', () => {
    expect(rankScore(0.8, record({ confidenceScore: 1 }), NOW)).toBeCloseTo(0.8);
    expect(rankScore(0.8, record({ confidenceScore: 0, updatedAt: daysAgo(30) }), NOW)).toBeCloseTo(
      0.8 * (0.6 + 0.15 * 0.5),
    );
    expect(rankScore(-0.3, record(), NOW)).toBe(0);
  });

  it('halves recency every 30 days since the last use', () => {
    expect(recencyOf(record({ updatedAt: daysAgo(60), lastAccessed: daysAgo(30) }), NOW)).toBeCloseTo(0.5);
    expect(recencyOf(record({ updatedAt: daysAgo(60) }), NOW)).toBeCloseTo(0.25);
  });

  it('calls a memory stale when invalidated, or unused for 90 days below confidence 0.3', () => {
    expect(isStale(record({ validationStatus: 'invalidated', confidenceScore: 1 }), NOW)).toBe(true);
    expect(isStale(record({ confidenceScore: 0.2, updatedAt: daysAgo(91) }), NOW)).toBe(true);
    expect(isStale(record({ confidenceScore: 0.2, updatedAt: daysAgo(89) }), NOW)).toBe(false);
    expect(
      isStale(record({ confidenceScore: 0.2, updatedAt: daysAgo(200), lastAccessed: daysAgo(5) }), NOW),
    ).toBe(false);
    expect(
      isStale(record({ confidenceScore: 0.1, updatedAt: daysAgo(400), validationStatus: 'validated' }), NOW),
    ).toBe(false);
  });
});

describe('vector index names', () => {
  it('are lowercase, one per tenant and model, and differ for tenants that differ only by case', () => {
    const space = { model: 'local', dimensions: 256 };
    const a = tenantIndexName('acme', space);
    const b = tenantIndexName('Acme', space);

    expect(a).toMatch(/^memory-acme_256_[0-9a-f]{8}$/);
    expect(b).toBe(b.toLowerCase());
    expect(b).not.toBe(a);
    expect(tenantIndexName('acme', { model: 'other', dimensions: 256 })).not.toBe(a);
  });
});

describe('feedback planning', () => {
  it('keeps header corrections to canonical fields apart from other corrections', () => {
    const plan = planFeedback('field_mapping_specialist', {
      type: 'correction',
      corrections: [
        { source: 'Srv', target: 'hostname' },
        { source: 'Tier', target: 'gold-tier' },
      ],
      origin: 'agent',
    });

    expect(plan.memories.map((m) => (m.content as { kind: string }).kind)).toEqual([
      'header_correction',
      'correction',
    ]);
    expect(plan.memories[0]?.validationStatus).toBe('pending');
    expect(plan.confidenceDelta).toBeLessThan(0);
  });
});
