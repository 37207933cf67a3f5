import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedVectorIndex } from '#adapters/local/embeddedVectorIndex.ts';
import { mapColumns } from '#domain/mapping/index.ts';
import type { ColumnProfile, LearnedRule } from '#domain/tableTypes.ts';
import { LocalHashEmbedder } from '#memory/embeddings.ts';
import { InMemoryMemoryStore } from '#memory/inMemoryMemoryStore.ts';
import { rememberMappingCorrection } from '#memory/learningHooks.ts';
import { learnedMappingProposals } from '#memory/mappingProposals.ts';
import { AgentMemoryManager } from '#memory/memoryManager.ts';
import type { TenantContext } from '#ports/tenant.ts';

const acme: TenantContext = { clientAccountId: 'acme', userId: 'ana', roles: ['analyst'] };
const globex: TenantContext = { clientAccountId: 'globex', userId: 'gus', roles: ['analyst'] };

function column(header: string, index: number, samples: string[]): ColumnProfile {
  return {
    header,
    index,
    inferredType: 'text',
    fillRate: 1,
    nonEmpty: samples.length,
    distinct: new Set(samples).size,
    samples,
  };
}
const names = ['zq-100', 'zq-101', 'zq-102', 'zq-103'];
const ips = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'];
const os = ['Windows Server 2019', 'RHEL 8', 'Windows Server 2016', 'Ubuntu 22.04'];

describe('learned proposals from similar corrected headers', () => {
  let dir: string;
  let manager: AgentMemoryManager;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'modernize-proposals-'));
    manager = new AgentMemoryManager({
      store: new InMemoryMemoryStore(),
      index: new EmbeddedVectorIndex({ directory: dir }),
      embedder: new LocalHashEmbedder(),
    });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('maps a header resembling a corrected one as learned, below the exact rule, naming the correction', async () => {
    // Prepare
    await rememberMappingCorrection(manager, acme, { source: 'Srv_Moniker', target: 'name' });
    const columns = [
      column('Srv Moniker Primary', 0, names),
      column('IP Address', 1, ips),
      column('OS', 2, os),
    ];

    // Act
    const proposals = await learnedMappingProposals(
      manager,
      acme,
      columns.map((c) => c.header),
    );
    const result = mapColumns(columns, { proposals });
    const withoutMemory = mapColumns(columns);

    // Assess
    const m = result.mappings[0];
    expect(m).toMatchObject({ source: 'Srv Moniker Primary', target: 'name', method: 'learned' });
    expect(m?.confidence).toBeLessThan(0.99);
    expect(m?.confidence).toBeGreaterThan(0.5);
    expect(m?.reason).toContain('"Srv_Moniker"');
    expect(withoutMemory.mappings[0]?.method).not.toBe('learned');
    expect(result.mappings[1]).toMatchObject({ target: 'ipAddress', method: 'rules' });
  });

  it("never proposes from another tenant's corrections", async () => {
    // Prepare
    await rememberMappingCorrection(manager, acme, { source: 'Srv_Moniker', target: 'name' });

    // Act
    const proposals = await learnedMappingProposals(manager, globex, [
      'SrvMonikerName',
      'Srv Moniker Primary',
    ]);

    // Assess
    expect(proposals).toEqual([]);
  });

  it('leaves columns with an exact learned rule to the rule, and never proposes a rejected pair', async () => {
    // Prepare
    await rememberMappingCorrection(manager, acme, { source: 'Srv_Moniker', target: 'name' });
    const learned: LearnedRule[] = [
      { header: 'srv moniker', target: 'hostname', kind: 'correction' },
      { header: 'SrvMonikerName', target: 'name', kind: 'rejection' },
    ];
    const columns = [column('SRV-MONIKER', 0, names), column('SrvMonikerName', 1, names)];

    // Act
    const proposals = await learnedMappingProposals(
      manager,
      acme,
      columns.map((c) => c.header),
      learned,
    );
    const result = mapColumns(columns, { learned, proposals });

    // Assess
    expect(proposals.map((p) => p.header)).toEqual(['SrvMonikerName']);
    expect(result.mappings[0]).toMatchObject({ target: 'hostname', method: 'learned', confidence: 0.99 });
    expect(result.mappings[1]?.target).not.toBe('name');
  });

  it('does not override a stronger rules mapping with a weaker proposal, but a stronger proposal wins', () => {
    // Prepare
    const columns = [column('Server Name', 0, names), column('IP Address', 1, ips)];
    const rulesOnly = mapColumns(columns);
    const rulesConfidence = rulesOnly.mappings[0]?.confidence ?? 0;

    // Act
    const weak = mapColumns(columns, {
      proposals: [
        { header: 'Server Name', target: 'description', confidence: rulesConfidence - 0.2, reason: 'weak' },
      ],
    });
    const strong = mapColumns(columns, {
      proposals: [
        { header: 'IP Address', target: 'description', confidence: 0.98, reason: 'learned: strong' },
      ],
    });

    // Assess
    expect(rulesOnly.mappings[0]?.target).toBe('name');
    expect(weak.mappings[0]).toMatchObject({ target: 'name', method: 'rules' });
    expect(strong.mappings[1]).toMatchObject({
      target: 'description',
      method: 'learned',
      reason: 'learned: strong',
    });
    expect(strong.mappings[1]?.confidence).toBeLessThan(0.99);
  });
});
