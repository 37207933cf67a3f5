/**
 * Dependency analysis: aggregates connection logs and declared dependencies into edges between assets (or
 * external endpoints), then derives move groups, circular dependencies and application groups.
 */
import type { Asset } from '#domain/assetSchema.ts';
import { shortHash } from '#domain/inventory/identity.ts';
import { BadInputError } from '#errors/errors.ts';
import { EndpointResolver, isLoopback, type ResolvedEndpoint } from './endpointResolver.ts';
import { connectedComponents, stronglyConnectedComponents } from './graphAlgorithms.ts';
import { isInfrastructureService } from './infrastructureServices.ts';

/** One observed connection (a row of a connection file, canonical fields). */
export interface ConnectionInput {
  sourceHost?: string | null;
  sourceIp?: string | null;
  sourcePort?: number | null;
  sourceApplication?: string | null;
  sourceProcess?: string | null;
  destinationHost?: string | null;
  destinationIp?: string | null;
  destinationPort?: number | null;
  destinationApplication?: string | null;
  destinationProcess?: string | null;
  protocol?: string | null;
  connectionCount?: number | null;
  bytes?: number | null;
}

/**
 * A dependency between two endpoints, one per (from, to, destination port, protocol). `from`/`to` are asset
 * names, or the host name/IP of an endpoint that is no known asset (then `fromExternal`/`toExternal`).
 * `strong` edges bind assets into one move group: a declared dependency, or observed traffic with at least
 * `strongMinCount` connections to a port that is no shared infrastructure service (DNS, NTP, directory,
 * SNMP, syslog, remote administration, monitoring, backup: see INFRASTRUCTURE_PORTS). Such services are
 * used by every server and stay reachable across a migration, so they do not force assets to move together.
 */
export interface DependencyEdge {
  from: string;
  to: string;
  fromAssetId: string | null;
  toAssetId: string | null;
  fromExternal: boolean;
  toExternal: boolean;
  port: number | null;
  protocol: string | null;
  count: number;
  bytes: number | null;
  source: 'connections' | 'declared';
  strong: boolean;
}

/** Assets that must move together: a connected component over strong edges between assets. */
export interface MoveGroup {
  /** `mg-` + hash of the sorted member asset ids: the same members always get the same id. */
  id: string;
  members: string[];
  memberAssetIds: string[];
  applications: string[];
}

/** Counts describing a dependency analysis. */
export interface DependencyStats {
  assets: number;
  connectionsRead: number;
  connectionsIgnored: number;
  edges: number;
  strongEdges: number;
  declaredEdges: number;
  externalNodes: number;
  moveGroups: number;
  largestMoveGroup: number;
  cycles: number;
  applications: number;
}

/** The dependency analysis of an engagement. */
export interface DependencyGraph {
  edges: DependencyEdge[];
  externalNodes: string[];
  moveGroups: MoveGroup[];
  /** Circular dependencies: strongly connected components (over strong edges) of more than one asset, by name. */
  cycles: string[][];
  /** Assets by `application`; an asset with none forms its own group `(no application) <name>`. */
  applications: { name: string; assets: string[] }[];
  stats: DependencyStats;
}

/** Options of buildDependencyGraph. */
export interface DependencyOptions {
  /** Connections an observed edge needs to be strong (default 1: any application traffic binds). */
  strongMinCount?: number;
  /** Destination ports whose connections are dropped entirely (e.g. a scanner's). */
  ignorePorts?: number[];
}

/** Options of a dependency analysis that cannot work (e.g. a negative strongMinCount): a caller's mistake. */
export class DependencyOptionsError extends BadInputError {
  constructor(message: string) {
    super(message, 'dependency_options_invalid');
    this.name = 'DependencyOptionsError';
  }
}

function checkedOptions(options: DependencyOptions): { strongMinCount: number; ignorePorts: Set<number> } {
  const strongMinCount = options.strongMinCount ?? 1;
  if (!Number.isFinite(strongMinCount) || strongMinCount < 0) {
    throw new DependencyOptionsError(
      `strongMinCount must be a number >= 0, got ${String(options.strongMinCount)}`,
    );
  }
  const ignorePorts = options.ignorePorts ?? [];
  const invalid = ignorePorts.find((port) => !Number.isInteger(port) || port < 0 || port > 65535);
  if (invalid !== undefined)
    throw new DependencyOptionsError(`ignorePorts holds an invalid port: ${invalid}`);
  return { strongMinCount, ignorePorts: new Set(ignorePorts) };
}

interface Endpoint {
  readonly label: string;
  readonly position: number | null;
}

