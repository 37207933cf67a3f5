/**
 * Matches a free-text version to the release cycles of a lifecycle product, never guessing:
 * - `exact`: one cycle ("RHEL 7.9" → cycle 7, "ESXi 6.0.0 build-…" → 6.0, "13.0.5026" → SQL Server 2016 SP2);
 * - `line`: a servicing line whose updates are free (SQL Server 2016 without service pack, SLES 12, AIX 7.2):
 *   judged by the line's last end of support;
 * - `ambiguous`: several distinct releases ("Oracle 12c" = 12.1 or 12.2, "MySQL 8"): a status only when
 *   they all agree.
 */
import type { LifecycleCycle, LifecycleProduct } from './lifecycleDataset.ts';

/** How a version matched a product's cycles. */
export interface Resolution {
  readonly mode: 'exact' | 'line' | 'ambiguous';
  readonly cycles: readonly LifecycleCycle[];
  /** True when the line holds the product's newest release: newer releases may extend it beyond the dataset. */
  readonly open: boolean;
}

const NUMERIC = /\d+(?:\.\d+)*/;

function exact(cycle: LifecycleCycle | undefined): Resolution | null {
  return cycle === undefined ? null : { mode: 'exact', cycles: [cycle], open: false };
}

function group(
  product: LifecycleProduct,
  mode: 'line' | 'ambiguous',
  cycles: readonly LifecycleCycle[],
): Resolution | null {
  if (cycles.length === 0) return null;
  if (cycles.length === 1) return { mode: 'exact', cycles, open: false };
  const newest = product.cycles[0];
  return { mode, cycles, open: newest !== undefined && cycles.includes(newest) };
}

function byKey(product: LifecycleProduct, key: string): LifecycleCycle | undefined {
  return product.cycles.find((c) => c.cycle === key);
}

/** Cycles whose key is `prefix` or starts with `prefix.`. */
function under(product: LifecycleProduct, prefix: string): LifecycleCycle[] {
  return product.cycles.filter((c) => c.cycle === prefix || c.cycle.startsWith(`${prefix}.`));
}

/** Generic numeric matching: longest matching prefix of the version's components, else all cycles under it. */
function resolveNumeric(product: LifecycleProduct, version: string): Resolution | null {
  const token = NUMERIC.exec(version)?.[0];
  if (token === undefined) return null;
  const parts = token.split('.');
  const depth = product.lineDepth;
  if (depth !== undefined && parts.length === depth) return group(product, 'line', under(product, token));
  if (depth !== undefined && parts.length < depth) return group(product, 'ambiguous', under(product, token));
  for (let n = parts.length; n >= 1; n--) {
    const hit = byKey(product, parts.slice(0, n).join('.'));
    if (hit !== undefined) return exact(hit);
  }
  return group(product, 'ambiguous', under(product, token));
}

const SERVER_YEAR = /(?<![\d.])(2000|2003|2008|2012|2016|2019|2022|2025)(?![\d.])\s*(r2)?/i;
const SERVER_SAC = /\b(1709|1803|1809|1903|1909|2004|20h2|23h2)\b/i;
const SERVICE_PACK = /\bsp\s*(\d)|service\s+pack\s*(\d)/i;
const BUILD = /\b(\d+\.\d+\.\d+)/;

function resolveWindowsServer(product: LifecycleProduct, version: string): Resolution | null {
  const build = BUILD.exec(version)?.[1];
  if (build !== undefined) {
    const matches = product.cycles.filter((c) => c.build === build);
    return exact(matches.find((c) => c.lts) ?? matches[0]);
  }
  const year = SERVER_YEAR.exec(version);
  if (year) {
    const r2 = year[2] !== undefined;
    const sp = SERVICE_PACK.exec(version);
    const spNumber = sp ? (sp[1] ?? sp[2]) : undefined;
    switch (year[1]) {
      case '2008':
        return exact(byKey(product, r2 ? '2008-r2-sp1' : '2008-sp2'));
      case '2012':
        return exact(byKey(product, r2 ? '2012-r2' : '2012'));
      case '2003':
        if (r2) return exact(byKey(product, '2003-sp2'));
        if (spNumber !== undefined) return exact(byKey(product, `2003-sp${spNumber}`));
        return group(
          product,
          'line',
          product.cycles.filter((c) => c.cycle.startsWith('2003')),
        );
      default:
        return exact(byKey(product, year[1] ?? ''));
    }
  }
  const sac = SERVER_SAC.exec(version)?.[1]?.toLowerCase();
  if (sac === undefined) return null;
  return exact(byKey(product, sac === '23h2' ? '23h2-ac' : `${sac}-sac`));
}

const CLIENT_NAMED: Readonly<Record<string, string>> = {
  '7': '7-sp1',
  '8': '8',
  '8.1': '8.1',
  vista: '6-sp2',
  xp: '5-sp3',
};
const CLIENT = /\b(xp|vista|7|8\.1|8|10|11)\b(?:\s+(\d{4}|\d{2}h\d))?/i;

