import { describe, expect, it } from 'vitest';
import {
  buildDependencyGraph,
  type ConnectionInput,
  DependencyOptionsError,
} from '#domain/dependencies/index.ts';
import { asset } from './assets.ts';

const web = asset('web01', ['10.0.0.1'], { application: 'Shop' });
const app = asset('app01', ['10.0.0.2'], { application: 'Shop' });
const db = asset('db01', ['10.0.0.3'], { application: 'Shop' });
const dns = asset('dc01', ['10.0.0.53']);
const lonely = asset('batch01', ['10.0.0.9']);

describe('buildDependencyGraph edges', () => {
  it('aggregates repeated connections per (from, to, port, protocol), ignoring ephemeral source ports', () => {
    // Prepare
    const connections: ConnectionInput[] = [
      {
        sourceIp: '10.0.0.1',
        sourcePort: 50123,
        destinationIp: '10.0.0.2',
        destinationPort: 8080,
        protocol: 'tcp',
      },
      {
        sourceIp: '10.0.0.1',
        sourcePort: 50999,
        destinationIp: '10.0.0.2',
        destinationPort: 8080,
        protocol: 'TCP',
        connectionCount: 4,
        bytes: 100,
      },
      {
        sourceHost: 'WEB01',
        destinationHost: 'app01.corp.local',
        destinationPort: 8080,
        protocol: 'TCP',
        bytes: 50,
      },
      { sourceIp: '10.0.0.1', destinationIp: '10.0.0.2', destinationPort: 8443, protocol: 'TCP' },
    ];
    // Act
    const graph = buildDependencyGraph([web, app], connections);
    // Assess
    expect(
      graph.edges.map(({ from, to, port, protocol, count, bytes }) => ({
        from,
        to,
        port,
        protocol,
        count,
        bytes,
      })),
    ).toEqual([
      { from: 'web01', to: 'app01', port: 8080, protocol: 'TCP', count: 6, bytes: 150 },
      { from: 'web01', to: 'app01', port: 8443, protocol: 'TCP', count: 1, bytes: null },
    ]);
    expect(graph.edges[0]).toMatchObject({
      fromAssetId: 'id-web01',
      toAssetId: 'id-app01',
      fromExternal: false,
      source: 'connections',
    });
  });

  it('keeps unresolved endpoints as external nodes named by host name or IP', () => {
    const graph = buildDependencyGraph(
      [app],
      [
        { sourceIp: '10.0.0.2', destinationIp: '52.1.2.3', destinationPort: 443 },
        {
          sourceIp: '10.0.0.2',
          destinationHost: 'api.partner.com',
          destinationIp: '52.9.9.9',
          destinationPort: 443,
        },
      ],
    );
    expect(graph.externalNodes).toEqual(['52.1.2.3', 'api.partner.com']);
    expect(graph.edges.every((edge) => edge.toExternal && edge.toAssetId === null)).toBe(true);
    expect(graph.moveGroups.flatMap((group) => group.members)).toEqual(['app01']);
  });

  it('drops self-loops, loopback traffic and ignored ports', () => {
    const graph = buildDependencyGraph(
      [web, app],
      [
        { sourceIp: '10.0.0.1', destinationHost: 'web01', destinationPort: 80 },
        { sourceIp: '127.0.0.1', destinationIp: '10.0.0.2', destinationPort: 80 },
        { sourceIp: '10.0.0.1', destinationHost: 'localhost', destinationPort: 80 },
        { sourceIp: '10.0.0.1', destinationIp: '10.0.0.2', destinationPort: 9999 },
      ],
      { ignorePorts: [9999] },
    );
    expect(graph.edges).toEqual([]);
    expect(graph.stats.connectionsIgnored).toBe(4);
  });

  it('adds declared dependencies as strong edges, unknown names as external', () => {
    const declared = asset('web02', ['10.0.0.7'], { dependsOn: ['APP01', 'mainframe-x'] });
    const graph = buildDependencyGraph([declared, app], []);
    expect(
      graph.edges.map(({ from, to, source, strong, toExternal }) => ({
        from,
        to,
        source,
        strong,
        toExternal,
      })),
    ).toEqual([
      { from: 'web02', to: 'app01', source: 'declared', strong: true, toExternal: false },
      { from: 'web02', to: 'mainframe-x', source: 'declared', strong: true, toExternal: true },
    ]);
  });

  it('does not treat infrastructure services (DNS, NTP, directory, monitoring) as strong', () => {
    const graph = buildDependencyGraph(
      [web, dns],
      [
        {
          sourceIp: '10.0.0.1',
          destinationIp: '10.0.0.53',
          destinationPort: 53,
          protocol: 'UDP',
          connectionCount: 500,
        },
        { sourceIp: '10.0.0.1', destinationIp: '10.0.0.53', destinationPort: 123, protocol: 'UDP' },
        { sourceIp: '10.0.0.1', destinationIp: '10.0.0.53', destinationPort: 389 },
        {
          sourceIp: '10.0.0.1',
          destinationIp: '10.0.0.53',
          destinationPort: 7777,
          destinationProcess: 'zabbix_agentd',
        },
      ],
    );
    expect(graph.edges).toHaveLength(4);
    expect(graph.edges.some((edge) => edge.strong)).toBe(false);
    expect(graph.moveGroups).toHaveLength(2);
  });

  it('requires strongMinCount connections for observed traffic to be strong', () => {
    const connections = [
      { sourceIp: '10.0.0.1', destinationIp: '10.0.0.2', destinationPort: 8080, connectionCount: 2 },
    ];
    expect(buildDependencyGraph([web, app], connections).edges[0]?.strong).toBe(true);
    expect(buildDependencyGraph([web, app], connections, { strongMinCount: 3 }).edges[0]?.strong).toBe(false);
  });
});

