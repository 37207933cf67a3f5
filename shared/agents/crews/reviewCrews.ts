/**
 * Review crews: the dependency analyst, 6R strategist and risk assessor explain the engines'
 * results (one batched request per phase). Their output is explanation only: the engines'
 * numbers stay the source of truth, and an explanation naming something unknown is dropped.
 */
import * as z from 'zod/v4';
import type { EngagementRecommendations, RiskFactor, WavePlan } from '#domain/assessment/index.ts';
import type { DependencyGraph } from '#domain/dependencies/index.ts';
import type { Task } from '../crew.ts';

/** Applications explained per request at most (the most expensive first). */
export const MAX_EXPLAINED_APPLICATIONS = 30;

const explanationsSchema = z.object({
  summary: z.string().max(2000),
  items: z
    .array(
      z.object({
        subject: z.string().max(200),
        explanation: z.string().max(1500),
        concern: z.string().max(600).nullable(),
      }),
    )
    .max(MAX_EXPLAINED_APPLICATIONS * 2),
});
/** What a review crew returns: a summary and one explanation per subject (move group, application). */
export type ReviewExplanations = z.infer<typeof explanationsSchema>;

/** Keeps explanations of known subjects only, once each. */
export function keepKnownSubjects(review: ReviewExplanations, known: readonly string[]): ReviewExplanations {
  const allowed = new Set(known);
  const seen = new Set<string>();
  const items = [];
  for (const item of review.items) {
    if (!allowed.has(item.subject) || seen.has(item.subject)) continue;
    seen.add(item.subject);
    items.push(item);
  }
  return { summary: review.summary, items };
}

/** The dependency analyst's review of the graph. */
export function dependencyReviewTask(graph: DependencyGraph): {
  task: Task<ReviewExplanations>;
  inputs: Record<string, unknown>;
  subjects: string[];
} {
  const groups = [...graph.moveGroups]
    .sort((a, b) => b.members.length - a.members.length)
    .slice(0, MAX_EXPLAINED_APPLICATIONS);
  const inputs = {
    'dependency statistics': graph.stats,
    'largest move groups': groups.map((g) => ({
      id: g.id,
      members: g.members.slice(0, 20),
      size: g.members.length,
      applications: g.applications.slice(0, 10),
    })),
    'circular dependencies': graph.cycles.slice(0, 10),
  };
  const task: Task<ReviewExplanations> = {
    name: 'review_dependencies',
    agent: 'dependency_analyst',
    description:
      'Review the dependency analysis: explain why each of the largest move groups must move together, point out ' +
      'circular dependencies and any coupling that looks like shared infrastructure rather than application traffic. ' +
      'Use the tools for edges and ports. Subjects are move-group ids.',
    expectedOutput: 'A summary for the engagement and one explanation per move group (subject = its id).',
    output: explanationsSchema,
    rules: async ({ tool }) => {
      const ports = (await tool('network_analysis_tool', {})) as {
        port: number | null;
        connections: number;
        infrastructureService: boolean;
      }[];
      const infra = ports.filter((p) => p.infrastructureService).map((p) => p.port);
      const s = graph.stats;
      return {
        summary:
          `${s.edges} dependencies (${s.strongEdges} binding) between ${s.assets} assets and ${s.externalNodes} external endpoints; ` +
          `${s.moveGroups} move groups, the largest with ${s.largestMoveGroup} assets; ${s.cycles} circular dependencies.` +
          (infra.length > 0
            ? ` Shared infrastructure ports not binding move groups: ${infra.slice(0, 10).join(', ')}.`
            : ''),
        items: groups.map((g) => ({
          subject: g.id,
          explanation: `${g.members.length} assets connected by binding dependencies (${g.applications.slice(0, 5).join(', ') || 'no application named'}) move together.`,
          concern: graph.cycles.some((c) => c.some((m) => g.members.includes(m)))
            ? 'contains a circular dependency'
            : null,
        })),
      };
    },
  };
  return { task, inputs, subjects: groups.map((g) => g.id) };
}

function topApplications(recommended: EngagementRecommendations) {
  return [...recommended.applications]
    .sort((a, b) => b.estimated_cost.expected - a.estimated_cost.expected)
    .slice(0, MAX_EXPLAINED_APPLICATIONS);
}

/** The 6R strategist's review of the recommendations. */
export function strategyReviewTask(recommended: EngagementRecommendations): {
  task: Task<ReviewExplanations>;
  inputs: Record<string, unknown>;
  subjects: string[];
} {
  const apps = topApplications(recommended);
  const inputs = {
    recommendations: apps.map((a) => ({
      application: a.application,
      strategy: a.primary_recommendation,
      confidence: a.confidence_score,
      rationale: a.rationale.slice(0, 400),
      alternatives: a.alternatives.map((x) => ({ strategy: x.strategy, confidence: x.confidence })),
      expectedCost: a.estimated_cost.expected,
      overridden: Boolean(a.overridden),
    })),
  };
  const task: Task<ReviewExplanations> = {
    name: 'review_strategies',
    agent: 'sixr_strategist',
    description:
      "Review the strategy engine's recommendations: explain each application's strategy for an engagement manager " +
      'and raise a concern where the evidence (cost, risks, alternatives close in confidence) argues otherwise. Use ' +
      'the tools for the details. Subjects are application names. Do not change numbers.',
    expectedOutput: 'A portfolio summary and one explanation per application (subject = its name).',
    output: explanationsSchema,
    rules: async ({ tool }) => {
      const items = [];
      for (const a of apps) {
        const analysis = (await tool('sixr_analysis_tool', { application: a.application })) as {
          rationale?: string;
        };
        const close = a.alternatives[0] && a.confidence_score - a.alternatives[0].confidence < 0.05;
        items.push({
          subject: a.application,
          explanation: analysis.rationale ?? a.rationale,
          concern: close
            ? `${a.alternatives[0]?.strategy} is almost as likely (${a.alternatives[0]?.confidence})`
            : null,
        });
      }
      const counts = new Map<string, number>();
      for (const a of recommended.applications)
        counts.set(a.primary_recommendation, (counts.get(a.primary_recommendation) ?? 0) + 1);
      return {
        summary: `${recommended.applications.length} applications: ${[...counts].map(([s, n]) => `${n} ${s}`).join(', ')}.`,
        items,
      };
    },
  };
  return { task, inputs, subjects: apps.map((a) => a.application) };
}

