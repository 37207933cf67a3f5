/**
 * Resolves connection endpoints (a host name and/or an IP) to inventory assets.
 */
import type { Asset } from '#domain/assetSchema.ts';
import { isSharedIp, normaliseIp, shortHostName } from '#domain/inventory/identity.ts';

/** Marks a name or IP that two different assets claim: it resolves to neither. */
const AMBIGUOUS = -1;

/** What an endpoint resolved to: an asset position, or an external node label. */
export type ResolvedEndpoint =
  | { kind: 'asset'; position: number }
  | { kind: 'external'; label: string }
  | null;

/** True for loopback and unspecified addresses and `localhost`: traffic a host has with itself. */
export function isLoopback(host: string | null | undefined, ip: string | null | undefined): boolean {
  if (ip) {
    const normal = normaliseIp(ip);
    if (normal.startsWith('127.') || normal === '::1' || normal === '0.0.0.0' || normal === '::') return true;
  }
  return typeof host === 'string' && /^localhost(\.localdomain)?$/i.test(host.trim());
}

/** Databases, applications and containers run on a host and share its name or IP: the host wins those keys. */
function runsOnHost(asset: Asset): boolean {
  return (
    asset.assetType === 'database' || asset.assetType === 'application' || asset.assetType === 'container'
  );
}

/** One lookup table; keys claimed by a host are not contested by the assets running on hosts. */
class KeyIndex {
  private readonly positions = new Map<string, number>();
  private readonly hostKeys = new Set<string>();

  add(key: string | null | undefined, position: number, isHost: boolean): void {
    if (!key) return;
    if (isHost) this.hostKeys.add(key);
    else if (this.hostKeys.has(key)) return;
    const current = this.positions.get(key);
    if (current === undefined) this.positions.set(key, position);
    else if (current !== position) this.positions.set(key, AMBIGUOUS);
  }

  /** The asset position of a key, or null when unknown or claimed by two assets. */
  get(key: string | null | undefined): number | null {
    if (!key) return null;
    const position = this.positions.get(key);
    return position === undefined || position === AMBIGUOUS ? null : position;
  }
}

/**
 * Index of assets by IP, full name and short host name (case-insensitive). Host names are tried before IPs
 * since an IP may be a NAT or VIP address. A key two hosts share resolves to neither; a database or
 * application sharing its server's IP or name leaves the key to the server.
 */
export class EndpointResolver {
  private readonly byName = new KeyIndex();
  private readonly byShortName = new KeyIndex();
  private readonly byIp = new KeyIndex();

  constructor(assets: readonly Asset[]) {
    const order = assets.map((_, position) => position);
    order.sort(
      (a, b) => Number(runsOnHost(assets[a] as Asset)) - Number(runsOnHost(assets[b] as Asset)) || a - b,
    );
    for (const position of order) {
      const asset = assets[position] as Asset;
      const isHost = !runsOnHost(asset);
      for (const name of [asset.name, asset.hostname, asset.fqdn]) {
        if (name) this.byName.add(name.trim().toLowerCase(), position, isHost);
      }
      for (const short of new Set([
        shortHostName(asset.hostname),
        shortHostName(asset.fqdn),
        shortHostName(asset.name),
      ])) {
        this.byShortName.add(short, position, isHost);
      }
      for (const ip of asset.ipAddress ?? []) {
        const normal = normaliseIp(ip);
        if (normal !== '' && !isSharedIp(normal)) this.byIp.add(normal, position, isHost);
      }
    }
  }

  /** Resolves a name (host name, FQDN, asset name or an IP written as a name) to an asset position, or null. */
  resolveName(name: string | null | undefined): number | null {
    if (!name || name.trim() === '') return null;
    return (
      this.byName.get(name.trim().toLowerCase()) ??
      this.byShortName.get(shortHostName(name)) ??
      this.byIp.get(normaliseIp(name))
    );
  }

  /** Resolves an endpoint by host name, then IP; an unknown endpoint becomes an external node (host name first). */
  resolve(host: string | null | undefined, ip: string | null | undefined): ResolvedEndpoint {
    const byName = this.resolveName(host);
    if (byName !== null) return { kind: 'asset', position: byName };
    const normalIp = ip ? normaliseIp(ip) : '';
    const byIp = this.byIp.get(normalIp);
    if (byIp !== null) return { kind: 'asset', position: byIp };
    const label = host?.trim() || normalIp;
    return label === '' ? null : { kind: 'external', label };
  }
}
