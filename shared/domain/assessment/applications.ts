/**
 * Groups inventory assets into applications, the unit every assessment decision is made for, and
 * derives application-level dependencies from asset-level edges. Linear in assets + edges.
 */
import type { Asset } from '../assetSchema.ts';
import type { Application, DependencyEdgeInput, MoveGroupInput } from './types.ts';

const key = (s: string): string => s.trim().toLowerCase();

/** Shared infrastructure that AWS networking and storage services replace: not an application by itself. */
const INFRASTRUCTURE: ReadonlySet<string> = new Set(['network_device', 'storage', 'load_balancer']);

/**
 * Builds applications from assets: assets sharing an `application` value (case-insensitive) form one
 * application; an `application`-type asset with no application value names its own application.
 * An asset with no application joins the single named application of its move group when there is
 * exactly one; otherwise it becomes an application of its own, marked `unnamed`, so that every
 * workload still gets a recommendation. VM templates are not workloads and are left out, and so are
 * network devices, storage arrays and load balancers that name no application (shared infrastructure).
 * Output is sorted by name, dependencies by name: the same input gives the same output.
 */
export function groupApplications(
  assets: readonly Asset[],
  edges: readonly DependencyEdgeInput[],
  moveGroups: readonly MoveGroupInput[],
): Application[] {
  const apps = new Map<string, Application>();
  const appOfAsset = new Map<string, Application>();
  const groupsOfAsset = new Map<string, string[]>();
  for (const g of moveGroups) {
    for (const m of g.members) {
      const k = key(m);
      const list = groupsOfAsset.get(k);
      if (list) list.push(g.id);
      else groupsOfAsset.set(k, [g.id]);
    }
  }
  const workloads = assets.filter((a) => a.isTemplate !== true);
  const orphans: Asset[] = [];
  for (const asset of workloads) {
    const declared =
      asset.application?.trim() || (asset.assetType === 'application' ? asset.name.trim() : '');
    if (!declared) {
      if (!INFRASTRUCTURE.has(asset.assetType)) orphans.push(asset);
      continue;
    }
    const app = ensure(apps, declared, false);
    app.assets.push(asset);
    appOfAsset.set(key(asset.name), app);
  }
  // Named applications per move group, to attach orphans.
  const namedByGroup = new Map<string, Set<Application>>();
  for (const [assetKey, app] of appOfAsset) {
    for (const gid of groupsOfAsset.get(assetKey) ?? []) {
      const set = namedByGroup.get(gid) ?? new Set<Application>();
      set.add(app);
      namedByGroup.set(gid, set);
    }
  }
  orphans.sort((x, y) => cmp(x.name, y.name) || cmp(x.assetId, y.assetId));
  for (const asset of orphans) {
    const candidates = new Set<Application>();
    for (const gid of groupsOfAsset.get(key(asset.name)) ?? []) {
      for (const app of namedByGroup.get(gid) ?? []) candidates.add(app);
    }
    let app: Application;
    if (candidates.size === 1) {
      app = [...candidates][0] as Application;
    } else {
      const base = asset.name.trim() || asset.assetId;
      app = apps.has(key(base)) ? ensure(apps, `${base} (${asset.assetId})`, true) : ensure(apps, base, true);
    }
    app.assets.push(asset);
    appOfAsset.set(key(asset.name), app);
  }
  linkDependencies(apps, appOfAsset, edges);
  for (const app of apps.values()) {
    const gids = new Set<string>();
    for (const a of app.assets) for (const gid of groupsOfAsset.get(key(a.name)) ?? []) gids.add(gid);
    app.moveGroupIds = [...gids].sort();
    app.assets.sort((x, y) => cmp(x.name, y.name) || cmp(x.assetId, y.assetId));
  }
  return [...apps.values()].sort((x, y) => cmp(x.name, y.name));
}

function ensure(apps: Map<string, Application>, name: string, unnamed: boolean): Application {
  const k = key(name);
  let app = apps.get(k);
  // Spellings differing only in case: the smallest wins, so input order does not change the name.
  if (app && cmp(name, app.name) < 0) app.name = name;
  if (!app) {
    app = {
      name,
      unnamed,
      assets: [],
      dependsOn: [],
      dependedOnBy: [],
      moveGroupIds: [],
      externalEndpoints: 0,
    };
    apps.set(k, app);
  }
  return app;
}

function linkDependencies(
  apps: Map<string, Application>,
  appOfAsset: Map<string, Application>,
  edges: readonly DependencyEdgeInput[],
): void {
  const out = new Map<Application, Set<Application>>();
  const external = new Map<Application, Set<string>>();
  const link = (from: Application, to: Application): void => {
    if (from === to) return;
    const set = out.get(from) ?? new Set<Application>();
    set.add(to);
    out.set(from, set);
  };
  for (const e of edges) {
    const from = e.fromExternal ? undefined : appOfAsset.get(key(e.from));
    const to = e.toExternal ? undefined : appOfAsset.get(key(e.to));
    if (from && to) link(from, to);
    else if (from && !to) addExternal(external, from, e.to);
    else if (to && !from) addExternal(external, to, e.from);
  }
  // Declared dependencies (an asset file's dependsOn) name assets or applications.
  for (const app of apps.values()) {
    for (const asset of app.assets) {
      for (const dep of asset.dependsOn ?? []) {
        const target = appOfAsset.get(key(dep)) ?? apps.get(key(dep));
        if (target) link(app, target);
      }
    }
  }
  for (const [from, targets] of out) {
    for (const to of targets) {
      from.dependsOn.push(to.name);
      to.dependedOnBy.push(from.name);
    }
  }
  for (const app of apps.values()) {
    app.dependsOn.sort(cmp);
    app.dependedOnBy.sort(cmp);
    app.externalEndpoints = external.get(app)?.size ?? 0;
  }
}

function addExternal(map: Map<Application, Set<string>>, app: Application, endpoint: string): void {
  const set = map.get(app) ?? new Set<string>();
  set.add(endpoint);
  map.set(app, set);
}

/** Deterministic, locale-independent string order. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
