import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { bundleHandler } from '../../../cdk/bundling.ts';
import { buildTestApp, type Cfn, resourcesOf, tempOutdir } from './cdkApp.ts';

const STATE_MACHINES = join(import.meta.dirname, '..', '..', '..', 'statemachines');
const files = readdirSync(STATE_MACHINES).filter((f) => f.endsWith('.asl.json'));
const built = buildTestApp();
const flows = built.template('flows');
const fnByHandler = (prefix: string) =>
  resourcesOf(flows, 'AWS::Lambda::Function').find(([id]) => id.startsWith(prefix))?.[1];

describe('flows stack', () => {
  it('has one state machine per file in statemachines/, loaded from the file with substitutions', () => {
    const machines = resourcesOf(flows, 'AWS::StepFunctions::StateMachine');
    const names = machines.map(([, r]) => r.Properties.StateMachineName).sort();
    expect(names).toEqual(files.map((f) => `modernize-flows-${f.replace('.asl.json', '')}`).sort());
    for (const [, machine] of machines) {
      expect(machine.Properties.DefinitionS3Location).toBeDefined();
      expect(machine.Properties.DefinitionString).toBeUndefined();
      expect(machine.Properties.TracingConfiguration).toEqual({ Enabled: true });
      expect(machine.Properties.LoggingConfiguration.Level).toBe('ALL');
    }
    const subs = (name: string) =>
      machines.find(([, r]) => r.Properties.StateMachineName === `modernize-flows-${name}`)?.[1].Properties
        .DefinitionSubstitutions;
    expect(Object.keys(subs('discovery'))).toEqual(['FlowPhaseFunctionArn']);
    expect(Object.keys(subs('ingestion')).sort()).toEqual([
      'ConnectionBatchFunctionArn',
      'UploadsBucketName',
    ]);
  });

  it('gives each state machine a role that may invoke only its own phase functions', () => {
    const policies = resourcesOf(flows, 'AWS::IAM::Policy');
    const invokes = (rolePrefix: string) =>
      policies
        .filter(([id]) => id.startsWith(rolePrefix))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
        .filter((s: Cfn) => [s.Action].flat().includes('lambda:InvokeFunction'))
        .flatMap((s: Cfn) => s.Resource)
        .map((r: Cfn) => JSON.stringify(r));
    for (const role of ['DiscoveryRole', 'AssessmentRole']) {
      const resources = invokes(role);
      expect(resources.length).toBeGreaterThan(0);
      for (const r of resources) expect(r).toMatch(/FlowPhaseFunction/);
    }
    for (const r of invokes('IngestionRole')) expect(r).toMatch(/ConnectionBatchFunction/);
  });

  it('passes the state machine ARNs to the phase function without a reference cycle', () => {
    const env = fnByHandler('FlowPhaseFunction')?.Properties.Environment.Variables;
    const arns = JSON.parse(JSON.stringify(env.MODERNIZE_STATE_MACHINES));
    const text = JSON.stringify(arns);
    for (const f of files) expect(text).toContain(`modernize-flows-${f.replace('.asl.json', '')}`);
    expect(text).not.toMatch(/"Ref":"\w*StateMachine/);
    expect(env.MODERNIZE_TENANT_ROLE_ARN).toBeDefined();
    expect(env.MODERNIZE_LLM_SECRET_ARN).toBeDefined();
    expect(env.MODERNIZE_OPENSEARCH_SERVICE).toBe('aoss');
    expect(env.MODERNIZE_OPENSEARCH_ENDPOINT).toBeDefined();
    // Tenant session policies name the data key (S3 SSE-KMS) and the memory collection.
    expect(JSON.stringify(env.MODERNIZE_KMS_KEY_ARNS)).toMatch(/DataKey/);
    expect(JSON.stringify(env.MODERNIZE_MEMORY_COLLECTION_ARN)).toMatch(/Memory/);
  });

  it('lets the phase handler use only the tenant memory indexes of the collection, and no other flow handler', () => {
    const access = resourcesOf(flows, 'AWS::OpenSearchServerless::AccessPolicy');
    expect(access).toHaveLength(1);
    const text = JSON.stringify(access[0]?.[1].Properties.Policy);
    expect(text).toContain('index/modernize-memory/memory-*');
    expect(text).toContain('FlowPhaseFunctionServiceRole');
    // Built without memory ports (shared/flows/storageServices.ts): no way to the collection.
    for (const fn of ['ConnectionBatch', 'S3Upload']) expect(text).not.toContain(`${fn}FunctionServiceRole`);
  });

  it('runs every handler as Node 24 ESM on arm64 with tracing, and caps costly concurrency', () => {
    const fns = resourcesOf(flows, 'AWS::Lambda::Function').filter(
      ([id]) => !id.startsWith('BucketNotifications'),
    );
    expect(fns).toHaveLength(3);
    for (const [, fn] of fns) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.Properties.ReservedConcurrentExecutions).toBeGreaterThan(0);
    }
  });

  it('starts discovery from object-created events under t/ and keeps failed events in a DLQ', () => {
    flows.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 't/' }] } },
            LambdaFunctionArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^S3UploadFunction'), 'Arn'] },
          },
        ],
      },
    });
    const invokeConfig = resourcesOf(flows, 'AWS::Lambda::EventInvokeConfig');
    expect(invokeConfig).toHaveLength(1);
    expect(invokeConfig[0]?.[1].Properties.MaximumRetryAttempts).toBe(2);
    expect(JSON.stringify(invokeConfig[0]?.[1].Properties.DestinationConfig.OnFailure)).toMatch(
      /UploadTriggerDlq/,
    );
  });
});

