import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedVectorIndex } from '#adapters/local/embeddedVectorIndex.ts';
import { LocalHashEmbedder } from '#memory/embeddings.ts';
import { InMemoryMemoryStore } from '#memory/inMemoryMemoryStore.ts';
import { AgentMemoryManager } from '#memory/memoryManager.ts';
import type { Clock } from '#ports/clock.ts';
import type { TenantContext } from '#ports/tenant.ts';

const acme: TenantContext = { clientAccountId: 'acme', userId: 'ana', roles: ['analyst'] };
const globex: TenantContext = { clientAccountId: 'globex', userId: 'gus', roles: ['analyst'] };
const DAY = 86_400_000;

describe('agent memory manager', () => {
  let dir: string;
  let now: number;
  let store: InMemoryMemoryStore;
  let manager: AgentMemoryManager;
  const clock: Clock = { now: () => new Date(now) };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'modernize-memory-'));
    now = Date.parse('2026-06-01T00:00:00Z');
    store = new InMemoryMemoryStore();
    manager = new AgentMemoryManager({
      store,
      index: new EmbeddedVectorIndex({ directory: dir }),
      embedder: new LocalHashEmbedder(),
      clock,
    });
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('retrieves by meaning, filtered by agent and memory type, most similar first', async () => {
    // Prepare
    await manager.storeMemory(acme, {
      agentType: 'field_mapping_specialist',
      memoryType: 'pattern',
      content: { text: 'RVTools vInfo exports name VMs in the VM column' },
    });
    await manager.storeMemory(acme, {
      agentType: 'field_mapping_specialist',
      memoryType: 'pattern',
      content: { text: 'ServiceNow CMDB exports carry the cost center in u_cost_center' },
    });
    await manager.storeMemory(acme, {
      agentType: 'sixr_strategist',
      memoryType: 'decision',
      content: { text: 'Mainframe cost center applications were retained' },
    });

    // Act
    const all = await manager.retrieveMemories(acme, { query: 'cost center column' });
    const mapping = await manager.retrieveMemories(acme, {
      query: 'cost center column',
      agentType: 'field_mapping_specialist',
    });
    const decisions = await manager.retrieveMemories(acme, { query: 'cost center', memoryType: 'decision' });

    // Assess
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(String(all[0]?.record.content.text)).toContain('u_cost_center');
    expect(mapping.every((m) => m.record.agentType === 'field_mapping_specialist')).toBe(true);
    expect(decisions.map((m) => m.record.memoryType)).toEqual(['decision']);
  });

  it("never shows one tenant another tenant's memories", async () => {
    const stored = await manager.storeMemory(acme, {
      agentType: 'cmdb_analyst',
      memoryType: 'knowledge',
      content: 'Acme names production servers with a -p suffix',
    });

    expect(await manager.retrieveMemories(globex, { query: 'production servers suffix' })).toEqual([]);
    expect(await manager.getMemory(globex, stored.memoryId)).toBeNull();
    expect(await manager.setValidation(globex, stored.memoryId, 'invalidated')).toBeNull();
    expect((await manager.retrieveMemories(acme, { query: 'production servers suffix' })).length).toBe(1);
  });

  it('ranks equally similar memories by confidence', async () => {
    const shared = { agentType: 'cmdb_analyst', memoryType: 'pattern' as const, searchText: 'Serial Number' };
    await manager.storeMemory(acme, { ...shared, content: { note: 'weak' }, confidence: 0.4 });
    await manager.storeMemory(acme, { ...shared, content: { note: 'strong' }, confidence: 0.95 });

    const ranked = await manager.retrieveMemories(acme, { query: 'serial number' });

    expect(ranked.map((r) => r.record.content.note)).toEqual(['strong', 'weak']);
    expect(ranked[0]?.similarity).toBeCloseTo(ranked[1]?.similarity ?? 0, 5);
  });

  it('ranks equally similar and trusted memories by recency', async () => {
    const shared = { agentType: 'cmdb_analyst', memoryType: 'pattern' as const, searchText: 'Serial Number' };
    await manager.storeMemory(acme, { ...shared, content: { note: 'old' }, confidence: 0.7 });
    now += 60 * DAY;
    await manager.storeMemory(acme, { ...shared, content: { note: 'new' }, confidence: 0.7 });

    const ranked = await manager.retrieveMemories(acme, { query: 'serial number' });

    expect(ranked.map((r) => r.record.content.note)).toEqual(['new', 'old']);
  });

  it('lets a much closer memory beat a more trusted and fresher but off-topic one', async () => {
    await manager.storeMemory(acme, {
      agentType: 'cmdb_analyst',
      memoryType: 'pattern',
      content: { text: 'Serial Number holds the chassis serial' },
      confidence: 0.3,
    });
    now += 30 * DAY;
    await manager.storeMemory(acme, {
      agentType: 'cmdb_analyst',
      memoryType: 'pattern',
      content: { text: 'Number of CPU sockets per host' },
      confidence: 1,
    });

    const ranked = await manager.retrieveMemories(acme, { query: 'chassis serial number' });

    expect(String(ranked[0]?.record.content.text)).toContain('chassis serial');
  });

  it('counts each retrieval as a use with its time, unless asked not to', async () => {
    const stored = await manager.storeMemory(acme, {
      agentType: 'risk_assessor',
      memoryType: 'knowledge',
      content: 'Windows Server 2012 hosts need extended support',
    });
    await manager.retrieveMemories(acme, { query: 'Windows Server 2012' });
    now += DAY;
    const second = await manager.retrieveMemories(acme, { query: 'Windows Server 2012' });
    await manager.retrieveMemories(acme, { query: 'Windows Server 2012', touch: false });

    const record = await manager.getMemory(acme, stored.memoryId);
    expect(record?.metadata.usageCount).toBe(2);
    expect(record?.metadata.lastAccessed).toBe(new Date(now).toISOString());
    expect(second[0]?.record.metadata.usageCount).toBe(2);
  });

  it('stores the same memory once: a repeat keeps its usage and the higher confidence', async () => {
    const input = {
      agentType: 'dependency_analyst',
      memoryType: 'pattern' as const,
      content: { text: 'Port 1433 means SQL Server' },
      confidence: 0.6,
    };
    const first = await manager.storeMemory(acme, input);
    await manager.retrieveMemories(acme, { query: 'port 1433' });
    const again = await manager.storeMemory(acme, { ...input, confidence: 0.4 });

    expect(again.memoryId).toBe(first.memoryId);
    expect(await store.list(acme)).toHaveLength(1);
    expect(again.metadata.usageCount).toBe(1);
    expect(again.metadata.confidenceScore).toBe(0.6);
  });

  it('a user invalidates a memory and it stops surfacing; validating raises its confidence', async () => {
    const wrong = await manager.storeMemory(acme, {
      agentType: 'field_mapping_specialist',
      memoryType: 'pattern',
      content: { text: 'Column Owner is the technical owner' },
      confidence: 0.5,
    });
    const right = await manager.storeMemory(acme, {
      agentType: 'field_mapping_specialist',
      memoryType: 'pattern',
      content: { text: 'Column Owner is the business owner' },
      confidence: 0.5,
    });

    const invalidated = await manager.setValidation(acme, wrong.memoryId, 'invalidated', 'owner is business');
    const validated = await manager.setValidation(acme, right.memoryId, 'validated');
    const ranked = await manager.retrieveMemories(acme, { query: 'Column Owner' });

    expect(invalidated?.metadata).toMatchObject({
      validationStatus: 'invalidated',
      validationNote: 'owner is business',
      validatedBy: 'ana',
    });
    expect(validated?.metadata.confidenceScore).toBeGreaterThanOrEqual(0.9);
    expect(ranked.map((r) => r.record.memoryId)).toEqual([right.memoryId]);
    const inspected = await manager.retrieveMemories(acme, { query: 'Column Owner', includeStale: true });
    expect(inspected.map((r) => r.record.memoryId)).toContain(wrong.memoryId);
  });

  it('lets unused low-confidence memories go stale, but not trusted or validated ones', async () => {
    const base = { agentType: 'cmdb_analyst', memoryType: 'pattern' as const, searchText: 'Asset Tag' };
    const weak = await manager.storeMemory(acme, { ...base, content: { n: 'weak' }, confidence: 0.2 });
    const trusted = await manager.storeMemory(acme, { ...base, content: { n: 'trusted' }, confidence: 0.6 });
    const vouched = await manager.storeMemory(acme, {
      ...base,
      content: { n: 'vouched' },
      confidence: 0.2,
      validationStatus: 'validated',
    });

    const fresh = await manager.retrieveMemories(acme, { query: 'asset tag', touch: false });
    now += 120 * DAY;
    const later = await manager.retrieveMemories(acme, { query: 'asset tag', touch: false });

    expect(fresh.map((r) => r.record.memoryId)).toContain(weak.memoryId);
    expect(later.map((r) => r.record.memoryId).sort()).toEqual([trusted.memoryId, vouched.memoryId].sort());
  });

  it('learns header corrections from feedback and proposes them for similar headers', async () => {
    // Prepare
    const outcome = await manager.learnFromFeedback(acme, 'field_mapping_specialist', {
      type: 'correction',
      corrections: [
        { source: 'Srv Name', target: 'name', original: 'hostname' },
        { source: 'u_cost_center', target: 'costCenter' },
        { source: 'Internal Ref', target: null },
      ],
      sessionId: 's-1',
    });

    // Act
    const exact = await manager.similarHeaderProposals(acme, 'srv_name', 3);
    const near = await manager.similarHeaderProposals(acme, 'Cost Center', 3);
    const unrelated = await manager.similarHeaderProposals(acme, 'Power State', 3);
    const otherTenant = await manager.similarHeaderProposals(globex, 'Srv Name', 3);

    // Assess
    expect(outcome.stored.filter((r) => r.content.kind === 'header_correction')).toHaveLength(3);
    expect(exact[0]).toMatchObject({ header: 'Srv Name', target: 'name', kind: 'correction' });
    expect(exact[0]?.confidence).toBeCloseTo(0.9, 2);
    expect(near[0]).toMatchObject({ header: 'u_cost_center', target: 'costCenter' });
    expect(near[0]?.confidence).toBeLessThan(exact[0]?.confidence ?? 0);
    expect(near[0]?.confidence).toBeCloseTo(0.9 * (near[0]?.similarity ?? 0), 2);
    expect(unrelated).toEqual([]);
    expect(otherTenant).toEqual([]);
  });

  it('a later correction of the same header replaces the earlier target', async () => {
    await manager.learnFromFeedback(acme, 'field_mapping_specialist', {
      type: 'correction',
      corrections: [{ source: 'Owner', target: 'technicalOwner' }],
    });
    now += DAY;
    await manager.learnFromFeedback(acme, 'field_mapping_specialist', {
      type: 'correction',
      corrections: [{ source: 'owner', target: 'businessOwner' }],
    });

    const proposals = await manager.similarHeaderProposals(acme, 'Owner', 5);

    expect(proposals.map((p) => p.target)).toEqual(['businessOwner']);
  });

  it('moves the confidence of the memories an agent applied: up on approval, down on rejection', async () => {
    const a = await manager.storeMemory(acme, {
      agentType: 'sixr_strategist',
      memoryType: 'decision',
      content: 'Oracle on AIX goes to replatform',
      confidence: 0.5,
    });

    const approved = await manager.learnFromFeedback(acme, 'sixr_strategist', {
      type: 'approval',
      appliedMemoryIds: [a.memoryId],
      successMetrics: { accepted: 1 },
    });
    const rejected = await manager.learnFromFeedback(acme, 'sixr_strategist', {
      type: 'rejection',
      appliedMemoryIds: [a.memoryId],
      improvements: ['check the licence model first'],
    });

    expect(approved.adjusted[0]?.metadata.confidenceScore).toBeCloseTo(0.6);
    expect(rejected.adjusted[0]?.metadata.confidenceScore).toBeCloseTo(0.4);
    expect(approved.stored.map((r) => r.memoryType)).toEqual(['success']);
    expect(rejected.stored.map((r) => r.memoryType)).toEqual(['error']);
  });
});
