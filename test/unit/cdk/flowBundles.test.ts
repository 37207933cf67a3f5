import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleHandler } from '../../../cdk/bundling.ts';
import { REPO_ROOT } from '../../../cdk/paths.ts';
import { tempOutdir } from './cdkApp.ts';

/** The source files (repository-relative) that end up in `files` of a bundle. */
function inputsOf(bundle: ReturnType<typeof bundleHandler>, files: readonly string[]): string[] {
  const wanted = new Set(files.map((f) => relative(REPO_ROOT, join(bundle.outdir, f))));
  return Object.entries(bundle.metafile.outputs)
    .filter(([path]) => wanted.has(path))
    .flatMap(([, output]) => Object.keys(output.inputs));
}

const initBytesOf = (bundle: ReturnType<typeof bundleHandler>) =>
  bundle.initFiles.reduce((n, f) => n + (bundle.files.get(f) ?? 0), 0);

/**
 * Phase modules, agents and the packages only phases need (openai, exceljs). `llmClient.ts` (1 KB:
 * the LLM key resolver the services read, openai itself imported on first use) is not agent code.
 */
const PHASE_CODE =
  /^shared\/(flows\/(discovery\/(import|record|analysis)Phases|assessment\/assessmentPhases)\.ts|agents\/(?!llmClient\.ts$))|node_modules\/(openai|exceljs)\//;

describe('flowPhase bundle', () => {
  it('holds the orchestrator and registry at cold start and loads each phase module on first use', () => {
    // Prepare
    const bundle = bundleHandler('flowPhase', { outdir: tempOutdir() });
    const lazy = [...bundle.files.keys()].filter((f) => !bundle.initFiles.includes(f));
    // Act
    const atInit = inputsOf(bundle, bundle.initFiles);
    const later = inputsOf(bundle, lazy);
    // Assess
    expect(initBytesOf(bundle)).toBeLessThanOrEqual(1024 * 1024);
    expect(atInit).toEqual(
      expect.arrayContaining(['shared/flows/flowRegistry.ts', 'shared/flows/phaseRunner.ts']),
    );
    expect(atInit.filter((i) => PHASE_CODE.test(i))).toEqual([]);
    for (const phases of [
      'discovery/importPhases',
      'discovery/recordPhases',
      'discovery/analysisPhases',
      'assessment/assessmentPhases',
    ])
      expect(later).toContain(`shared/flows/${phases}.ts`);
  });
});

describe('s3Upload bundle', () => {
  it('starts a discovery without shipping any phase, agent, openai or exceljs code', () => {
    // Prepare
    const bundle = bundleHandler('s3Upload', { outdir: tempOutdir() });
    // Act
    const everything = inputsOf(bundle, [...bundle.files.keys()]);
    // Assess: under 1 MB at init, and the whole artifact free of what only phases use.
    expect(initBytesOf(bundle)).toBeLessThanOrEqual(1024 * 1024);
    expect(inputsOf(bundle, bundle.initFiles)).toContain('shared/flows/discovery/startDiscovery.ts');
    expect(everything.filter((i) => PHASE_CODE.test(i))).toEqual([]);
  });
});
