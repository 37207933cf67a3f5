/**
 * sixr_analysis_tool, cost_estimation_tool, risk_assessment_tool, risk_analysis_tool and
 * compliance_checker_tool: the assessment engines (recommendStrategy's per-application
 * analysis, estimateCost, assessRisks, checkCompliance) answering for one application.
 */
import * as z from 'zod/v4';
import {
  type Application,
  assessRisks,
  checkCompliance,
  estimateCost,
  type SixRAnalysis,
  STRATEGIES,
} from '#domain/assessment/index.ts';
import { defineTool, type ToolContext } from './toolTypes.ts';

const applicationArg = z.object({ application: z.string().min(1).max(200) });

function application(ctx: ToolContext, name: string): Application {
  const app = ctx.workspace.applications?.find((a) => a.name === name);
  if (!app) throw new UnknownApplicationError(name);
  return app;
}

function analysis(ctx: ToolContext, name: string): SixRAnalysis | undefined {
  return ctx.workspace.recommendations?.applications.find((a) => a.application === name);
}

/** The model named an application that is not in the engagement; it is told so, nothing runs. */
export class UnknownApplicationError extends Error {
  readonly code = 'unknown_application';
  constructor(name: string) {
    super(`no application named ${JSON.stringify(name.slice(0, 80))} in this engagement`);
    this.name = 'UnknownApplicationError';
  }
}

/** Turns a lookup of something unknown into an answer the model can act on. */
function answerOrError<T>(fn: () => T): T | { error: string } {
  try {
    return fn();
  } catch (error) {
    if (error instanceof UnknownApplicationError) return { error: error.message };
    throw error;
  }
}

export const sixrAnalysisTool = defineTool({
  name: 'sixr_analysis_tool',
  description:
    "The strategy engine's analysis of one application: primary strategy, confidence, alternatives, scores, rationale.",
  capabilities: ['strategy_analysis'],
  parameters: applicationArg,
  run: (args, ctx) =>
    answerOrError(() => {
      const found = analysis(ctx, args.application);
      if (!found) throw new UnknownApplicationError(args.application);
      const { risk_factors: _risks, asset_ids: assetIds, ...rest } = found;
      return { ...rest, servers: assetIds.length };
    }),
});

export const costEstimationTool = defineTool({
  name: 'cost_estimation_tool',
  description: 'Effort (person-days) and cost range of migrating one application with a given strategy.',
  capabilities: ['cost_estimation'],
  parameters: applicationArg.extend({ strategy: z.enum(STRATEGIES) }),
  run: (args, ctx) =>
    answerOrError(() =>
      estimateCost(application(ctx, args.application), args.strategy, ctx.workspace.criteria),
    ),
});

export const riskAssessmentTool = defineTool({
  name: 'risk_assessment_tool',
  description:
    'Risks of migrating one application with a given strategy, most severe first, with mitigations.',
  capabilities: ['risk_assessment'],
  parameters: applicationArg.extend({ strategy: z.enum(STRATEGIES) }),
  run: (args, ctx) =>
    answerOrError(() =>
      assessRisks(application(ctx, args.application), args.strategy, { criteria: ctx.workspace.criteria }),
    ),
});

export const riskAnalysisTool = defineTool({
  name: 'risk_analysis_tool',
  description: "Risk register entry of one application under its recommended strategy (the engine's risks).",
  capabilities: ['risk_assessment'],
  parameters: applicationArg,
  run: (args, ctx) =>
    answerOrError(() => {
      const found = analysis(ctx, args.application);
      if (!found) throw new UnknownApplicationError(args.application);
      return {
        application: found.application,
        strategy: found.primary_recommendation,
        risks: found.risk_factors,
      };
    }),
});

export const complianceCheckerTool = defineTool({
  name: 'compliance_checker_tool',
  description:
    'Compliance obligations and gaps (PCI DSS, HIPAA, SOX, GDPR, PII, supported software) of one application.',
  capabilities: ['compliance'],
  parameters: applicationArg,
  run: (args, ctx) => answerOrError(() => checkCompliance(application(ctx, args.application))),
});
