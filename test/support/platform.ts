/**
 * Test harness: an embedded platform in a fresh temporary $MODERNIZE_HOME, with state
 * machine retries shortened, and helpers that drive it through the CLI in-process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPlatform, type EmbeddedPlatformOptions } from '#adapters/local/embeddedPlatform.ts';
import { main } from '#cli/main.ts';
import { FlowOrchestrator } from '#flows/orchestrator.ts';
import type { FlowRecord } from '#ports/flowStore.ts';
import type { TenantContext } from '#ports/tenant.ts';

export interface TestPlatform {
  readonly platform: EmbeddedPlatform;
  readonly home: string;
  stop(): Promise<void>;
}

/** Starts a platform in a new temporary home. */
export async function startTestPlatform(
  options: Partial<EmbeddedPlatformOptions> = {},
): Promise<TestPlatform> {
  const home = mkdtempSync(join(tmpdir(), 'modernize-test-'));
  const platform = await EmbeddedPlatform.start({ home, inMemory: true, retryIntervalMs: 1, ...options });
  return {
    platform,
    home,
    async stop() {
      await platform.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/**
 * Resumes a failed flow (with faults off) until it completes or `attempts` resumes were made, waiting
 * for each execution to settle; returns the flow as stored.
 */
export async function resumeToEnd(
  platform: EmbeddedPlatform,
  owner: TenantContext,
  flow: FlowRecord,
  attempts = 3,
): Promise<FlowRecord> {
  let current = flow;
  for (let i = 0; i < attempts && current.status === 'failed'; i++) {
    const resumed = await new FlowOrchestrator(platform.services).resume(owner, current.flowId);
    await platform.workflow.settled(resumed.executionArns.at(-1) as string);
    current = (await platform.services.flows.get(owner, current.flowId)) as FlowRecord;
  }
  return current;
}

/** A fresh temporary $MODERNIZE_HOME for CLI tests (each CLI command starts its own platform there). */
export function useTempHome(): { home: string; cleanup: () => void } {
  const home = mkdtempSync(join(tmpdir(), 'modernize-cli-'));
  const previous = process.env.MODERNIZE_HOME;
  process.env.MODERNIZE_HOME = home;
  return {
    home,
    cleanup: () => {
      if (previous === undefined) delete process.env.MODERNIZE_HOME;
      else process.env.MODERNIZE_HOME = previous;
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Runs the CLI in-process and captures stdout, stderr and the exit code. */
export async function runCli(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string; json: () => any }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    out: (t) => {
      stdout += t.endsWith('\n') ? t : `${t}\n`;
    },
    err: (t) => {
      stderr += t.endsWith('\n') ? t : `${t}\n`;
    },
  });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

export function tenant(id: string, roles: TenantContext['roles'] = ['client_admin']): TenantContext {
  return { clientAccountId: id, userId: `${id}-tester`, roles };
}

export const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
export const RVTOOLS = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'data',
  'rvtools-sizing-workshop.xlsx',
);
