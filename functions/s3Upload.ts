/**
 * Lambda: an object created under an engagement's upload prefix starts discovery. Each record is
 * idempotent (Powertools, keyed by bucket, key and S3 sequencer): a redelivered event starts nothing.
 * It only starts the discovery flow (its module registers it); the state machine runs the phases in
 * the flowPhase function, which registers every flow type and the hand-over to assessment, so the
 * assessment code is not part of this handler's cold start.
 */
import { type IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { Context, S3Event, S3EventRecord } from 'aws-lambda';
import { idempotencyConfig, idempotencyStore, observed, registerInvocation } from '#config/powertools.ts';
import { handleUploadCreated } from '#flows/discovery/startDiscovery.ts';
import { type Services, storageServicesFromEnvironment } from '#flows/storageServices.ts';

/** One start per object version for a day: S3 may deliver an event more than once, hours apart. */
const RECORD_KEY = '[s3.bucket.name, s3.object.key, s3.object.sequencer || s3.object.eTag]';

type Start = (record: S3EventRecord) => Promise<string | null>;
let idempotent: { services: Services; config: IdempotencyConfig; start: Start } | undefined;
const ran = new WeakSet<S3EventRecord>();

async function startOnce(services: Services): Promise<{ config: IdempotencyConfig; start: Start }> {
  if (idempotent?.services !== services) {
    const config = await idempotencyConfig(RECORD_KEY, { expiresAfterSeconds: 24 * 3600 });
    const start = makeIdempotent(
      async (record: S3EventRecord) => {
        ran.add(record);
        return (await handleUploadCreated(services, record))?.flowId ?? null;
      },
      {
        persistenceStore: await idempotencyStore(services.config, 's3Upload'),
        config,
      },
    );
    idempotent = { services, config, start };
  }
  return idempotent;
}

export const handler = observed(async (event: S3Event, context: Context): Promise<{ started: string[] }> => {
  const services = storageServicesFromEnvironment();
  const { config, start } = await startOnce(services);
  registerInvocation(config, context);
  const started: string[] = [];
  for (const record of event.Records ?? []) {
    if (!record.eventName?.startsWith('ObjectCreated')) continue;
    // A fresh object per call: a replayed record returns the stored result without running the
    // function, so it is absent from `ran` and started nothing now.
    const attempt = { ...record };
    const flowId = await start(attempt);
    if (flowId && ran.has(attempt)) started.push(flowId);
  }
  return { started };
});
