/**
 * Every export style in the labelled mapping set, as a whole file through the whole
 * discovery flow: a CSV is built from each fixture's headers and sample values, discovered
 * with auto-approval, and checked for the mappings it should get and the assets it should give.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscovery, storeUpload } from '#flows/discovery/startDiscovery.ts';
import { flowMappings } from '#flows/engagementQueries.ts';
import { startTestPlatform, type TestPlatform, tenant } from '../support/platform.ts';

interface EvalFile {
  kind: 'assets' | 'connections';
  columns: { header: string; target: string | null; samples: string[] }[];
}

const DIR = join(import.meta.dirname, '..', 'fixtures', 'mapping-eval');
const FILES = ['', 'holdout', 'holdout2'].flatMap((sub) =>
  readdirSync(join(DIR, sub))
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(sub, f)),
);

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** 12 rows; row i takes sample i (cycling), so every sample value appears. */
function toCsv(file: EvalFile): Buffer {
  const header = file.columns.map((c) => csvCell(c.header)).join(',');
  const rows = Array.from({ length: 12 }, (_, i) =>
    file.columns
      .map((c) => csvCell(c.samples.length ? (c.samples[i % c.samples.length] ?? '') : ''))
      .join(','),
  );
  return Buffer.from(`${header}\n${rows.join('\n')}\n`);
}

describe('discovery of each export style', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(async () => t.stop());

  it.each(FILES)('%s', async (name) => {
    const file = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as EvalFile;
    const who = tenant('styles');
    const engagementId = name.replace(/\W+/g, '-').slice(0, 40);
    const upload = await storeUpload(t.platform.services, who, {
      engagementId,
      fileName: `${name}.csv`,
      body: toCsv(file),
    });

    const started = await startDiscovery(t.platform.services, who, upload, { autoApprove: true });
    await t.platform.workflow.settled(started.executionArns.at(-1) as string);
    const flow = await t.platform.services.flows.get(who, started.flowId);

    expect(flow?.status, JSON.stringify(flow?.error)).toBe('completed');
    const mappings = (await flowMappings(t.platform.services, who, flow as NonNullable<typeof flow>))
      .mappings;
    const labelled = file.columns.filter((c) => c.target);
    const right = labelled.filter((c) => mappings.find((m) => m.source === c.header)?.target === c.target);
    // Per-file mapping accuracy is measured by bench/mapping; here each style must mostly map and flow through.
    expect(right.length / labelled.length).toBeGreaterThanOrEqual(0.7);
    if (file.kind === 'assets') {
      const assets = await t.platform.services.assets.list(who, engagementId);
      expect(assets.length).toBeGreaterThan(0);
      expect(assets.every((a) => a.name.length > 0)).toBe(true);
    } else {
      expect(flow?.phases.find((p) => p.name === 'dependency_analysis')?.result?.edges).toBeGreaterThan(0);
    }
  });
});
