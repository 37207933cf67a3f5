import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryManagerFor } from '#memory/memoryApi.ts';
import { startTestPlatform, type TestPlatform, tenant } from '../support/platform.ts';

describe('memory records in DynamoDB (embedded platform)', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('counts uses atomically, keeps tenants apart and survives concurrent updates', async () => {
    // Prepare
    const manager = memoryManagerFor(t.platform.services);
    const store = t.platform.services.memoryStore;
    const acme = tenant('acme');
    const stored = await manager.storeMemory(acme, {
      agentType: 'dependency_analyst',
      memoryType: 'knowledge',
      content: 'Port 5432 is PostgreSQL',
    });

    // Act
    await Promise.all([
      manager.retrieveMemories(acme, { query: 'port 5432' }),
      manager.retrieveMemories(acme, { query: 'PostgreSQL port' }),
      manager.setValidation(acme, stored.memoryId, 'validated', 'checked'),
      store.update(acme, stored.memoryId, (r) => {
        r.metadata.contextTags.push('network');
      }),
    ]);
    const record = await store.get(acme, stored.memoryId);

    // Assess
    expect(record?.metadata.usageCount).toBe(2);
    expect(record?.metadata.validationStatus).toBe('validated');
    expect(record?.metadata.contextTags).toContain('network');
    expect(record?.version).toBe(5);
    expect(await store.get(tenant('globex'), stored.memoryId)).toBeNull();
    expect(await store.list(tenant('globex'))).toEqual([]);
    expect((await store.list(acme, { memoryType: 'knowledge' })).map((r) => r.memoryId)).toEqual([
      stored.memoryId,
    ]);
  });
});
