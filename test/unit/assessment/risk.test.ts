import { describe, expect, it } from 'vitest';
import { assessRisks, checkCompliance } from '#domain/assessment/index.ts';
import { app, asset, debt } from '../../support/assetFactory.ts';

describe('checkCompliance', () => {
  it('finds PCI, PII and data classification from custom attributes and tags', () => {
    // Prepare
    const a = app('Payments', [
      asset({ name: 'pay01', customAttributes: { PCI: 'Yes', 'Data Classification': 'Restricted' } }),
      asset({ name: 'pay02', customAttributes: { 'Contains PII': 'TRUE' }, tags: ['gdpr', 'tier1'] }),
    ]);
    // Act
    const findings = checkCompliance(a);
    // Assess
    const frameworks = findings.map((f) => f.framework);
    expect(frameworks).toEqual(expect.arrayContaining(['PCI DSS', 'PII', 'GDPR', 'Data classification']));
    const cls = findings.find((f) => f.framework === 'Data classification');
    expect(cls?.severity).toBe('high');
    expect(cls?.evidence).toContain('pay01: Data Classification = Restricted');
    expect(findings.find((f) => f.framework === 'PCI DSS')?.assetIds).toEqual(['a-pay01']);
  });

  it('does not flag fields that say no, and flags end-of-support software higher on regulated data', () => {
    // Prepare
    const eol = [debt('os', 'Windows Server', '2012 R2', 'eol', '2023-10-10')];
    const plain = app('Plain', [
      asset({ name: 'p1', customAttributes: { PCI: 'No', HIPAA: 'N/A' }, techDebt: eol }),
    ]);
    const regulated = app('Reg', [asset({ name: 'r1', customAttributes: { HIPAA: 'Yes' }, techDebt: eol })]);
    // Act
    const p = checkCompliance(plain);
    const r = checkCompliance(regulated);
    // Assess
    expect(p.map((f) => f.framework)).toEqual(['Supported software']);
    expect(p[0]?.severity).toBe('medium');
    expect(r.find((f) => f.framework === 'Supported software')?.severity).toBe('high');
    expect(r.map((f) => f.framework)).toContain('HIPAA');
  });
});

describe('assessRisks', () => {
  it('raises technical, data, availability, compliance and schedule risks from the facts', () => {
    // Prepare
    const a = app(
      'Core Banking',
      [
        asset({
          name: 'cb-app',
          businessCriticality: 'Mission Critical',
          techDebt: [debt('os', 'RHEL', '6', 'eol', '2020-11-30')],
          customAttributes: { SOX: 'In scope' },
        }),
        asset({
          name: 'cb-db',
          assetType: 'database',
          databaseEngine: 'Oracle',
          databaseSizeGb: 6000,
          techDebt: [],
        }),
      ],
      { dependedOnBy: ['A', 'B', 'C'] },
    );
    const cycles = new Map([['Core Banking', ['A', 'Core Banking']]]);
    // Act
    const risks = assessRisks(a, 'refactor', {
      cycleMembers: cycles,
      criteria: { timeline_pressure: 'urgent' },
    });
    // Assess
    const cats = new Set(risks.map((r) => r.category));
    expect([...cats].sort()).toEqual(['availability', 'compliance', 'data', 'schedule', 'technical']);
    expect(risks[0]?.severity).toBe('critical');
    expect(risks.find((r) => r.category === 'data')?.severity).toBe('high');
    expect(risks.find((r) => r.category === 'technical')?.evidence[0]).toContain('RHEL 6');
    for (const r of risks) expect(r.mitigation.length).toBeGreaterThan(10);
  });

  it('rates a non-x86 platform critical when it has to move', () => {
    // Prepare
    const a = app('Mainframe Claims', [
      asset({ name: 'mf1', operatingSystem: 'z/OS', osVersion: '2.4', techDebt: [] }),
    ]);
    // Act
    const moving = assessRisks(a, 'refactor');
    const staying = assessRisks(a, 'retain');
    // Assess
    expect(moving.find((r) => r.description.includes('mainframe'))?.severity).toBe('critical');
    expect(staying.find((r) => r.description.includes('mainframe'))?.severity).toBe('high');
  });

  it('warns that retiring an application breaks its dependents', () => {
    // Prepare
    const a = app('Old API', [asset({ name: 'api1' })], { dependedOnBy: ['X', 'Y'] });
    // Act
    const risks = assessRisks(a, 'retire');
    // Assess
    expect(risks.find((r) => r.category === 'availability')?.description).toContain('breaks 2 dependent');
  });
});
