import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#config/config.ts';
import { checkPlatformHealth, handler as healthCheck } from '../../functions/healthCheck.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

describe('scheduled health check', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({ s3Events: false });
  });
  afterAll(async () => t.stop());

  it('reports the table and bucket reachable, and degraded mode without an LLM key', async () => {
    const previous = process.env.MODERNIZE_LLM_API_KEY;
    delete process.env.MODERNIZE_LLM_API_KEY;
    try {
      const report = await healthCheck();
      expect(report.table).toMatchObject({ ok: true, detail: 'table ACTIVE' });
      expect(report.bucket.ok).toBe(true);
      expect(report.llm).toMatchObject({ keyConfigured: false, source: 'none' });
      expect(report.status).toBe('degraded');
    } finally {
      if (previous !== undefined) process.env.MODERNIZE_LLM_API_KEY = previous;
    }
  });

  it('reports a missing table or bucket as unhealthy instead of throwing', async () => {
    const config = loadConfig({
      ...process.env,
      MODERNIZE_TABLE: 'no-such-table',
      MODERNIZE_BUCKET: 'no-such-bucket',
      MODERNIZE_LLM_API_KEY: 'k',
    });
    const report = await checkPlatformHealth(config);
    expect(report.status).toBe('unhealthy');
    expect(report.table.ok).toBe(false);
    expect(report.bucket.ok).toBe(false);
    expect(report.llm.source).toBe('env');
  });
});
