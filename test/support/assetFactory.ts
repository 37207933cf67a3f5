/** Builders of canonical assets, tech-debt findings and applications for the assessment tests. */

import type { Application, DependencyEdgeInput } from '#domain/assessment/index.ts';
import type { Asset, TechDebtFinding } from '#domain/assetSchema.ts';

/** A canonical asset with sensible defaults (a supported Linux VM), overridable field by field. */
export function asset(overrides: Partial<Asset> & { name: string }): Asset {
  return {
    assetId: overrides.assetId ?? `a-${overrides.name}`,
    assetType: 'virtual_machine',
    operatingSystem: 'Red Hat Enterprise Linux',
    osVersion: '9',
    cpuCores: 4,
    memoryGb: 16,
    storageGb: 100,
    cpuUtilizationPct: 35,
    memoryUtilizationPct: 50,
    environment: 'Production',
    customAttributes: {},
    qualityScore: 1,
    qualityIssues: [],
    techDebt: [
      { component: 'os', product: 'RHEL', version: '9', status: 'supported', eolDate: '2032-05-31' },
    ],
    sources: ['u1'],
    ...overrides,
  } as Asset;
}

/** A tech-debt finding. */
export function debt(
  component: TechDebtFinding['component'],
  product: string,
  version: string,
  status: TechDebtFinding['status'],
  eolDate: string | null = null,
): TechDebtFinding {
  return { component, product, version, status, eolDate };
}

/** An application around the given assets, with optional dependency names. */
export function app(name: string, assets: Asset[], extra: Partial<Application> = {}): Application {
  return {
    name,
    unnamed: false,
    assets,
    dependsOn: [],
    dependedOnBy: [],
    moveGroupIds: [],
    externalEndpoints: 0,
    ...extra,
  };
}

/** An internal dependency edge between two asset names. */
export function edge(from: string, to: string, port = 443): DependencyEdgeInput {
  return { from, to, fromExternal: false, toExternal: false, port, protocol: 'tcp', count: 10, strong: true };
}