function endpointOf(resolved: ResolvedEndpoint, assets: readonly Asset[]): Endpoint | null {
  if (resolved === null) return null;
  if (resolved.kind === 'external') return { label: resolved.label, position: null };
  return { label: assets[resolved.position]?.name ?? '', position: resolved.position };
}

function validPort(port: number | null | undefined): number | null {
  return typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 65535 ? port : null;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Aggregates edges and remembers whether each was declared or seen on an application port. */
class EdgeTable {
  readonly edges = new Map<string, DependencyEdge & { appTraffic: boolean }>();

  add(
    from: Endpoint,
    to: Endpoint,
    assets: readonly Asset[],
    input: Omit<
      DependencyEdge,
      'from' | 'to' | 'fromAssetId' | 'toAssetId' | 'fromExternal' | 'toExternal' | 'strong'
    > & { appTraffic: boolean },
  ): void {
    const fromKey = from.position === null ? `x:${from.label.toLowerCase()}` : `a:${from.position}`;
    const toKey = to.position === null ? `x:${to.label.toLowerCase()}` : `a:${to.position}`;
    const key = `${fromKey}>${toKey}|${input.port ?? ''}|${input.protocol ?? ''}|${input.source}`;
    const current = this.edges.get(key);
    if (current) {
      current.count += input.count;
      if (input.bytes !== null) current.bytes = (current.bytes ?? 0) + input.bytes;
      current.appTraffic ||= input.appTraffic;
      return;
    }
    this.edges.set(key, {
      from: from.label,
      to: to.label,
      fromAssetId: from.position === null ? null : (assets[from.position]?.assetId ?? null),
      toAssetId: to.position === null ? null : (assets[to.position]?.assetId ?? null),
      fromExternal: from.position === null,
      toExternal: to.position === null,
      strong: false,
      ...input,
    });
  }
}

/**
 * Builds the dependency graph of an engagement from its assets, its connection rows and the assets'
 * declared `dependsOn` names. Endpoints resolve to assets by host name, then IP; unresolved ones are kept
 * as external nodes. Repeated connections aggregate into one edge per (from, to, destination port,
 * protocol) with summed counts and bytes (source ports are ephemeral and ignored); self-loops, loopback
 * traffic and `ignorePorts` are dropped. Everything returned is sorted, so the same input gives the same
 * output. Throws DependencyOptionsError for unusable options.
 */
export function buildDependencyGraph(
  assets: readonly Asset[],
  connections: Iterable<ConnectionInput>,
  options: DependencyOptions = {},
): DependencyGraph {
  const { strongMinCount, ignorePorts } = checkedOptions(options);
  const resolver = new EndpointResolver(assets);
  const table = new EdgeTable();
  let connectionsRead = 0;
  let connectionsIgnored = 0;

  for (const connection of connections) {
    connectionsRead += 1;
    const port = validPort(connection.destinationPort);
    if (
      (port !== null && ignorePorts.has(port)) ||
      isLoopback(connection.sourceHost, connection.sourceIp) ||
      isLoopback(connection.destinationHost, connection.destinationIp)
    ) {
      connectionsIgnored += 1;
      continue;
    }
    const from = endpointOf(resolver.resolve(connection.sourceHost, connection.sourceIp), assets);
    const to = endpointOf(resolver.resolve(connection.destinationHost, connection.destinationIp), assets);
    const selfLoop =
      from !== null &&
      to !== null &&
      (from.position !== null
        ? from.position === to.position
        : to.position === null && from.label === to.label);
    if (from === null || to === null || selfLoop) {
      connectionsIgnored += 1;
      continue;
    }
    const count =
      typeof connection.connectionCount === 'number' && connection.connectionCount > 0
        ? connection.connectionCount
        : 1;
    const bytes =
      typeof connection.bytes === 'number' && Number.isFinite(connection.bytes) ? connection.bytes : null;
    const protocol = connection.protocol?.trim() ? connection.protocol.trim().toUpperCase() : null;
    table.add(from, to, assets, {
      port,
      protocol,
      count,
      bytes,
      source: 'connections',
      appTraffic: !isInfrastructureService(port, connection.destinationProcess, connection.sourceProcess),
    });
  }

  assets.forEach((asset, position) => {
    for (const name of asset.dependsOn ?? []) {
      const target = resolver.resolveName(name);
      if (target === position) continue;
      const to: Endpoint =
        target === null
          ? { label: name.trim(), position: null }
          : { label: assets[target]?.name ?? '', position: target };
      if (to.label === '') continue;
      table.add({ label: asset.name, position }, to, assets, {
        port: null,
        protocol: null,
        count: 1,
        bytes: null,
        source: 'declared',
        appTraffic: true,
      });
    }
  });

  const edges: DependencyEdge[] = [];
  for (const { appTraffic, ...edge } of table.edges.values()) {
    edge.strong = edge.source === 'declared' || (appTraffic && edge.count >= strongMinCount);
    edges.push(edge);
  }
  edges.sort(
    (a, b) =>
      compareText(a.from, b.from) ||
      compareText(a.to, b.to) ||
      (a.port ?? -1) - (b.port ?? -1) ||
      compareText(a.protocol ?? '', b.protocol ?? '') ||
      compareText(a.source, b.source),
  );
  return analyseGraph(assets, edges, { connectionsRead, connectionsIgnored });
}

function analyseGraph(
  assets: readonly Asset[],
  edges: DependencyEdge[],
  counts: { connectionsRead: number; connectionsIgnored: number },
): DependencyGraph {
  const positionById = new Map<string, number>();
  assets.forEach((asset, position) => {
    positionById.set(asset.assetId, position);
  });
  const strongPairs: [number, number][] = [];
  const adjacency: number[][] = assets.map(() => []);
  const external = new Set<string>();
  for (const edge of edges) {
    if (edge.fromExternal) external.add(edge.from);
    if (edge.toExternal) external.add(edge.to);
    if (!edge.strong || edge.fromAssetId === null || edge.toAssetId === null) continue;
    const a = positionById.get(edge.fromAssetId);
    const b = positionById.get(edge.toAssetId);
    if (a === undefined || b === undefined || a === b) continue;
    strongPairs.push([a, b]);
    adjacency[a]?.push(b);
  }
  const moveGroups = connectedComponents(assets.length, strongPairs).map((component) =>
    moveGroupOf(component, assets),
  );
  moveGroups.sort(
    (a, b) =>
      b.members.length - a.members.length ||
      compareText(a.members[0] ?? '', b.members[0] ?? '') ||
      compareText(a.id, b.id),
  );
  const cycles = stronglyConnectedComponents(adjacency)
    .filter((component) => component.length > 1)
    .map((component) => component.map((position) => assets[position]?.name ?? '').sort(compareText));
  cycles.sort((a, b) => compareText(a[0] ?? '', b[0] ?? '') || a.length - b.length);
  const applications = applicationGroups(assets);
  const externalNodes = [...external].sort(compareText);
  return {
    edges,
    externalNodes,
    moveGroups,
    cycles,
    applications,
    stats: {
      assets: assets.length,
      connectionsRead: counts.connectionsRead,
      connectionsIgnored: counts.connectionsIgnored,
      edges: edges.length,
      strongEdges: edges.filter((edge) => edge.strong).length,
      declaredEdges: edges.filter((edge) => edge.source === 'declared').length,
      externalNodes: externalNodes.length,
      moveGroups: moveGroups.length,
      largestMoveGroup: moveGroups.reduce((max, group) => Math.max(max, group.members.length), 0),
      cycles: cycles.length,
      applications: applications.length,
    },
  };
}

function moveGroupOf(component: readonly number[], assets: readonly Asset[]): MoveGroup {
  const members = component
    .map((position) => assets[position])
    .filter((asset): asset is Asset => asset !== undefined)
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.assetId, b.assetId));
  const memberAssetIds = members.map((asset) => asset.assetId);
  const applications = [
    ...new Set(members.map((asset) => asset.application?.trim() ?? '').filter((name) => name !== '')),
  ].sort(compareText);
  return {
    id: `mg-${shortHash([...memberAssetIds].sort(compareText).join('\n'), 12)}`,
    members: members.map((asset) => asset.name),
    memberAssetIds,
    applications,
  };
}

/** Groups assets by application (case-insensitive, first spelling kept); unassigned assets stand alone. */
function applicationGroups(assets: readonly Asset[]): { name: string; assets: string[] }[] {
  const groups = new Map<string, { name: string; assets: string[] }>();
  for (const asset of assets) {
    const application = asset.application?.trim() ?? '';
    const key = application === '' ? `\u0000${asset.assetId}` : application.toLowerCase();
    const name = application === '' ? `(no application) ${asset.name}` : application;
    const group = groups.get(key);
    if (group) group.assets.push(asset.name);
    else groups.set(key, { name, assets: [asset.name] });
  }
  const result = [...groups.values()];
  for (const group of result) group.assets.sort(compareText);
  return result.sort((a, b) => compareText(a.name, b.name));
}
