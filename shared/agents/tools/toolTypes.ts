/**
 * What a tool is and what it may touch. Tools read the task's workspace (the engines' inputs
 * and results the flow handed over) and call the engines; they take only zod-validated
 * arguments that name things (a column header, an application), never code or expressions,
 * so nothing in an upload can make a tool do anything but look something up.
 */
import type * as z from 'zod/v4';
import type { Application, EngagementCriteria, EngagementRecommendations } from '#domain/assessment/index.ts';
import type { DependencyGraph } from '#domain/dependencies/index.ts';
import type { ColumnProfile, LearnedRule, MappingResult } from '#domain/tableTypes.ts';
import type { MappingStore } from '#ports/mappingStore.ts';
import type { TenantContext } from '#ports/tenant.ts';

/** The data a task works on, as the flow handed it over (tools only read it). */
export interface AgentWorkspace {
  readonly columns?: readonly ColumnProfile[];
  readonly mapping?: MappingResult;
  readonly learned?: readonly LearnedRule[];
  readonly graph?: DependencyGraph;
  readonly applications?: readonly Application[];
  readonly recommendations?: EngagementRecommendations;
  readonly criteria?: EngagementCriteria;
}

/** A mapping rule an agent wants the tenant to learn; a user decides (see learn_field_mapping). */
export interface LearningProposal {
  readonly header: string;
  readonly target: string | null;
  readonly reason: string;
  readonly agent: string;
}

/** What a tool call receives besides its arguments. */
export interface ToolContext {
  readonly tenant: TenantContext;
  readonly agent: string;
  readonly workspace: AgentWorkspace;
  /** Where learn_field_mapping puts proposals (they end up in the flow notes). */
  readonly proposals: LearningProposal[];
  /** Only a task a user asked for may record learned rules directly; flows never set it. */
  readonly allowLearning: boolean;
  readonly mappings?: MappingStore;
  readonly now: () => Date;
}

/** A tool: its model-facing name and description, capabilities, argument schema and behaviour. */
export interface AgentTool<P extends z.ZodObject = z.ZodObject> {
  readonly name: string;
  readonly description: string;
  /** What the tool can do, for capability matching (e.g. `column_analysis`). */
  readonly capabilities: readonly string[];
  readonly parameters: P;
  readonly run: (args: z.infer<P>, ctx: ToolContext) => unknown | Promise<unknown>;
}

/** Helper keeping the argument type of a tool definition. */
export function defineTool<P extends z.ZodObject>(tool: AgentTool<P>): AgentTool<P> {
  return tool;
}
