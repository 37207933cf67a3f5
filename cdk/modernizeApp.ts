/**
 * The Modernize CDK app: four stacks by concern (data, flows, api, ops) and the cdk-nag
 * AwsSolutions checks. Tests build the same app in-process.
 */
import { type App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Route } from '../shared/http/apiTypes.ts';
import { acknowledgeAcceptedFindings } from './nagAcknowledgements.ts';
import { ApiStack } from './stacks/apiStack.ts';
import { DataStack } from './stacks/dataStack.ts';
import { FlowsStack } from './stacks/flowsStack.ts';
import { OpsStack } from './stacks/opsStack.ts';

export interface ModernizeStacks {
  readonly data: DataStack;
  readonly flows: FlowsStack;
  readonly api: ApiStack;
  readonly ops: OpsStack;
}

export interface ModernizeAppOptions {
  /** The route table (shared/http/routes.ts); passed in so tests and the app share one import. */
  readonly routes: readonly Route[];
  /** Register the cdk-nag AwsSolutions checks (synth fails on unacknowledged errors). */
  readonly nag?: boolean;
  /** Target account and region; default: the CLI's CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION. */
  readonly env?: { readonly account?: string; readonly region?: string };
}

/** Context keys the app reads (`npx cdk deploy --all -c prefix=modernize -c allowedOrigins=https://a,https://b`). */
function context(app: App) {
  const prefix = String(app.node.tryGetContext('prefix') ?? 'modernize');
  const origins = String(app.node.tryGetContext('allowedOrigins') ?? 'http://localhost:5173');
  return {
    prefix,
    allowedOrigins: origins
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    collectionName: String(app.node.tryGetContext('collectionName') ?? `${prefix}-memory`),
  };
}

/** Adds the four stacks to `app`. */
export function buildModernize(app: App, options: ModernizeAppOptions): ModernizeStacks {
  const ctx = context(app);
  // The table's customer-managed key makes the data stack region-specific: a region is required.
  const env = options.env ?? {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.CDK_DEFAULT_REGION,
  };
  if (!env.region)
    throw new Error(
      'No target region: set CDK_DEFAULT_REGION or AWS_REGION (npx cdk sets it from your profile)',
    );
  const data = new DataStack(app, `${ctx.prefix}-data`, {
    env,
    allowedOrigins: ctx.allowedOrigins,
    prefix: ctx.prefix,
    collectionName: ctx.collectionName,
  });
  const flows = new FlowsStack(app, `${ctx.prefix}-flows`, { env, data });
  const api = new ApiStack(app, `${ctx.prefix}-api`, {
    env,
    data,
    flows,
    routes: options.routes,
    allowedOrigins: ctx.allowedOrigins,
  });
  const ops = new OpsStack(app, `${ctx.prefix}-ops`, { env, data, flows, api });
  Tags.of(app).add('project', 'modernize');
  if (options.nag !== false) {
    acknowledgeAcceptedFindings(app);
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  }
  return { data, flows, api, ops };
}
