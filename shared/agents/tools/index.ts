/**
 * The seed's tools, registered in a new registry (one per agent pool: registries are cheap
 * and hold no tenant data, but building them per pool keeps tests independent).
 */
import { ToolRegistry } from '../toolRegistry.ts';
import {
  complianceCheckerTool,
  costEstimationTool,
  riskAnalysisTool,
  riskAssessmentTool,
  sixrAnalysisTool,
} from './assessmentTools.ts';
import { dependencyAnalysisTool, networkAnalysisTool } from './dependencyTools.ts';
import { dataAnalysisTool, fieldMappingTool, patternRecognitionTool } from './fieldMappingTools.ts';
import type { AgentTool } from './toolTypes.ts';

/** Every seed tool. */
export const SEED_TOOLS: readonly AgentTool[] = [
  fieldMappingTool,
  dataAnalysisTool,
  patternRecognitionTool,
  dependencyAnalysisTool,
  networkAnalysisTool,
  sixrAnalysisTool,
  costEstimationTool,
  riskAssessmentTool,
  riskAnalysisTool,
  complianceCheckerTool,
] as unknown as readonly AgentTool[];

/** A registry holding the seed's tools. */
export function createSeedToolRegistry(): ToolRegistry {
  const registry = new ToolRegistry();
  for (const tool of SEED_TOOLS) registry.register(tool);
  return registry;
}
