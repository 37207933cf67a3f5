/**
 * The risk assessor (the seed's risk_analysis_tool): technical, data, availability, compliance and
 * schedule risks of moving one application with one strategy, each with severity, mitigation and
 * the facts that raised it.
 */
import { checkCompliance, rank } from './compliance.ts';
import { resolveCriteria } from './criteria.ts';
import { applicationFacts } from './facts.ts';
import type { Application, EngagementCriteria, RiskFactor, Severity, Strategy } from './types.ts';

/** Graph facts risk needs beyond the application itself. */
export interface RiskGraphContext {
  /** Application name → members of the dependency cycle it belongs to. */
  cycleMembers?: ReadonlyMap<string, readonly string[]>;
  criteria?: EngagementCriteria;
}

const MODERNISING: ReadonlySet<Strategy> = new Set<Strategy>(['refactor', 'rearchitect', 'rebuild']);
const MOVING: ReadonlySet<Strategy> = new Set<Strategy>([
  'rehost',
  'replatform',
  'relocate',
  'refactor',
  'rearchitect',
  'rebuild',
  'repurchase',
]);

/**
 * Lists the risks of an application under a strategy, most severe first. Applications that stay
 * (retain) or go (retire) carry only the risks that still apply to them.
 */
export function assessRisks(
  app: Application,
  strategy: Strategy,
  graph: RiskGraphContext = {},
): RiskFactor[] {
  const c = resolveCriteria(graph.criteria);
  const f = applicationFacts(app, c.business_criticality);
  const risks: RiskFactor[] = [];
  const moving = MOVING.has(strategy);
  for (const e of f.eol) {
    const sev: Severity = e.status === 'eol' ? 'high' : 'medium';
    const when = e.eolDate ? ` (${e.status === 'eol' ? 'ended' : 'ends'} ${e.eolDate})` : '';
    risks.push({
      category: 'technical',
      severity: sev,
      description: `${e.label} is ${e.status === 'eol' ? 'past' : 'near'} end of support${when} on ${e.assets.length} asset(s).`,
      mitigation:
        e.component === 'database'
          ? 'Upgrade the engine version during migration (e.g. a managed database on a supported version) and regression-test.'
          : 'Upgrade to a supported version before or right after the move; test the application on the new version.',
      evidence: e.assets.slice(0, 5).map((a) => `${a}: ${e.label}${when}`),
    });
  }
  if (f.legacy.length) {
    risks.push({
      category: 'technical',
      severity: moving ? 'critical' : 'high',
      description: `Runs on ${f.legacy.map((l) => l.label).join(', ')}, which AWS cannot run as is.`,
      mitigation: moving
        ? 'Plan code conversion and re-testing; keep the source platform until the new one is proven.'
        : 'Keep on premises with a hybrid connection; plan a later modernisation.',
      evidence: f.legacy.flatMap((l) => l.assets.slice(0, 3).map((a) => `${a}: ${l.label}`)),
    });
  }
  if (moving && f.databases.length) {
    const tb = f.databaseSizeGb / 1000;
    const sev: Severity = tb >= 5 ? 'high' : tb >= 1 ? 'medium' : 'low';
    risks.push({
      category: 'data',
      severity: sev,
      description: `${f.databases.length} database(s)${f.databaseSizeGb ? `, ${Math.round(f.databaseSizeGb)} GB in total,` : ''} to migrate with consistency and a bounded cutover window.`,
      mitigation:
        tb >= 1
          ? 'Use continuous replication (AWS DMS with CDC) and a rehearsed cutover; validate row counts.'
          : 'Migrate with backup/restore or AWS DMS; validate data after cutover.',
      evidence: f.databases
        .slice(0, 5)
        .map(
          (d) =>
            `${d.name}: ${d.databaseEngine ?? 'database'}${d.databaseSizeGb ? ` ${Math.round(d.databaseSizeGb)} GB` : ''}`,
        ),
    });
  }
  if (strategy === 'retire' && f.databases.length) {
    risks.push({
      category: 'data',
      severity: 'medium',
      description: 'Data of a retired application may still be needed for records or audit.',
      mitigation: 'Archive the data (e.g. to Amazon S3 Glacier) per retention policy before decommissioning.',
      evidence: f.databases.slice(0, 5).map((d) => d.name),
    });
  }
  const fanIn = app.dependedOnBy.length;
  const critical = f.criticality === 'critical' || f.criticality === 'high';
  if (critical || fanIn >= 2) {
    const sev: Severity =
      f.criticality === 'critical' || fanIn >= 10 ? 'critical' : critical || fanIn >= 5 ? 'high' : 'medium';
    const ev: string[] = [];
    if (critical)
      ev.push(`business criticality ${f.criticality}${f.criticalityFromData ? '' : ' (engagement default)'}`);
    if (fanIn) ev.push(`${fanIn} dependent application(s): ${app.dependedOnBy.slice(0, 5).join(', ')}`);
    risks.push({
      category: 'availability',
      severity: strategy === 'retain' ? 'low' : sev,
      description:
        strategy === 'retire'
          ? `Retiring breaks ${fanIn} dependent application(s) unless they are changed first.`
          : `Downtime during cutover affects ${critical ? 'a business-critical application' : 'dependent applications'}.`,
      mitigation:
        strategy === 'retire'
          ? 'Confirm dependents no longer call it (flow logs for 30+ days) before switching off.'
          : 'Cut over in a maintenance window with a rehearsed rollback; move or connect dependents in the same or next wave.',
      evidence: ev,
    });
  }
  for (const cf of checkCompliance(app)) {
    risks.push({
      category: 'compliance',
      severity: cf.severity,
      description: cf.description,
      mitigation: cf.requirement,
      evidence: cf.evidence,
    });
  }
  const cycle = graph.cycleMembers?.get(app.name);
  if (cycle && cycle.length > 1 && moving) {
    risks.push({
      category: 'schedule',
      severity: cycle.length > 5 ? 'high' : 'medium',
      description: `In a dependency cycle with ${cycle.length - 1} other application(s): they must move together.`,
      mitigation: 'Move the cycle in one wave, or break it with a temporary hybrid connection.',
      evidence: [cycle.slice(0, 8).join(' ↔ ')],
    });
  }
  if (MODERNISING.has(strategy) && c.timeline_pressure === 'urgent') {
    risks.push({
      category: 'schedule',
      severity: 'high',
      description: `${strategy} takes months of engineering while the timeline is urgent.`,
      mitigation: 'Rehost first and modernise after the move, or phase the work over later waves.',
      evidence: ['timeline pressure urgent', `strategy ${strategy}`],
    });
  }
  if (moving && f.servers > 20) {
    risks.push({
      category: 'schedule',
      severity: f.servers > 50 ? 'high' : 'medium',
      description: `${f.servers} servers to cut over for one application.`,
      mitigation:
        'Split preparation over several weeks and rehearse the cutover; keep the move group together.',
      evidence: [`${f.servers} servers`],
    });
  }
  if (moving && app.externalEndpoints >= 5) {
    risks.push({
      category: 'technical',
      severity: 'medium',
      description: `Talks to ${app.externalEndpoints} endpoints outside the inventory (firewall rules, latency).`,
      mitigation: 'Inventory the external endpoints and open hybrid connectivity before cutover.',
      evidence: [`${app.externalEndpoints} external endpoints`],
    });
  }
  return risks.sort((a, b) => rank(b.severity) - rank(a.severity));
}

/** The highest severity among risks, or 'low' when there are none. */
export function highestSeverity(risks: readonly RiskFactor[]): Severity {
  let best: Severity = 'low';
  for (const r of risks) if (rank(r.severity) > rank(best)) best = r.severity;
  return best;
}
