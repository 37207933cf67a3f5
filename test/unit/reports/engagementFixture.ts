/** A small engagement (assets, edges, move groups and a real assessment) for the report tests. */
import { assessEngagement } from '#domain/assessment/index.ts';
import type { AssessmentDoc } from '#flows/assessment/assessmentQueries.ts';
import type { EngagementData } from '../../../shared/reports/engagementData.ts';
import { asset, debt } from '../../support/assetFactory.ts';

export function engagementFixture(options: { assessed?: boolean } = {}): EngagementData {
  const assets = [
    asset({
      name: 'pay-web-01',
      application: 'Payroll',
      operatingSystem: 'Windows Server',
      osVersion: '2008 R2',
      techDebt: [debt('os', 'Windows Server', '2008 R2', 'eol', '2020-01-14')],
      customAttributes: { 'Rack Unit': '=HYPERLINK("http://evil.example","click")' },
    }),
    asset({ name: 'pay-db-01', application: 'Payroll', assetType: 'database', databaseEngine: 'Oracle' }),
    asset({ name: '<script>alert(1)</script>', application: 'CRM' }),
    asset({ name: 'crm-app-01', application: 'CRM', description: '+SUM(A1:A9)' }),
  ];
  const edges = [
    { from: 'pay-web-01', to: 'pay-db-01', port: 1521, protocol: 'tcp', count: 120, external: false },
    { from: 'crm-app-01', to: 'pay-web-01', port: 443, protocol: 'tcp', count: 8, external: false },
    { from: 'crm-app-01', to: '203.0.113.9', port: 53, protocol: 'udp', count: 3, external: true },
  ];
  const moveGroups = [
    { id: 'mg-payroll', members: ['pay-web-01', 'pay-db-01'] },
    { id: 'mg-crm', members: ['crm-app-01', '<script>alert(1)</script>'] },
  ];
  let assessment: AssessmentDoc | null = null;
  if (options.assessed !== false) {
    const result = assessEngagement(
      assets,
      edges.map((e) => ({ ...e, fromExternal: false, toExternal: e.external, strong: true })),
      moveGroups,
    );
    assessment = {
      ...result,
      flowId: 'flow-1',
      assessedAt: '2026-11-26T10:00:00.000Z',
      risks: { applications: [], bySeverity: {}, byCategory: {} },
    };
  }
  return {
    engagementId: 'dc1',
    name: 'Data centre 1',
    generatedAt: '2026-11-26T12:00:00.000Z',
    assets,
    dependencies: { edges, moveGroups, cycles: [], externalNodes: ['203.0.113.9'] },
    assessment,
  };
}
