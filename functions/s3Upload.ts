/**
 * Lambda: an object created under an engagement's upload prefix starts discovery.
 */
import type { S3Event } from 'aws-lambda';
import '#flows/registerFlows.ts';
import { handleUploadCreated } from '#flows/discovery/startDiscovery.ts';
import { servicesFromEnvironment } from '#flows/services.ts';

export const handler = async (event: S3Event): Promise<{ started: string[] }> => {
  const services = servicesFromEnvironment();
  const started: string[] = [];
  for (const record of event.Records ?? []) {
    if (!record.eventName?.startsWith('ObjectCreated')) continue;
    const flow = await handleUploadCreated(services, record);
    if (flow) started.push(flow.flowId);
  }
  return { started };
};
