/**
 * Builds the CDK app in-process for template assertions: CloudFormation validation off (the
 * CDK_VALIDATION=false equivalent) and handler bundling skipped through the CDK's own
 * `aws:cdk:bundling-stacks` context unless a test asks for it (bundling is what takes seconds).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll } from 'vitest';
import { routes } from '#http/routes.ts';
import { buildModernize, type ModernizeStacks } from '../../../cdk/modernizeApp.ts';

export interface BuiltApp {
  readonly app: App;
  readonly stacks: ModernizeStacks;
  readonly outdir: string;
  template(stack: keyof ModernizeStacks): Template;
}

const outdirs: string[] = [];
// Registered when a test file imports this helper: removes every assembly the file synthesised.
afterAll(() => {
  for (const dir of outdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary cloud-assembly directory, removed after the test file. */
export function tempOutdir(): string {
  const outdir = mkdtempSync(join(tmpdir(), 'modernize-cdk-'));
  outdirs.push(outdir);
  return outdir;
}

/** Builds the app; `bundle` lists stack ids whose handlers esbuild really bundles. */
export function buildTestApp(options: { bundle?: string[]; nag?: boolean } = {}): BuiltApp {
  process.env.CDK_VALIDATION = 'false';
  const outdir = tempOutdir();
  const app = new App({
    outdir,
    context: {
      'aws:cdk:bundling-stacks': options.bundle ?? [],
      '@aws-cdk/core:defaultCrossStackReferences': 'strong',
    },
  });
  const stacks = buildModernize(app, {
    routes,
    nag: options.nag ?? false,
    env: { account: '111122223333', region: 'eu-west-1' },
  });
  const templates = new Map<string, Template>();
  return {
    app,
    stacks,
    outdir,
    template(stack) {
      let t = templates.get(stack);
      if (!t) {
        t = Template.fromStack(stacks[stack]);
        templates.set(stack, t);
      }
      return t;
    },
  };
}

/** A synthesised CloudFormation fragment: untyped JSON. */
// biome-ignore lint/suspicious/noExplicitAny: CloudFormation templates are untyped JSON.
export type Cfn = any;

/** Resources of one type in a template, as [logicalId, resource] pairs. */
export function resourcesOf(template: Template, type: string): [string, Cfn][] {
  return Object.entries(template.findResources(type));
}