/** The risk assessor's review of the risk register. */
export function riskReviewTask(register: {
  applications: {
    application: string;
    risks: RiskFactor[];
    compliance: { framework: string; severity: string }[];
  }[];
}): { task: Task<ReviewExplanations>; inputs: Record<string, unknown>; subjects: string[] } {
  const rank: Record<string, number> = { critical: 4, high: 3, medium: 2, low: 1 };
  const worst = (a: (typeof register.applications)[number]) =>
    Math.max(
      0,
      ...a.risks.map((r) => rank[r.severity] ?? 0),
      ...a.compliance.map((c) => rank[c.severity] ?? 0),
    );
  const apps = [...register.applications]
    .sort((a, b) => worst(b) - worst(a))
    .slice(0, MAX_EXPLAINED_APPLICATIONS);
  const inputs = {
    'risk register': apps.map((a) => ({
      application: a.application,
      risks: a.risks.slice(0, 6).map((r) => ({
        category: r.category,
        severity: r.severity,
        description: r.description.slice(0, 200),
      })),
      compliance: a.compliance.slice(0, 6),
    })),
  };
  const task: Task<ReviewExplanations> = {
    name: 'review_risks',
    agent: 'risk_assessor',
    description:
      'Review the risk register: for each application explain its most serious risks and compliance obligations and ' +
      'what to do first. Use the tools for details. Subjects are application names. Do not change severities.',
    expectedOutput:
      'A summary of the engagement risk and one explanation per application (subject = its name).',
    output: explanationsSchema,
    rules: () => ({
      summary: `${register.applications.length} applications assessed; ${apps.filter((a) => worst(a) >= 3).length} with high or critical findings.`,
      items: apps.map((a) => {
        const top = [...a.risks].sort((x, y) => (rank[y.severity] ?? 0) - (rank[x.severity] ?? 0))[0];
        return {
          subject: a.application,
          explanation: top
            ? `${top.severity} ${top.category} risk: ${top.description} Mitigation: ${top.mitigation}`
            : 'no migration risk found by the rules',
          concern:
            a.compliance.length > 0
              ? `compliance: ${[...new Set(a.compliance.map((c) => c.framework))].join(', ')}`
              : null,
        };
      }),
    }),
  };
  return { task, inputs, subjects: apps.map((a) => a.application) };
}

/** The 6R strategist's review of the wave plan (subjects are wave names). */
export function waveReviewTask(plan: WavePlan): {
  task: Task<ReviewExplanations>;
  inputs: Record<string, unknown>;
  subjects: string[];
} {
  const waves = plan.waves.slice(0, MAX_EXPLAINED_APPLICATIONS);
  const inputs = {
    waves: waves.map((w) => ({
      name: w.name,
      pilot: w.pilot,
      applications: w.applications.slice(0, 20),
      servers: w.servers,
      startWeek: w.startWeek,
      durationWeeks: w.durationWeeks,
      dependsOnWaves: w.dependsOnWaves,
    })),
    warnings: plan.warnings.slice(0, 20),
    cycles: plan.cycles.slice(0, 10),
  };
  const task: Task<ReviewExplanations> = {
    name: 'review_waves',
    agent: 'sixr_strategist',
    description:
      'Review the wave plan: explain for each wave why its applications move together and in that order ' +
      '(dependencies, pilot, size), and raise a concern where the warnings or cycles call for attention. ' +
      'Subjects are wave names. Do not change waves or numbers.',
    expectedOutput: 'A summary of the plan and one explanation per wave (subject = its name).',
    output: explanationsSchema,
    rules: () => ({
      summary: `${plan.waves.length} waves over ${plan.totalWeeks} weeks; ${plan.notMigrated.length} applications stay or retire; ${plan.warnings.length} warnings.`,
      items: waves.map((w) => ({
        subject: w.name,
        explanation:
          `${w.applications.length} applications, ${w.servers} servers, weeks ${w.startWeek}-${w.startWeek + w.durationWeeks - 1}` +
          (w.dependsOnWaves.length > 0 ? `; after waves ${w.dependsOnWaves.join(', ')} it depends on` : '') +
          (w.pilot ? '; pilot wave' : ''),
        concern: null,
      })),
    }),
  };
  return { task, inputs, subjects: waves.map((w) => w.name) };
}
