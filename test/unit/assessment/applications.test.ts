import { describe, expect, it } from 'vitest';
import { groupApplications } from '#domain/assessment/index.ts';
import { asset, edge } from '../../support/assetFactory.ts';

describe('groupApplications', () => {
  it('groups assets by application name regardless of case and derives application dependencies', () => {
    // Prepare
    const assets = [
      asset({ name: 'web01', application: 'Shop' }),
      asset({ name: 'web02', application: 'shop ' }),
      asset({ name: 'pay01', application: 'Payments' }),
    ];
    const edges = [edge('web01', 'pay01'), edge('web02', 'pay01'), edge('web01', 'web02')];
    // Act
    const apps = groupApplications(assets, edges, []);
    // Assess
    expect(apps.map((a) => a.name)).toEqual(['Payments', 'Shop']);
    const shop = apps.find((a) => a.name === 'Shop');
    expect(shop?.assets.map((a) => a.name)).toEqual(['web01', 'web02']);
    expect(shop?.dependsOn).toEqual(['Payments']);
    expect(apps.find((a) => a.name === 'Payments')?.dependedOnBy).toEqual(['Shop']);
  });

  it('names an application the same whatever the order of its spellings', () => {
    // Prepare
    const assets = [asset({ name: 'w1', application: 'shop' }), asset({ name: 'w2', application: 'Shop' })];
    // Act
    const a = groupApplications(assets, [], []);
    const b = groupApplications([...assets].reverse(), [], []);
    // Assess
    expect(a.map((x) => x.name)).toEqual(['Shop']);
    expect(b).toEqual(a);
  });

  it('attaches an unnamed asset to the one named application of its move group', () => {
    // Prepare
    const assets = [asset({ name: 'crm-app', application: 'CRM' }), asset({ name: 'crm-db' })];
    // Act
    const apps = groupApplications(assets, [], [{ id: 'mg-1', members: ['crm-app', 'crm-db'] }]);
    // Assess
    expect(apps).toHaveLength(1);
    expect(apps[0]?.assets.map((a) => a.name)).toEqual(['crm-app', 'crm-db']);
    expect(apps[0]?.moveGroupIds).toEqual(['mg-1']);
  });

  it('gives every other unnamed workload an application of its own, marked unnamed, and skips templates and bare network gear', () => {
    // Prepare
    const assets = [
      asset({ name: 'lonely01' }),
      asset({ name: 'tpl-win2019', isTemplate: true }),
      asset({ name: 'core-switch-1', assetType: 'network_device' }),
    ];
    // Act
    const apps = groupApplications(assets, [], []);
    // Assess
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({ name: 'lonely01', unnamed: true });
  });

  it('counts external endpoints and uses declared dependencies', () => {
    // Prepare
    const assets = [
      asset({ name: 'a1', application: 'A', dependsOn: ['B'] }),
      asset({ name: 'b1', application: 'B' }),
    ];
    const edges = [
      { ...edge('a1', '10.9.9.9'), toExternal: true },
      { ...edge('a1', '10.9.9.8'), toExternal: true },
    ];
    // Act
    const apps = groupApplications(assets, edges, []);
    // Assess
    const a = apps.find((x) => x.name === 'A');
    expect(a?.externalEndpoints).toBe(2);
    expect(a?.dependsOn).toEqual(['B']);
  });
});
