import { describe, expect, it } from 'vitest';
import { ClassificationMemo, classifyAssetType } from '#domain/inventory/classifyAssetType.ts';
import type { CleansedRecord } from '#domain/tableTypes.ts';

type Row = [CleansedRecord['fields'], Record<string, string>];

describe('classifyAssetType with a ClassificationMemo', () => {
  it('answers every row as it does without one, however often labels and headers repeat', () => {
    // Prepare: rows whose answers hinge on labels, headers and OS texts the memo remembers
    const rows: Row[] = [
      [{ assetType: 'cmdb_ci_win_server' }, { virtual: 'true' }],
      [{ assetType: 'cmdb_ci_win_server' }, { virtual: 'false' }],
      [{ assetType: 'cmdb_ci_esx_server', cluster: 'c1' }, {}],
      [{ operatingSystem: 'Cisco IOS', osVersion: '15.2' }, {}],
      [{ operatingSystem: 'Windows Server 2019', osVersion: 'ios-compatible' }, {}],
      [{ operatingSystem: 'NetApp ONTAP 9' }, {}],
      [{ hostname: 'web01' }, { 'System Model': 'VMware Virtual Platform' }],
      [{ hostname: 'web02' }, { 'System Model': 'PowerEdge R630' }],
      [{ hostname: 'vm01' }, { 'VM UUID': '4201-aa' }],
      [{}, { sys_class_name: 'Router' }],
      [{}, { sys_class_name: 'unknown thing' }],
      [{ databaseEngine: 'Oracle' }, {}],
    ];
    const memo = new ClassificationMemo();
    const expected = rows.map(([fields, custom]) => classifyAssetType(fields, custom));
    // Act: three passes through one memo
    const passes = [1, 2, 3].map(() =>
      rows.map(([fields, custom]) => classifyAssetType(fields, custom, memo)),
    );
    // Assess
    for (const answers of passes) expect(answers).toEqual(expected);
    expect(expected).toEqual([
      'virtual_machine',
      'server',
      'server',
      'network_device',
      'server',
      'storage',
      'virtual_machine',
      'server',
      'virtual_machine',
      'network_device',
      'other',
      'database',
    ]);
  });
});
