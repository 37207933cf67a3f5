/**
 * The numbers the report prints, computed once from the engagement data: summary figures,
 * OS and database lifecycle breakdowns, strategy distribution and a severity-ordered risk list.
 */

import type { RiskFactor } from '#domain/assessment/types.ts';
import type { Asset, TechDebtStatus } from '#domain/assetSchema.ts';
import type { EngagementData } from './engagementData.ts';

/** Headline counts of the engagement. */
export interface SummaryFigures {
  assets: number;
  servers: number;
  databases: number;
  applications: number;
  dependencies: number;
  moveGroups: number;
  /** Assets with at least one end-of-life component. */
  eolAssets: number;
  eolSoonAssets: number;
  waves: number;
  durationWeeks: number | null;
  effortPersonDays: number | null;
  cost: number | null;
  currency: string;
}

/** One product version found on assets, with how many and its lifecycle status. */
export interface LifecycleRow {
  product: string;
  version: string;
  status: TechDebtStatus;
  eolDate: string | null;
  assets: number;
}

export interface LifecycleBreakdown {
  byStatus: Record<TechDebtStatus, number>;
  rows: LifecycleRow[];
}

/** One risk of one application. */
export interface RiskRow extends RiskFactor {
  application: string;
}

/** A risk raised for one or more applications (same severity, category and description). */
export interface GroupedRisk {
  severity: RiskFactor['severity'];
  category: RiskFactor['category'];
  description: string;
  mitigation: string;
  applications: string[];
}

const SERVER_TYPES = new Set(['server', 'virtual_machine']);
const SEVERITY_ORDER: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const STATUS_ORDER: Record<string, number> = { eol: 0, eol_soon: 1, unknown: 2, supported: 3 };

/** Headline figures. Assessment-dependent figures are null before an assessment. */
export function summaryFigures(data: EngagementData): SummaryFigures {
  const totals = data.assessment?.totals;
  const apps = new Set(data.assets.map((a) => a.application).filter((a): a is string => Boolean(a)));
  return {
    assets: data.assets.length,
    servers: data.assets.filter((a) => SERVER_TYPES.has(a.assetType) && !a.isTemplate).length,
    databases: data.assets.filter((a) => a.assetType === 'database' || a.databaseEngine).length,
    applications: totals?.applications ?? apps.size,
    dependencies: data.dependencies.edges.length,
    moveGroups: data.dependencies.moveGroups.length,
    eolAssets: data.assets.filter((a) => a.techDebt.some((t) => t.status === 'eol')).length,
    eolSoonAssets: data.assets.filter((a) => a.techDebt.some((t) => t.status === 'eol_soon')).length,
    waves: data.assessment?.waves.waves.length ?? 0,
    durationWeeks: totals?.durationWeeks ?? null,
    effortPersonDays: totals?.effortPersonDays.expected ?? null,
    cost: totals?.cost.expected ?? null,
    currency: totals?.cost.currency ?? 'USD',
  };
}

/** Lifecycle of one component (`os` or `database`) across the inventory. */
export function lifecycleBreakdown(
  assets: readonly Asset[],
  component: 'os' | 'database',
): LifecycleBreakdown {
  const byStatus: Record<TechDebtStatus, number> = { eol: 0, eol_soon: 0, supported: 0, unknown: 0 };
  const rows = new Map<string, LifecycleRow>();
  for (const asset of assets) {
    const finding = asset.techDebt.find((t) => t.component === component);
    if (!finding) continue;
    byStatus[finding.status] += 1;
    const product =
      finding.product ?? (component === 'os' ? asset.operatingSystem : asset.databaseEngine) ?? 'Unknown';
    const version = finding.version ?? '';
    const key = `${product}\u0000${version}\u0000${finding.status}`;
    const row = rows.get(key);
    if (row) row.assets += 1;
    else rows.set(key, { product, version, status: finding.status, eolDate: finding.eolDate, assets: 1 });
  }
  return {
    byStatus,
    rows: [...rows.values()].sort(
      (a, b) =>
        (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) ||
        b.assets - a.assets ||
        a.product.localeCompare(b.product),
    ),
  };
}

/** Applications per strategy, largest first (empty before an assessment). */
export function strategyDistribution(data: EngagementData): { strategy: string; applications: number }[] {
  const counts = new Map<string, number>();
  for (const a of data.assessment?.applications ?? [])
    counts.set(a.primary_recommendation, (counts.get(a.primary_recommendation) ?? 0) + 1);
  return [...counts.entries()]
    .map(([strategy, applications]) => ({ strategy, applications }))
    .sort((a, b) => b.applications - a.applications || a.strategy.localeCompare(b.strategy));
}

/** Every risk of every application, most severe first. */
export function riskRows(data: EngagementData): RiskRow[] {
  const rows: RiskRow[] = [];
  for (const app of data.assessment?.applications ?? [])
    for (const r of app.risk_factors) rows.push({ ...r, application: app.application });
  return rows.sort(
    (a, b) =>
      (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) ||
      a.application.localeCompare(b.application),
  );
}

/** The risk register: identical risks merged, most severe and most widespread first. */
export function groupedRisks(data: EngagementData): GroupedRisk[] {
  const groups = new Map<string, GroupedRisk>();
  for (const r of riskRows(data)) {
    const key = `${r.severity}\u0000${r.category}\u0000${r.description}`;
    const g = groups.get(key);
    if (g) g.applications.push(r.application);
    else
      groups.set(key, {
        severity: r.severity,
        category: r.category,
        description: r.description,
        mitigation: r.mitigation,
        applications: [r.application],
      });
  }
  return [...groups.values()].sort(
    (a, b) =>
      (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) ||
      b.applications.length - a.applications.length ||
      a.description.localeCompare(b.description),
  );
}
