/**
 * The 7R strategy engine: decides, per application, what to do, with a confidence, two alternatives
 * and a rationale naming the facts that decided it. Deterministic rules (`method: 'rules'`), no LLM.
 */
import { estimateCost } from './cost.ts';
import { resolveCriteria } from './criteria.ts';
import { type AppFacts, applicationFacts, traitsOf } from './facts.ts';
import { assessRisks } from './risk.ts';
import { type Contribution, computeDetails, type ScoreCard, scoreStrategies } from './scoring.ts';
import {
  type Application,
  type ApplicationTraits,
  type EngagementCriteria,
  type PastDecision,
  type SixRAnalysis,
  STRATEGIES,
  type Strategy,
  type StrategyAlternative,
} from './types.ts';

/** Extra context for a recommendation: past user decisions and the application cycles of the graph. */
export interface StrategyContext {
  decisionHistory?: readonly PastDecision[];
  /** Application name → the members of the dependency cycle it belongs to. */
  cycleMembers?: ReadonlyMap<string, readonly string[]>;
}

const LABEL: Record<Strategy, string> = {
  rehost: 'Rehost',
  replatform: 'Replatform',
  refactor: 'Refactor',
  rearchitect: 'Rearchitect',
  rebuild: 'Rebuild',
  retire: 'Retire',
  retain: 'Retain',
  repurchase: 'Repurchase',
  relocate: 'Relocate',
};

/** What a strategy offers when no specific fact argues for it. */
const FALLBACK: Record<Strategy, string> = {
  rehost: 'move as is with the least change, the fastest path',
  replatform: 'move with light optimisation (managed services, supported versions)',
  refactor: 'modernise the code for cloud-native services when time and budget allow',
  rearchitect: 'redesign for cloud-native architecture when time and budget allow',
  rebuild: 'rewrite from scratch; only if the application is to be reinvented',
  retire: 'switch off if usage confirms it is no longer needed',
  retain: 'keep where it is for now and revisit later',
  repurchase: 'replace with a SaaS product if one fits',
  relocate: 'move the VMware estate unchanged to a VMware-compatible cloud',
};

/** Softmax temperature in score points: a 2-point lead gives the leader about 7x the weight. */
const TEMPERATURE = 1;
/** Points one fully similar past decision adds to its strategy, and the cap per strategy. */
const HISTORY_POINTS = 0.6;
const HISTORY_CAP = 1.8;
const HISTORY_MIN_SIMILARITY = 0.6;

const INTENDED: [RegExp, Strategy][] = [
  [/re-?host|lift[- ]and[- ]shift/i, 'rehost'],
  [/re-?platform|lift[- ]and[- ](reshape|tinker)/i, 'replatform'],
  [/re-?factor/i, 'refactor'],
  [/re-?architect/i, 'rearchitect'],
  [/re-?build|rewrite/i, 'rebuild'],
  [/retire|decommission/i, 'retire'],
  [/retain|keep|revisit/i, 'retain'],
  [/re-?purchase|replace|saas/i, 'repurchase'],
  [/relocate/i, 'relocate'],
];

/**
 * Recommends a strategy for one application from its facts and the engagement's criteria.
 * Confidence is the primary's softmax share over the feasible strategies, so it is always in 0..1
 * and never below an alternative's. Similar past decisions nudge scores by at most ~2 points and are
 * named in the rationale, explicitly so when they changed the outcome.
 */
export function recommendStrategy(
  app: Application,
  criteria?: EngagementCriteria,
  context?: StrategyContext,
): SixRAnalysis {
  const c = resolveCriteria(criteria);
  const facts = applicationFacts(app, c.business_criticality);
  const deps = { dependsOn: app.dependsOn.length, dependedOnBy: app.dependedOnBy.length };
  const details = computeDetails(facts, deps, c);
  const card = scoreStrategies(facts, details, deps, c, intendedStrategy(app));
  const before = rank(card.scores)[0] as Strategy;
  const history = historyContribution(traitsOf(facts), context?.decisionHistory ?? []);
  if (history) {
    card.contributions.push(history);
    for (const [s, w] of Object.entries(history.effects) as [Strategy, number][]) card.scores[s] += w;
  }
  const order = rank(card.scores);
  const primary = order[0] as Strategy;
  const conf = confidences(card.scores);
  const alternatives = order
    .slice(1, 3)
    .map(
      (s): StrategyAlternative => ({ strategy: s, confidence: conf[s], rationale: reasonFor(s, card, 2) }),
    ) as [StrategyAlternative, StrategyAlternative];
  const changedByHistory = history !== null && primary !== before;
  const rationale = buildRationale(primary, card, facts, changedByHistory ? before : null, history);
  const cost = estimateCost(app, primary, criteria);
  return {
    application: app.name,
    asset_ids: app.assets.map((a) => a.assetId),
    primary_recommendation: primary,
    confidence_score: conf[primary],
    alternatives,
    analysis_details: details,
    rationale,
    estimated_effort: { ...cost.effortPersonDays, unit: 'person_days' },
    estimated_cost: cost.cost,
    risk_factors: assessRisks(app, primary, { cycleMembers: context?.cycleMembers, criteria }),
    method: 'rules',
  };
}

