/**
 * One Lambda handler from functions/, bundled by the local esbuild (no Docker) with code splitting
 * (`bundleHandler`: `<name>.mjs` plus `chunks/`, minified, tree-shaken ESM for Node 24) on arm64,
 * with X-Ray tracing, Powertools settings and a log group with a retention period.
 */
import { AssetHashType, DockerImage, Duration, RemovalPolicy, Tags } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { bundleHandler } from '../bundling.ts';
import { FUNCTIONS_DIR } from '../paths.ts';

/**
 * The handler's code: `bundleHandler` writes it straight into the asset's staging directory through
 * the CDK's local bundling hook, so the CDK's own `aws:cdk:bundling-stacks` context still skips it
 * for stacks that need no real bundle (tests), and the asset hash is that of the bundle output.
 * Docker is never used: the hook always bundles or throws.
 */
export function handlerCode(handler: string): Code {
  return Code.fromAsset(FUNCTIONS_DIR, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the type, never pulled: local bundling below always succeeds or throws.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
      // The CDK caches staged assets by source path and (JSON) bundling options, which drops the
      // local hook: without the handler's name in them every handler would get the first one's bundle.
      command: ['bundleHandler', handler],
      local: {
        tryBundle(outputDir: string): boolean {
          bundleHandler(handler, { outdir: outputDir });
          return true;
        },
      },
    },
  });
}

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

/** A handler of functions/ as a Lambda function with the project's defaults. */
export class HandlerFunction extends Construct {
  readonly fn: LambdaFunction;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.fn = new LambdaFunction(this, 'Function', {
      code: handlerCode(props.handler),
      handler: `${props.handler}.handler`,
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(30),
      tracing: Tracing.ACTIVE,
      logGroup,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
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
