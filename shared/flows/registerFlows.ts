/**
 * Imports every flow type so the registry knows them (side-effect module), and wires
 * discovery's optional hand-over to assessment.
 */
import { ConflictError } from '#errors/errors.ts';
import { startAssessment } from './assessment/index.ts';
import { discoveryConfigOf } from './discovery/discoveryConfig.ts';
import { DISCOVERY } from './discovery/index.ts';
import { onFlowComplete } from './flowRegistry.ts';

onFlowComplete(DISCOVERY, async ({ services, tenant, flow }) => {
  if (discoveryConfigOf(flow).startAssessment) {
    try {
      await startAssessment(services, tenant, flow.engagementId, { flowId: `${flow.flowId}-assessment` });
    } catch (error) {
      // A retried completion finds the assessment already created: nothing to do.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
});