/** The similarity-weighted nudge of past decisions, or null when none is similar enough. */
function historyContribution(
  traits: ApplicationTraits,
  history: readonly PastDecision[],
): Contribution | null {
  const points = new Map<Strategy, { w: number; n: number }>();
  for (const d of history) {
    const keys = Object.keys(d.traits) as (keyof ApplicationTraits)[];
    if (!keys.length) continue;
    let same = 0;
    for (const k of keys) if (d.traits[k] === traits[k]) same++;
    const sim = same / keys.length;
    if (sim < HISTORY_MIN_SIMILARITY) continue;
    const p = points.get(d.strategy) ?? { w: 0, n: 0 };
    p.w += HISTORY_POINTS * sim;
    p.n++;
    points.set(d.strategy, p);
  }
  if (!points.size) return null;
  const effects: Partial<Record<Strategy, number>> = {};
  const parts: string[] = [];
  for (const s of STRATEGIES) {
    const p = points.get(s);
    if (!p) continue;
    effects[s] = Math.min(HISTORY_CAP, p.w);
    parts.push(`${p.n} chose ${s}`);
  }
  return { fact: `similar past decisions in this engagement: ${parts.join(', ')}`, effects };
}

function intendedStrategy(app: Application): Strategy | null {
  const counts = new Map<Strategy, number>();
  for (const a of app.assets) {
    const v = a.migrationStrategy?.trim();
    if (!v) continue;
    const hit = INTENDED.find(([re]) => re.test(v));
    if (hit) counts.set(hit[1], (counts.get(hit[1]) ?? 0) + 1);
  }
  let best: Strategy | null = null;
  let n = 0;
  for (const s of STRATEGIES) {
    const k = counts.get(s) ?? 0;
    if (k > n) {
      best = s;
      n = k;
    }
  }
  return best;
}

/** Strategies by score, best first; ties keep the STRATEGIES order (least disruptive first). */
function rank(scores: Record<Strategy, number>): Strategy[] {
  return [...STRATEGIES].sort(
    (a, b) => scores[b] - scores[a] || STRATEGIES.indexOf(a) - STRATEGIES.indexOf(b),
  );
}

function confidences(scores: Record<Strategy, number>): Record<Strategy, number> {
  const max = Math.max(...STRATEGIES.map((s) => scores[s]));
  let sum = 0;
  const exp = {} as Record<Strategy, number>;
  for (const s of STRATEGIES) {
    exp[s] = Number.isFinite(scores[s]) ? Math.exp((scores[s] - max) / TEMPERATURE) : 0;
    sum += exp[s];
  }
  const out = {} as Record<Strategy, number>;
  for (const s of STRATEGIES) out[s] = Math.round((exp[s] / sum) * 1000) / 1000;
  return out;
}

function topFacts(s: Strategy, card: ScoreCard, n: number): string[] {
  return card.contributions
    .filter((c) => (c.effects[s] ?? 0) > 0)
    .sort((a, b) => (b.effects[s] ?? 0) - (a.effects[s] ?? 0))
    .slice(0, n)
    .map((c) => c.fact);
}

function reasonFor(s: Strategy, card: ScoreCard, n: number): string {
  const blocked = card.blocked[s];
  if (blocked) return `${LABEL[s]} is not possible: ${blocked}.`;
  const f = topFacts(s, card, n);
  return f.length ? `${LABEL[s]}: ${f.join('; ')}.` : `${LABEL[s]}: ${FALLBACK[s]}.`;
}

function buildRationale(
  primary: Strategy,
  card: ScoreCard,
  facts: AppFacts,
  changedFrom: Strategy | null,
  history: Contribution | null,
): string {
  const parts = [reasonFor(primary, card, 4)];
  if (changedFrom && history) {
    parts.push(`Decision history changed the outcome from ${changedFrom}: ${history.fact}.`);
  }
  const osEol = facts.eol.filter((e) => e.component === 'os');
  if (osEol.length && (primary === 'rehost' || primary === 'relocate')) {
    parts.push(
      `Note: upgrade ${osEol.map((e) => e.label).join(', ')} to a supported OS version after the move.`,
    );
  }
  const blocked = (Object.entries(card.blocked) as [Strategy, string][]).filter(([s]) => s !== 'relocate');
  if (blocked.length) {
    parts.push(`Ruled out: ${blocked.map(([s]) => s).join(', ')} (${blocked[0]?.[1]}).`);
  }
  return parts.join(' ');
}
