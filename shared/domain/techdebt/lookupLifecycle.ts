/**
 * Direct look-up of a product version in the lifecycle dataset, for agents' tools and reports that
 * ask "when does X reach end of support?" without a whole asset.
 */
import { parseOperatingSystem } from '#domain/cleansing/operatingSystem.ts';
import { LIFECYCLE_DATASET, type LifecycleProduct, productByKey } from './lifecycleDataset.ts';
import { detectDatabase, detectHypervisor, detectRuntimes, osProductKey } from './productDetection.ts';
import { resolveVersion } from './versionResolution.ts';

/** A dataset key from a key ("rhel"), a product name ("Red Hat Enterprise Linux", "SQL Server", "Node.js"). */
export function productKeyOf(product: string): string | null {
  const text = product.trim();
  if (productByKey(text.toLowerCase()) !== undefined) return text.toLowerCase();
  for (const [key, entry] of Object.entries(LIFECYCLE_DATASET.products)) {
    if (entry.name.toLowerCase() === text.toLowerCase()) return key;
  }
  const os = osProductKey(parseOperatingSystem(text));
  if (os !== null) return os;
  const database = detectDatabase(text)?.key ?? null;
  if (database !== null) return database;
  const hypervisor = detectHypervisor(text);
  if (hypervisor?.key === 'esxi') return 'esxi';
  return detectRuntimes(`${text} 0`)[0]?.product.key ?? null;
}

function labelOf(product: LifecycleProduct, cycle: string): string {
  return product.cycles.find((c) => c.cycle === cycle)?.label ?? cycle;
}

/**
 * Looks up a product version's end of standard security support (`eolDate`, null when none is announced
 * or the vendor published no date) and paid extended support. Versions are matched by cycle
 * ("7.9" → RHEL 7, "13.0.5026" → SQL Server 2016 SP2); a version without service-pack level is
 * answered for its servicing line. Returns null when the product or version is not in the dataset,
 * or when the version names several releases (e.g. "Oracle 12c").
 */
export function lookupLifecycle(
  product: string,
  version: string,
): { product: string; version: string; eolDate: string | null; extendedSupportDate?: string | null } | null {
  const key = productKeyOf(product);
  const entry = key === null ? undefined : productByKey(key);
  if (key === null || entry === undefined) return null;
  const resolution = resolveVersion(key, entry, version);
  if (resolution === null || resolution.mode === 'ambiguous') return null;
  const cycles = resolution.cycles;
  const last = [...cycles].sort((a, b) => String(b.eol).localeCompare(String(a.eol)))[0];
  if (last === undefined) return null;
  const anyOpenEnded = cycles.some((c) => c.eol === false);
  const eolDate = anyOpenEnded || typeof last.eol !== 'string' ? null : last.eol;
  const extended = last.extendedSupport;
  return {
    product: entry.name,
    version: resolution.mode === 'exact' ? labelOf(entry, last.cycle) : version.trim(),
    eolDate,
    extendedSupportDate: typeof extended === 'string' ? extended : null,
  };
}
