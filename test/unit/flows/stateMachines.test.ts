import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowTypesWithDefinitions, phasesOf, placeholdersOf } from '#flows/stateMachineFiles.ts';

const DIR = join(import.meta.dirname, '..', '..', '..', 'statemachines');

describe('state-machine files', () => {
  it('give the discovery and assessment phases in order', () => {
    expect(phasesOf('discovery')).toEqual([
      'data_import',
      'field_mapping',
      'data_cleansing',
      'asset_inventory',
      'dependency_analysis',
      'tech_debt_analysis',
    ]);
    expect(phasesOf('assessment')).toEqual(['sixr_strategy', 'risk_assessment', 'wave_planning']);
  });

  it('every file is registered and only uses what the local interpreter runs', () => {
    // Cloud-only files are deployed by CDK but kept out of the local flow registry: ingestion's
    // Distributed Map with an S3 ItemReader cannot run in the local interpreter, so the embedded
    // platform calls its batch handler (functions/connectionBatch.ts) directly instead.
    const CLOUD_ONLY = new Set(['ingestion.asl.json']);
    const files = readdirSync(DIR).filter((f) => f.endsWith('.asl.json') && !CLOUD_ONLY.has(f));
    for (const file of files) {
      const text = readFileSync(join(DIR, file), 'utf8');
      expect(flowTypesWithDefinitions()).toContain(file.replace('.asl.json', ''));
      expect(text).not.toMatch(/JSONata|"Assign"|ItemReader|waitForTaskToken/);
    }
  });

  it('each Task retries transient errors with backoff and jitter and catches the rest', () => {
    for (const flowType of flowTypesWithDefinitions()) {
      const def = JSON.parse(readFileSync(join(DIR, `${flowType}.asl.json`), 'utf8'));
      for (const [name, state] of Object.entries<any>(def.States)) {
        if (state.Type !== 'Task') continue;
        expect(state.Retry?.[0]?.BackoffRate, name).toBeGreaterThan(1);
        expect(state.Retry?.[0]?.JitterStrategy, name).toBe('FULL');
        if (name !== 'record_failure') expect(state.Catch?.[0]?.ErrorEquals, name).toEqual(['States.ALL']);
      }
      expect(placeholdersOf(flowType)).toEqual(['FlowPhaseFunctionArn']);
    }
  });
});
