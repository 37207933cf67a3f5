import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as healthCheck } from '../../functions/healthCheck.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { runCli, startTestPlatform, type TestPlatform, useTempHome } from '../support/platform.ts';
import { type ScriptedLlmServer, startScriptedLlmServer, status } from '../support/scriptedLlmServer.ts';

/** Runs `fn` with environment variables set, restoring them afterwards. */
async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('agent health and performance: API and scheduled check', () => {
  let t: TestPlatform;
  let api: TestApi;
  beforeAll(async () => {
    t = await startTestPlatform({ s3Events: false });
    api = await startTestApi();
  });
  afterAll(async () => {
    api.close();
    await t.stop();
  });

  it('serves GET /agents/health and GET /agents/performance for the caller tenant', async () => {
    // Prepare
    const viewer = await api.token('acme', ['viewer']);

    // Act
    const health = await withEnv({ MODERNIZE_LLM_API_KEY: undefined }, () =>
      api.call('GET', '/agents/health', viewer),
    );
    const performance = await api.call('GET', '/agents/performance', viewer);
    const anonymous = await api.call('GET', '/agents/health');

    // Assess
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ clientAccountId: 'acme', memory: { status: 'healthy' } });
    expect(health.body.agents.map((a: { agent: string }) => a.agent)).toContain('field_mapping_specialist');
    expect(performance.status).toBe(200);
    expect(performance.body).toMatchObject({
      clientAccountId: 'acme',
      learning: { trend: 'insufficient_data' },
    });
    expect(anonymous.status).toBe(401);
  });

  it('runs the agent health monitor in the scheduled check for the platform and the named tenants', async () => {
    // Act
    const report = await withEnv({ MODERNIZE_LLM_API_KEY: undefined }, () =>
      healthCheck({ tenants: ['acme'] }),
    );

    // Assess
    expect(report.status).toBe('degraded');
    expect(report.agents.reports.map((r) => r.clientAccountId)).toEqual(['platform', 'acme']);
    expect(report.agents.reports[1]?.model).toMatchObject({ status: 'degraded', keyConfigured: false });
  });
});

describe('modernize health (CLI)', () => {
  let temp: ReturnType<typeof useTempHome>;
  let model: ScriptedLlmServer;
  beforeAll(async () => {
    temp = useTempHome();
    model = await startScriptedLlmServer();
  });
  afterAll(async () => {
    await model.close();
    temp.cleanup();
  });

  it('reports degraded, exit 0, without an LLM key', async () => {
    // Act
    const run = await withEnv({ MODERNIZE_LLM_API_KEY: undefined }, () => runCli(['health', '--json']));

    // Assess
    expect(run.code, run.stderr).toBe(0);
    const doc = run.json();
    expect(doc.status).toBe('degraded');
    expect(doc.model.reason).toContain('no LLM key');
    expect(doc.agents).toHaveLength(5);
    expect(doc.performance.learning).toBeDefined();
  });

  it('reports a model answering 500 as unhealthy with the reason, exit 1', async () => {
    // Prepare
    model.script(() => status(500));

    // Act
    const run = await withEnv(
      { MODERNIZE_LLM_API_KEY: 'k', MODERNIZE_LLM_BASE_URL: model.baseUrl, MODERNIZE_LLM_MAX_RETRIES: '0' },
      () => runCli(['health', '--json', '--tenant', 'acme']),
    );

    // Assess
    expect(run.code).toBe(1);
    const doc = run.json();
    expect(doc).toMatchObject({
      status: 'unhealthy',
      clientAccountId: 'acme',
      model: { status: 'unhealthy' },
    });
    expect(doc.model.reason).toMatch(/500/);
    expect(doc.recommendations.join(' ')).toContain(model.baseUrl);
    const text = await withEnv({ MODERNIZE_LLM_API_KEY: undefined }, () => runCli(['health']));
    expect(text.stdout).toContain('agent health of default: DEGRADED');
  });
});
