/**
 * One Lambda handler from functions/, bundled by the local esbuild (no Docker) as a minified,
 * tree-shaken ESM bundle for Node 24 on arm64, with X-Ray tracing, Powertools settings and a
 * log group with a retention period.
 */
import { join } from 'node:path';
import { Duration, RemovalPolicy, Tags } from 'aws-cdk-lib';
import { Architecture, type IFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { HANDLER_BUNDLING } from '../bundling.ts';
import { FUNCTIONS_DIR, REPO_ROOT } from '../paths.ts';

/** Principal tag the tenant-access role trusts: only handlers carrying it may vend tenant credentials. */
export const TOKEN_VENDOR_TAG = { key: 'modernize-token-vendor', value: 'true' } as const;

export interface HandlerFunctionProps {
  /** File name in functions/ without extension, e.g. `flowPhase`. */
  readonly handler: string;
  readonly description: string;
  readonly environment: Record<string, string>;
  readonly timeout?: Duration;
  readonly memorySize?: number;
  /** Caps concurrent executions where a runaway would cost money. */
  readonly reservedConcurrentExecutions?: number;
  /** Service name for Powertools logs, metrics and traces. */
  readonly serviceName: string;
  /** Days of log retention. */
  readonly logRetention?: RetentionDays;
  /** Allows the function to assume the tenant-access role (it handles tenant data). */
  readonly vendsTenantCredentials?: boolean;
}

/** A handler of functions/ as a NodejsFunction with the project's defaults. */
export class HandlerFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(FUNCTIONS_DIR, `${props.handler}.ts`),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(30),
      tracing: Tracing.ACTIVE,
      logGroup,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      bundling: {
        format: OutputFormat.ESM,
        target: HANDLER_BUNDLING.target,
        minify: HANDLER_BUNDLING.minify,
        sourceMap: HANDLER_BUNDLING.sourcemap,
        mainFields: [...HANDLER_BUNDLING.mainFields],
        externalModules: [...HANDLER_BUNDLING.external],
        banner: HANDLER_BUNDLING.banner,
      },
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: 'Modernize',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
    });
    if (props.vendsTenantCredentials && this.fn.role) {
      Tags.of(this.fn.role).add(TOKEN_VENDOR_TAG.key, TOKEN_VENDOR_TAG.value);
    }
  }

  get function(): IFunction {
    return this.fn;
  }
}