describe('buildDependencyGraph options', () => {
  it('rejects unusable options with a named error', () => {
    expect(() => buildDependencyGraph([web], [], { strongMinCount: -1 })).toThrow(DependencyOptionsError);
    expect(() => buildDependencyGraph([web], [], { ignorePorts: [70000] })).toThrow(/invalid port/);
  });
});

describe('buildDependencyGraph groups', () => {
  const connections: ConnectionInput[] = [
    { sourceIp: '10.0.0.1', destinationIp: '10.0.0.2', destinationPort: 8080 },
    { sourceIp: '10.0.0.2', destinationIp: '10.0.0.3', destinationPort: 1433 },
    { sourceIp: '10.0.0.9', destinationIp: '10.0.0.53', destinationPort: 53 },
  ];

  it('puts every asset in exactly one move group: components over strong edges, singletons included', () => {
    // Act
    const graph = buildDependencyGraph([web, app, db, dns, lonely], connections);
    // Assess
    expect(graph.moveGroups.map((group) => group.members)).toEqual([
      ['app01', 'db01', 'web01'],
      ['batch01'],
      ['dc01'],
    ]);
    expect(graph.moveGroups[0]?.applications).toEqual(['Shop']);
    const all = graph.moveGroups.flatMap((group) => group.memberAssetIds);
    expect(all.sort()).toEqual(['id-app01', 'id-batch01', 'id-db01', 'id-dc01', 'id-web01']);
    expect(graph.moveGroups.every((group) => /^mg-[0-9a-f]{12}$/.test(group.id))).toBe(true);
  });

  it('gives the same move-group ids whatever the input order', () => {
    const a = buildDependencyGraph([web, app, db, dns, lonely], connections).moveGroups;
    const b = buildDependencyGraph([lonely, dns, db, app, web], [...connections].reverse()).moveGroups;
    expect(b).toEqual(a);
  });

  it('reports cycles as name lists', () => {
    const graph = buildDependencyGraph(
      [web, app, db, lonely],
      [
        ...connections,
        { sourceIp: '10.0.0.3', destinationIp: '10.0.0.1', destinationPort: 443 },
        { sourceIp: '10.0.0.9', destinationIp: '10.0.0.1', destinationPort: 443 },
      ],
    );
    expect(graph.cycles).toEqual([['app01', 'db01', 'web01']]);
  });

  it('finds a cycle through a 200k-node chain without overflowing the stack', () => {
    // Prepare
    const count = 200_000;
    const assets = Array.from({ length: count }, (_, i) =>
      asset(`n${i}`, [`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`]),
    );
    const chain: ConnectionInput[] = assets.map((_, i) => ({
      sourceHost: `n${i}`,
      destinationHost: `n${(i + 1) % count}`,
      destinationPort: 8080,
    }));
    // Act
    const graph = buildDependencyGraph(assets, chain);
    // Assess
    expect(graph.cycles).toHaveLength(1);
    expect(graph.cycles[0]).toHaveLength(count);
    expect(graph.moveGroups).toHaveLength(1);
    expect(graph.edges).toHaveLength(count);
  });

  it('groups assets by application, unassigned ones in their own named group', () => {
    const graph = buildDependencyGraph(
      [web, app, db, lonely, asset('web09', [], { application: 'shop' })],
      [],
    );
    expect(graph.applications).toEqual([
      { name: '(no application) batch01', assets: ['batch01'] },
      { name: 'Shop', assets: ['app01', 'db01', 'web01', 'web09'] },
    ]);
  });
});