function resolveWindowsClient(product: LifecycleProduct, version: string): Resolution | null {
  const match = CLIENT.exec(version);
  if (!match) return null;
  const major = (match[1] ?? '').toLowerCase();
  const named = CLIENT_NAMED[major];
  if (named !== undefined) return exact(byKey(product, named));
  const lts = /\b(ltsc|ltsb|iot)\b/i.test(version);
  const enterprise = /\b(enterprise|education)\b/i.test(version);
  const consumer = /\b(pro|professional|home|workstation)\b/i.test(version);
  const inEdition = (c: LifecycleCycle): boolean => {
    if (lts !== Boolean(c.lts)) return false;
    if (lts) return true;
    if (enterprise) return !c.cycle.endsWith('-w');
    if (consumer) return !c.cycle.endsWith('-e');
    return true;
  };
  const feature = match[2]?.toLowerCase();
  if (feature === undefined) {
    const members = product.cycles.filter((c) => c.cycle.startsWith(`${major}-`) && inEdition(c));
    const resolution = group(product, 'line', members);
    if (resolution === null) return null;
    // The line is open when its major version still gets feature releases (the newest cycle belongs to it).
    return { ...resolution, open: product.cycles[0]?.cycle.startsWith(`${major}-`) === true };
  }
  const stem = `${major}-${feature}`;
  return group(
    product,
    'ambiguous',
    product.cycles.filter((c) => (c.cycle === stem || c.cycle.startsWith(`${stem}-`)) && inEdition(c)),
  );
}

const SQL_YEARS: Readonly<Record<string, number>> = {
  '2025': 17,
  '2022': 16,
  '2019': 15,
  '2017': 14,
  '2016': 13,
  '2014': 12,
  '2012': 11,
  '2008 r2': 10.5,
  '2008': 10,
  '2005': 9,
  '2000': 8,
};
const SQL_YEAR = /(?<![\d.])(2000|2005|2008|2012|2014|2016|2017|2019|2022|2025)(?![\d.])(\s*r2)?/i;
const SQL_INTERNAL = /\b(\d{1,2})\.(\d{1,2})(?:\.(\d+))?/;
const SQL_CYCLE = /^(\d+(?:\.\d+)?)(?:-(?:sp(\d+)|r2))?/;

function sqlCycleParts(cycle: string): { major: number; sp: number } {
  const match = SQL_CYCLE.exec(cycle);
  return { major: Number(match?.[1] ?? Number.NaN), sp: Number(match?.[2] ?? 0) };
}

function resolveSqlServer(product: LifecycleProduct, version: string): Resolution | null {
  let major: number | undefined;
  let build: number | undefined;
  const year = SQL_YEAR.exec(version);
  if (year) major = SQL_YEARS[`${year[1]}${year[2] ? ' r2' : ''}`];
  else {
    const internal = SQL_INTERNAL.exec(version);
    if (internal && Number(internal[1]) >= 6 && Number(internal[1]) <= 17) {
      major = Number(`${internal[1]}.${internal[2]}`);
      build = internal[3] === undefined ? undefined : Number(internal[3]);
    }
  }
  if (major === undefined) return null;
  const members = product.cycles.filter((c) => sqlCycleParts(c.cycle).major === major);
  const spText = SERVICE_PACK.exec(version);
  let sp = spText ? Number(spText[1] ?? spText[2]) : /\brtm\b/i.test(version) ? 0 : undefined;
  if (sp === undefined && build !== undefined) {
    const table = Object.entries(product.servicePackBuilds ?? {}).find(([key]) => Number(key) === major)?.[1];
    if (table !== undefined) sp = table.reduce((found, [first, pack]) => (build >= first ? pack : found), 0);
  }
  if (sp !== undefined && members.length > 1)
    return exact(members.find((c) => sqlCycleParts(c.cycle).sp === sp));
  return group(product, 'line', members);
}

const ORACLE_RELEASE = /\b(\d{1,2})\s*(ai|c|g|i)\b(?:\s*(?:release\s*|r)(\d))?/i;

function resolveOracleDatabase(product: LifecycleProduct, version: string): Resolution | null {
  const named = ORACLE_RELEASE.exec(version);
  if (named) {
    const major = named[1] ?? '';
    if (named[3] !== undefined) return exact(byKey(product, `${major}.${named[3]}`));
    const whole = byKey(product, major);
    return whole ? exact(whole) : group(product, 'ambiguous', under(product, major));
  }
  return resolveNumeric(product, version);
}

function resolveSles(product: LifecycleProduct, version: string): Resolution | null {
  const sp = /\b(\d+)\s*(?:sp|service\s*pack)\s*(\d+)/i.exec(version);
  return resolveNumeric(product, sp ? `${sp[1]}.${sp[2]}` : version);
}

function resolveAix(product: LifecycleProduct, version: string): Resolution | null {
  const tl = /\b(\d+)\.(\d+)\s*(?:tl|technology\s*level)\s*(\d+)/i.exec(version);
  const level = /\b(\d)(\d)00-(\d{2})/.exec(version);
  if (tl) return resolveNumeric(product, `${tl[1]}.${tl[2]}.${Number(tl[3])}`);
  if (level) return resolveNumeric(product, `${level[1]}.${level[2]}.${Number(level[3])}`);
  return resolveNumeric(product, version);
}

function resolveSolaris(product: LifecycleProduct, version: string): Resolution | null {
  const sunos = /^5\.(\d+)\b/.exec(version);
  return resolveNumeric(product, sunos ? (sunos[1] ?? '') : version);
}

const RESOLVERS: Readonly<Record<string, (product: LifecycleProduct, version: string) => Resolution | null>> =
  {
    'windows-server': resolveWindowsServer,
    windows: resolveWindowsClient,
    mssqlserver: resolveSqlServer,
    'oracle-database': resolveOracleDatabase,
    sles: resolveSles,
    aix: resolveAix,
    solaris: resolveSolaris,
  };

/** Resolves a version text against a product's cycles; null when nothing in the dataset matches. */
export function resolveVersion(
  productKey: string,
  product: LifecycleProduct,
  version: string,
): Resolution | null {
  const resolver = RESOLVERS[productKey] ?? resolveNumeric;
  return resolver(product, version.trim());
}
