/** Minimal canonical assets for dependency tests. */
import type { Asset } from '#domain/assetSchema.ts';

/** A server asset named `name` with the given IPs and overrides (id `id-<name>`). */
export function asset(name: string, ips: string[] = [], extra: Partial<Asset> = {}): Asset {
  return {
    assetId: `id-${name}`,
    name,
    hostname: name,
    ipAddress: ips,
    assetType: 'server',
    customAttributes: {},
    qualityScore: 1,
    qualityIssues: [],
    techDebt: [],
    sources: ['u1'],
    ...extra,
  };
}
