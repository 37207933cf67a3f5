/**
 * The embedded platform: the cloud's code on one machine. The same AWS adapters talk to
 * dynalite and s3rver on loopback, the real state-machine files run in the local
 * interpreter, and each Task and S3 notification calls the same Lambda handler module.
 * Only configuration differs from the cloud.
 */
import { join } from 'node:path';
import { loadConfig } from '#config/config.ts';
import { registerLocalWorkflowEngine, type Services, servicesFromEnvironment } from '#flows/services.ts';
import { handler as flowPhaseHandler } from '../../../functions/flowPhase.ts';
import { handler as s3UploadHandler } from '../../../functions/s3Upload.ts';
import { ensureTable, LOCAL_CREDENTIALS, type LocalServers, startLocalServers } from './localServers.ts';
import { LocalWorkflowEngine } from './localWorkflowEngine.ts';

export interface EmbeddedPlatformOptions {
  /** State directory ($MODERNIZE_HOME). */
  readonly home: string;
  /** Keep DynamoDB data in memory (tests). S3 files still go under `home`. */
  readonly inMemory?: boolean;
  /** Shortens state-machine retry waits (tests). */
  readonly retryIntervalMs?: number;
  /** Deliver S3 object-created events to the upload trigger (default true). */
  readonly s3Events?: boolean;
  /** Puts something (a fault-injecting proxy) between the handlers and the local DynamoDB/S3 servers. */
  readonly wrapEndpoints?: (endpoints: {
    dynamo: string;
    s3: string;
  }) => Promise<{ dynamo: string; s3: string }>;
}

export class EmbeddedPlatform {
  readonly services: Services;
  readonly workflow: LocalWorkflowEngine;
  private readonly servers: LocalServers;
  private readonly pendingEvents = new Set<Promise<unknown>>();
  private readonly eventErrors: unknown[] = [];

  private constructor(servers: LocalServers, workflow: LocalWorkflowEngine, services: Services) {
    this.servers = servers;
    this.workflow = workflow;
    this.services = services;
  }

  /** Starts the local servers, points configuration at them and wires the handlers. */
  static async start(options: EmbeddedPlatformOptions): Promise<EmbeddedPlatform> {
    const env = process.env;
    env.MODERNIZE_HOME = options.home;
    const base = loadConfig(env);
    const servers = await startLocalServers({
      home: options.home,
      bucket: base.bucket,
      inMemory: options.inMemory,
    });
    await ensureTable(servers.dynamoEndpoint, base.tableName, base.region);
    const direct = { dynamo: servers.dynamoEndpoint, s3: servers.s3Endpoint };
    const endpoints = options.wrapEndpoints ? await options.wrapEndpoints(direct) : direct;
    Object.assign(env, {
      MODERNIZE_DYNAMODB_ENDPOINT: endpoints.dynamo,
      MODERNIZE_S3_ENDPOINT: endpoints.s3,
      MODERNIZE_WORKFLOW: 'local',
      AWS_REGION: base.region,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    });
    const workflow = new LocalWorkflowEngine({
      functions: { FlowPhaseFunctionArn: (payload) => flowPhaseHandler(payload as never) },
      retryIntervalMs: options.retryIntervalMs,
    });
    registerLocalWorkflowEngine(workflow);
    const platform = new EmbeddedPlatform(servers, workflow, servicesFromEnvironment(env));
    if (options.s3Events !== false) platform.deliverS3Events(base.bucket);
    return platform;
  }

  /** Forwards s3rver's object-created notifications for the uploads bucket to the upload trigger. */
  private deliverS3Events(bucket: string): void {
    this.servers.s3.on('event', (event: { Records?: { s3?: { bucket?: { name?: string } } }[] }) => {
      const records = (event.Records ?? []).filter((r) => r.s3?.bucket?.name === bucket);
      if (records.length === 0) return;
      const delivery = s3UploadHandler({ Records: records } as never).catch((error: unknown) => {
        this.eventErrors.push(error);
      });
      this.pendingEvents.add(delivery);
      void delivery.finally(() => this.pendingEvents.delete(delivery));
    });
  }

  /** Resolves when S3 events have been handled and every execution has ended. */
  async idle(): Promise<void> {
    while (this.pendingEvents.size > 0) await Promise.all([...this.pendingEvents]);
    await this.workflow.idle();
  }

  /** Errors raised while handling S3 events (the trigger would retry them in the cloud). */
  get s3EventErrors(): readonly unknown[] {
    return this.eventErrors;
  }

  async stop(): Promise<void> {
    await this.idle();
    registerLocalWorkflowEngine(undefined);
    await this.servers.close();
  }
}

/** $MODERNIZE_HOME, default ./.modernize. */
export function defaultHome(): string {
  return process.env.MODERNIZE_HOME ?? join(process.cwd(), '.modernize');
}
