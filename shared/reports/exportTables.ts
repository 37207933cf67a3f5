/**
 * The exportable datasets as flat tables (one row per asset, edge, application or wave), built
 * from the stored engagement data. Pure: the CSV and XLSX writers only serialise these.
 */
import { ASSET_FIELD_NAMES, type Asset } from '#domain/assetSchema.ts';
import type { CellValue } from './cellSafety.ts';
import type { EngagementData } from './engagementData.ts';

/** The datasets `GET /engagements/{e}/exports/{dataset}.{csv|xlsx}` serves. */
export const EXPORT_DATASETS = ['inventory', 'dependencies', 'recommendations', 'waves'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

/** A rectangular table: a header and rows of plain cells. */
export interface ExportTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
}

/** Builds the table of one dataset. Recommendations and waves are empty before an assessment. */
export function exportTable(dataset: ExportDataset, data: EngagementData): ExportTable {
  switch (dataset) {
    case 'inventory':
      return inventoryTable(data.assets);
    case 'dependencies':
      return dependenciesTable(data);
    case 'recommendations':
      return recommendationsTable(data);
    case 'waves':
      return wavesTable(data);
  }
}

function cell(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(String).join('; ');
  return JSON.stringify(value);
}

const TECH_DEBT_RANK = { eol: 0, eol_soon: 1, unknown: 2, supported: 3 } as const;

function inventoryTable(assets: readonly Asset[]): ExportTable {
  const fields = ASSET_FIELD_NAMES;
  const custom = [...new Set(assets.flatMap((a) => Object.keys(a.customAttributes ?? {})))].sort();
  const columns = [
    'assetId',
    ...fields,
    'techDebtStatus',
    'techDebt',
    'qualityScore',
    'qualityIssues',
    ...custom.map((c) => `custom: ${c}`),
  ];
  const rows = assets.map((a) => {
    const worst = [...a.techDebt].sort((x, y) => TECH_DEBT_RANK[x.status] - TECH_DEBT_RANK[y.status])[0];
    return [
      a.assetId,
      ...fields.map((f) => cell((a as Record<string, unknown>)[f])),
      worst?.status ?? null,
      a.techDebt
        .map(
          (t) =>
            `${t.component}: ${[t.product, t.version].filter(Boolean).join(' ') || '?'} (${t.status}${t.eolDate ? `, EOL ${t.eolDate}` : ''})`,
        )
        .join('; ') || null,
      a.qualityScore,
      a.qualityIssues.join('; ') || null,
      ...custom.map((c) => a.customAttributes?.[c] ?? null),
    ];
  });
  return { title: 'Inventory', columns, rows };
}

function dependenciesTable(data: EngagementData): ExportTable {
  const groupOf = new Map<string, string>();
  for (const g of data.dependencies.moveGroups) for (const m of g.members) groupOf.set(m, g.id);
  return {
    title: 'Dependencies',
    columns: ['from', 'to', 'port', 'protocol', 'count', 'external', 'fromMoveGroup', 'toMoveGroup'],
    rows: data.dependencies.edges.map((e) => [
      e.from,
      e.to,
      e.port,
      e.protocol,
      e.count,
      e.external,
      groupOf.get(e.from) ?? null,
      groupOf.get(e.to) ?? null,
    ]),
  };
}

function recommendationsTable(data: EngagementData): ExportTable {
  const waveOf = new Map<string, number>();
  for (const w of data.assessment?.waves.waves ?? []) for (const a of w.applications) waveOf.set(a, w.number);
  return {
    title: 'Recommendations',
    columns: [
      'application',
      'strategy',
      'confidence',
      'wave',
      'servers',
      'effortLowDays',
      'effortExpectedDays',
      'effortHighDays',
      'costLow',
      'costExpected',
      'costHigh',
      'currency',
      'risks',
      'rationale',
      'alternatives',
      'overriddenFrom',
      'overriddenBy',
      'overrideReason',
    ],
    rows: (data.assessment?.applications ?? []).map((a) => [
      a.application,
      a.primary_recommendation,
      a.confidence_score,
      waveOf.get(a.application) ?? null,
      a.asset_ids.length,
      a.estimated_effort.low,
      a.estimated_effort.expected,
      a.estimated_effort.high,
      a.estimated_cost.low,
      a.estimated_cost.expected,
      a.estimated_cost.high,
      a.estimated_cost.currency,
      a.risk_factors.map((r) => `${r.severity}: ${r.description}`).join('; ') || null,
      a.rationale,
      a.alternatives.map((x) => `${x.strategy} (${x.confidence})`).join('; '),
      a.overridden?.from ?? null,
      a.overridden?.by ?? null,
      a.overridden?.reason ?? null,
    ]),
  };
}

function wavesTable(data: EngagementData): ExportTable {
  const plan = data.assessment?.waves;
  return {
    title: 'Waves',
    columns: [
      'wave',
      'name',
      'pilot',
      'startWeek',
      'durationWeeks',
      'applications',
      'servers',
      'effortExpectedDays',
      'costExpected',
      'currency',
      'dependsOnWaves',
      'strategyMix',
    ],
    rows: (plan?.waves ?? []).map((w) => [
      w.number,
      w.name,
      w.pilot,
      w.startWeek,
      w.durationWeeks,
      w.applications.join('; '),
      w.servers,
      w.effortPersonDays.expected,
      w.cost.expected,
      w.cost.currency,
      w.dependsOnWaves.join('; ') || null,
      Object.entries(w.strategyMix)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${s}: ${n}`)
        .join('; '),
    ]),
  };
}
