import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

describe('memory API on the embedded platform', () => {
  let t: TestPlatform;
  let api: TestApi;
  beforeAll(async () => {
    t = await startTestPlatform();
    api = await startTestApi();
  });
  afterAll(async () => {
    api.close();
    await t.stop();
  });

  it('learns from feedback, finds memories by meaning, and lets a user invalidate one', async () => {
    // Prepare
    const analyst = await api.token('acme', ['analyst']);
    const learned = await api.call('POST', '/feedback', analyst, {
      agentType: 'field_mapping_specialist',
      type: 'correction',
      corrections: [
        { source: 'Srv Name', target: 'name', original: 'hostname' },
        { source: 'Biz Owner', target: 'businessOwner' },
      ],
      improvements: ['prefer the CMDB name over the DNS name'],
      sessionId: 'review-1',
    });
    expect(learned.status).toBe(201);
    const srv = learned.body.stored.find(
      (m: { content: { header?: string } }) => m.content.header === 'Srv Name',
    );

    // Act
    const found = await api.call('GET', '/memories?q=srv_name&type=feedback', analyst);
    const byAgent = await api.call('GET', '/memories?q=srv_name&agentType=risk_assessor', analyst);
    const invalidate = await api.call('POST', `/memories/${srv.memoryId}/feedback`, analyst, {
      validation: 'invalidated',
      note: 'the VM column is the name',
    });
    const after = await api.call('GET', '/memories?q=srv_name&type=feedback', analyst);

    // Assess
    expect(found.status).toBe(200);
    expect(found.body.memories[0]).toMatchObject({
      memoryId: srv.memoryId,
      memoryType: 'feedback',
      content: { kind: 'header_correction', header: 'Srv Name', target: 'name' },
      metadata: { validationStatus: 'validated' },
      embedding: { dimensions: 256 },
    });
    expect(found.body.memories[0].similarity).toBeGreaterThan(0.99);
    expect(byAgent.body.memories).toEqual([]);
    expect(invalidate.status).toBe(200);
    expect(invalidate.body.metadata).toMatchObject({
      validationStatus: 'invalidated',
      validatedBy: expect.any(String),
    });
    expect(after.body.memories.map((m: { memoryId: string }) => m.memoryId)).not.toContain(srv.memoryId);
  });

  it("answers another tenant's memory id with 404 and shows it nothing", async () => {
    const acme = await api.token('acme', ['analyst']);
    const globex = await api.token('globex', ['client_admin']);
    const learned = await api.call('POST', '/feedback', acme, {
      agentType: 'cmdb_analyst',
      type: 'correction',
      corrections: [{ source: 'Cost Ctr', target: 'costCenter' }],
    });
    const id = learned.body.stored[0].memoryId;

    const search = await api.call('GET', '/memories?q=Cost%20Ctr', globex);
    const validate = await api.call('POST', `/memories/${id}/feedback`, globex, { validation: 'validated' });
    const unknown = await api.call('POST', '/memories/no-such-memory/feedback', acme, {
      validation: 'validated',
    });

    expect(search.status).toBe(200);
    expect(search.body.memories).toEqual([]);
    expect(validate.status).toBe(404);
    expect(JSON.stringify(validate.body)).not.toMatch(/Cost Ctr|costCenter/);
    expect(unknown.status).toBe(404);
  });

  it('refuses bad input and roles that may not teach', async () => {
    const viewer = await api.token('acme', ['viewer']);
    const analyst = await api.token('acme', ['analyst']);

    expect((await api.call('GET', '/memories', analyst)).status).toBe(400);
    expect((await api.call('GET', '/memories?q=x&type=opinion', analyst)).status).toBe(400);
    expect((await api.call('GET', '/memories?q=x', viewer)).status).toBe(200);
    expect((await api.call('POST', '/feedback', viewer, { agentType: 'a', type: 'approval' })).status).toBe(
      403,
    );
    expect((await api.call('POST', '/memories/x/feedback', analyst, { validation: 'maybe' })).status).toBe(
      400,
    );
  });
});
