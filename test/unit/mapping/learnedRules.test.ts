import { describe, expect, it } from 'vitest';
import type { CanonicalField } from '#domain/assetSchema.ts';
import { InvalidLearnedRuleError, mapColumns } from '#domain/mapping/index.ts';
import type { LearnedRule } from '#domain/tableTypes.ts';
import { columns, mappingOf } from './helpers.ts';

const NAMES = ['app-web01', 'db-sql02'];

describe('tenant learned rules', () => {
  it('applies a correction to every spelling of the corrected header, as learned and confident', () => {
    // Prepare
    const learned: LearnedRule[] = [{ header: 'Srv_Moniker', target: 'name', kind: 'correction' }];
    // Act
    const results = ['Srv_Moniker', 'SRV MONIKER', 'srv-moniker', 'srvMoniker'].map((h) =>
      mapColumns(
        columns([
          [h, NAMES],
          ['IP', ['10.0.0.1']],
        ]),
        { learned },
      ),
    );
    // Assess
    for (const result of results) {
      expect(result.mappings[0]).toMatchObject({ target: 'name', method: 'learned' });
      expect(result.mappings[0]?.confidence).toBeGreaterThanOrEqual(0.95);
      expect(result.mappings[1]).toMatchObject({ target: 'ipAddress', method: 'rules' });
    }
  });

  it('lets a correction win the one-to-one assignment over a better-named column', () => {
    // Prepare
    const cols = columns([
      ['Server Name', NAMES],
      ['Asset Label', ['WEB01', 'SQL02']],
    ]);
    const learned: LearnedRule[] = [{ header: 'asset label', target: 'name', kind: 'correction' }];
    // Act
    const result = mapColumns(cols, { learned });
    // Assess
    expect(mappingOf(result, 'Asset Label')).toMatchObject({ target: 'name', method: 'learned' });
    expect(mappingOf(result, 'Server Name').target).not.toBe('name');
  });

  it('maps a header corrected to nothing to nothing', () => {
    // Prepare
    const learned: LearnedRule[] = [{ header: 'Annotation Owner', target: null, kind: 'correction' }];
    const cols = columns([
      ['VM', NAMES],
      ['annotation_owner', ['Jane Smith']],
    ]);
    // Act
    const result = mapColumns(cols, { learned });
    // Assess
    expect(mappingOf(result, 'annotation_owner')).toMatchObject({ target: null, method: 'learned' });
  });

  it('never proposes a rejected pair again; the column falls to its next-best field or to nothing', () => {
    // Prepare
    const dnsName = columns([
      ['VM', NAMES],
      ['DNS Name', ['a.corp.example.com', 'b.corp.example.com']],
    ]);
    const owner = columns([
      ['VM', NAMES],
      ['Owner', ['Jane Smith', 'Tom Becker']],
    ]);
    const reject = (header: string, target: CanonicalField): LearnedRule[] => [
      { header, target, kind: 'rejection' },
    ];
    // Act
    const before = mapColumns(dnsName);
    const after = mapColumns(dnsName, { learned: reject('dns-name', 'fqdn') });
    const ownerAfter = mapColumns(owner, { learned: reject('OWNER', 'businessOwner') });
    // Assess
    expect(mappingOf(before, 'DNS Name').target).toBe('fqdn');
    expect(mappingOf(after, 'DNS Name').target).toBe('hostname');
    expect(mappingOf(ownerAfter, 'Owner').target).toBeNull();
  });

  it('rejects a rule whose target is no canonical field', () => {
    const learned = [{ header: 'x', target: 'memory' as CanonicalField, kind: 'correction' as const }];
    expect(() => mapColumns(columns([['x', ['1']]]), { learned })).toThrow(InvalidLearnedRuleError);
  });

  it('ignores a correction to a field of the other file kind', () => {
    // Prepare: a connection-file correction must not put a connection field into an asset file
    const learned: LearnedRule[] = [{ header: 'Server', target: 'sourceHost', kind: 'correction' }];
    // Act
    const result = mapColumns(
      columns([
        ['Server', NAMES],
        ['CPUs', ['2', '4']],
      ]),
      { learned },
    );
    // Assess
    expect(mappingOf(result, 'Server').target).toBe('name');
  });
});
