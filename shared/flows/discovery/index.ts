/**
 * Registers the discovery flow: statemachines/discovery.asl.json and its phase handlers.
 */
import { registerFlowType } from '../flowRegistry.ts';
import { dependencyAnalysis, techDebtAnalysis } from './analysisPhases.ts';
import { dataImport, fieldMapping } from './importPhases.ts';
import { assetInventory, dataCleansing } from './recordPhases.ts';

export const DISCOVERY = 'discovery';

registerFlowType({
  flowType: DISCOVERY,
  phases: {
    data_import: dataImport,
    field_mapping: fieldMapping,
    data_cleansing: dataCleansing,
    asset_inventory: assetInventory,
    dependency_analysis: dependencyAnalysis,
    tech_debt_analysis: techDebtAnalysis,
  },
});
