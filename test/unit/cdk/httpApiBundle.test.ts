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

describe('httpApi bundle', () => {
  it('loads the route table at cold start and the heavy route areas only on their first request', () => {
    // Prepare
    const bundle = bundleHandler('httpApi', { outdir: tempOutdir() });
    const lazy = [...bundle.files.keys()].filter((f) => !bundle.initFiles.includes(f));
    // Act
    const initBytes = bundle.initFiles.reduce((n, f) => n + (bundle.files.get(f) ?? 0), 0);
    const atInit = inputsOf(bundle, bundle.initFiles);
    const later = inputsOf(bundle, lazy);
    // Assess: under 1 MB at init; reports, exports, assessment, discovery phases and memory routes lazy.
    expect(initBytes).toBeLessThanOrEqual(1024 * 1024);
    expect(atInit).toContain('shared/http/routes.ts');
    const heavy =
      /^shared\/(reports\/(reportHtml|engagementData|exportTables|xlsx|reportLink)|flows\/assessment\/|flows\/discovery\/|memory\/learningHooks|http\/(upload|discovery|assessment|report|memory)Routes)|node_modules\/exceljs\//;
    expect(atInit.filter((i) => heavy.test(i))).toEqual([]);
    for (const area of [
      'uploadRoutes',
      'discoveryRoutes',
      'assessmentRoutes',
      'reportRoutes',
      'memoryRoutes',
    ])
      expect(later).toContain(`shared/http/${area}.ts`);
  });
});
