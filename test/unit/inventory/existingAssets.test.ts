import { describe, expect, it } from 'vitest';
import { InventoryBuilder } from '#domain/inventory/index.ts';
import { record } from './records.ts';

describe('merging an upload into stored assets', () => {
  it('leaves the stored assets it was given untouched, nested lists and objects included', () => {
    // Prepare
    const first = new InventoryBuilder();
    first.add(
      record('u1', 1, { name: 'web01', ipAddress: ['10.0.0.1'], tags: ['a'] }, { custom: { Rack: 'R1' } }),
    );
    const stored = first.result().assets;
    (stored[0] as { techDebt: unknown[] }).techDebt = [{ component: 'os', status: 'eol' }];
    const snapshot = structuredClone(stored);
    // Act
    const second = new InventoryBuilder(stored);
    second.add(
      record('u2', 1, { name: 'WEB01', ipAddress: ['10.0.0.2'], tags: ['b'] }, { custom: { Rack: 'R9' } }),
    );
    const merged = second.result().assets;
    // Assess
    expect(stored).toEqual(snapshot);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({
      assetId: stored[0]?.assetId,
      ipAddress: ['10.0.0.1', '10.0.0.2'],
      tags: ['a', 'b'],
      customAttributes: { Rack: 'R9' },
      sources: ['u1', 'u2'],
      techDebt: [{ component: 'os', status: 'eol' }],
    });
    expect(merged[0]?.techDebt).not.toBe(stored[0]?.techDebt);
  });

  it('still matches rows by an IP of a stored asset after that asset gained more addresses', () => {
    // Prepare
    const builder = new InventoryBuilder();
    builder.add(record('u1', 1, { ipAddress: ['10.0.0.1'] }));
    builder.add(record('u1', 2, { ipAddress: ['10.0.0.1', '10.0.0.7'] }));
    // Act
    builder.add(record('u1', 3, { ipAddress: ['10.0.0.7'], operatingSystem: 'Linux' }));
    const { assets, merged } = builder.result();
    // Assess
    expect(assets).toHaveLength(1);
    expect(merged).toBe(2);
    expect(assets[0]?.ipAddress).toEqual(['10.0.0.1', '10.0.0.7']);
  });
});
