/**
 * Registers the discovery flow: statemachines/discovery.asl.json and its phase handlers. Each phase
 * module is imported on the phase's first run (`lazyPhase`): starting a discovery (the S3 trigger,
 * the API) needs only the flow type's name and phase list, not the phases' domain code.
 */
import { lazyPhase, registerFlowType } from '../flowRegistry.ts';
import { DISCOVERY } from './discoveryConfig.ts';

export { DISCOVERY };

const importPhases = () => import('./importPhases.ts');
const recordPhases = () => import('./recordPhases.ts');
const analysisPhases = () => import('./analysisPhases.ts');

registerFlowType({
  flowType: DISCOVERY,
  phases: {
    data_import: lazyPhase(importPhases, 'dataImport'),
    field_mapping: lazyPhase(importPhases, 'fieldMapping'),
    data_cleansing: lazyPhase(recordPhases, 'dataCleansing'),
    asset_inventory: lazyPhase(recordPhases, 'assetInventory'),
    dependency_analysis: lazyPhase(analysisPhases, 'dependencyAnalysis'),
    tech_debt_analysis: lazyPhase(analysisPhases, 'techDebtAnalysis'),
  },
});