describe('handler bundling', () => {
  it('bundles each handler offline (local esbuild, no Docker) into its own split ESM asset Node loads', () => {
    const real = buildTestApp({ bundle: ['modernize-flows'] });
    const assembly = real.app.synth();
    const template = assembly.getStackByName('modernize-flows').template;
    const fns = Object.entries<Cfn>(template.Resources).filter(
      ([id, r]) => r.Type === 'AWS::Lambda::Function' && !id.startsWith('BucketNotifications'),
    );
    expect(fns.map(([, fn]) => fn.Properties.Handler).sort()).toEqual([
      'connectionBatch.handler',
      'flowPhase.handler',
      's3Upload.handler',
    ]);
    // Each handler has its own asset: the CDK's asset cache must not hand one bundle to all.
    expect(new Set(fns.map(([, fn]) => fn.Properties.Code.S3Key)).size).toBe(fns.length);
    for (const [, fn] of fns) {
      const asset = join(real.outdir, `asset.${fn.Properties.Code.S3Key.replace('.zip', '')}`);
      const entry = join(asset, `${fn.Properties.Handler.replace('.handler', '')}.mjs`);
      expect(statSync(entry).size).toBeGreaterThan(1000);
      expect(readFileSync(entry, 'utf8')).not.toMatch(/from ?["']#(domain|flows)\//);
      // Code splitting: what only some invocations need (openai, the OpenSearch client) is in chunks,
      // and only in the artifacts whose code can call it (the phases run agents; batches and the
      // upload trigger, which only starts a discovery, never do).
      expect(
        readdirSync(join(asset, 'chunks')).some((f) => f.startsWith('openai-') && f.endsWith('.mjs')),
      ).toBe(fn.Properties.Handler === 'flowPhase.handler');
      // Loading is what a cold start does first: CommonJS globals and native modules must not break it.
      const loaded = execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import(${JSON.stringify(pathToFileURL(entry).href)}); console.log(typeof m.handler);`,
        ],
        // As in Lambda: the function name switches the Powertools logger, metrics and tracer on.
        {
          encoding: 'utf8',
          env: { PATH: process.env.PATH, AWS_REGION: 'eu-west-1', AWS_LAMBDA_FUNCTION_NAME: 'test' },
        },
      );
      expect(loaded.trim()).toBe('function');
    }
  });

  it('writes the same bytes for the same sources, so asset hashes are stable across synths', () => {
    const first = bundleHandler('connectionBatch', { outdir: tempOutdir() });
    const second = bundleHandler('connectionBatch', { outdir: tempOutdir() });
    expect([...second.files.keys()].sort()).toEqual([...first.files.keys()].sort());
    for (const file of first.files.keys()) {
      expect(readFileSync(join(second.outdir, file)).equals(readFileSync(join(first.outdir, file)))).toBe(
        true,
      );
    }
    // Builtins load through process.getBuiltinModule: an ESM import of node:http would load undici.
    for (const file of first.files.keys()) {
      expect(readFileSync(join(first.outdir, file), 'utf8')).not.toMatch(/from ?["'](node:)?https?["']/);
    }
    // The entry imports its init chunks statically; the artifact carries none of the SDKs a batch
    // cannot call (openai, the OpenSearch client, the embedded index, exceljs), not even as chunks.
    expect(first.initFiles[0]).toBe('connectionBatch.mjs');
    const inputs = Object.values(first.metafile.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(
      inputs.filter((i) => /node_modules\/(openai|@opensearch-project|usearch|exceljs)\//.test(i)),
    ).toEqual([]);
  });
});
