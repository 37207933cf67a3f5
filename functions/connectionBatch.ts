/**
 * Lambda: one batch of the ingestion state machine's Distributed Map (very large connection logs).
 * The embedded platform, which cannot run a Distributed Map, calls this same handler per batch.
 */
import {
  type ConnectionBatchEvent,
  type ConnectionBatchSummary,
  ingestConnectionBatch,
} from '#flows/ingestion/connectionBatch.ts';
import { storageServicesFromEnvironment } from '#flows/storageServices.ts';

export const handler = async (event: ConnectionBatchEvent): Promise<ConnectionBatchSummary> =>
  ingestConnectionBatch(storageServicesFromEnvironment(), event);
