/**
 * Tech-debt analysis of one asset: the support status of its operating system, database, runtimes
 * and hypervisor against the shipped lifecycle dataset, as of a given date (DESIGN.md semantics).
 */
import type { TechDebtComponent, TechDebtFinding, TechDebtStatus } from '#domain/assetSchema.ts';
import { type LifecycleCycle, type LifecycleProduct, productByKey } from './lifecycleDataset.ts';
import {
  type DetectedProduct,
  detectDatabase,
  detectHypervisor,
  detectOs,
  detectRuntimes,
  detectRuntimesInAttributes,
  osProductKey,
} from './productDetection.ts';
import { asOfDay, statusOfEol } from './supportStatus.ts';
import { type Resolution, resolveVersion } from './versionResolution.ts';

/** What tech-debt analysis reads from an asset. */
export type TechDebtInput = {
  operatingSystem?: string | null;
  osVersion?: string | null;
  databaseEngine?: string | null;
  databaseVersion?: string | null;
  virtualizationPlatform?: string | null;
  customAttributes?: Record<string, string>;
  description?: string | null;
};

/** Status and date of a resolution. */
export interface Judgement {
  readonly status: TechDebtStatus;
  readonly eolDate: string | null;
}

function latestEnd(cycles: readonly LifecycleCycle[]): string | boolean {
  let latest: string | boolean = true;
  for (const cycle of cycles) {
    if (cycle.eol === false) return false;
    if (typeof cycle.eol === 'string' && (latest === true || cycle.eol > latest)) latest = cycle.eol;
  }
  return latest;
}

/** Judges a resolution at an as-of day (see versionResolution.ts for the three modes). */
export function judge(resolution: Resolution, today: number): Judgement {
  if (resolution.mode === 'exact' || resolution.mode === 'line') {
    const end =
      resolution.mode === 'exact' ? (resolution.cycles[0]?.eol ?? true) : latestEnd(resolution.cycles);
    const status = statusOfEol(end, today);
    const eolDate = typeof end === 'string' ? end : null;
    // An open line may get releases the dataset does not know yet: do not claim its end.
    if (resolution.open && status === 'eol') return { status: 'unknown', eolDate: null };
    if (resolution.open && status === 'eol_soon') return { status: 'supported', eolDate };
    return { status, eolDate };
  }
  const statuses = new Set(resolution.cycles.map((c) => statusOfEol(c.eol, today)));
  if (statuses.size !== 1) return { status: 'unknown', eolDate: null };
  const end = latestEnd(resolution.cycles);
  return { status: [...statuses][0] as TechDebtStatus, eolDate: typeof end === 'string' ? end : null };
}

function finding(
  component: TechDebtComponent,
  product: string | null,
  version: string | null,
  judgement?: Judgement,
): TechDebtFinding {
  return {
    component,
    product,
    version,
    status: judgement?.status ?? 'unknown',
    eolDate: judgement?.eolDate ?? null,
  };
}

/** The version part of a text that may start with the product name ("Microsoft SQL Server 2014 SP3" → "2014 SP3"). */
function versionPart(text: string): string {
  const trimmed = text.trim();
  const firstDigit = trimmed.search(/\d/);
  return firstDigit > 0 && /\s/.test(trimmed.charAt(firstDigit - 1)) ? trimmed.slice(firstDigit) : trimmed;
}

function judgeProduct(
  component: TechDebtComponent,
  detected: DetectedProduct,
  versions: readonly string[],
  today: number,
  display?: string,
): TechDebtFinding {
  const stated = versions.find((v) => /\d/.test(v));
  const version = stated === undefined ? null : versionPart(stated);
  const product: LifecycleProduct | undefined =
    detected.key === null ? undefined : productByKey(detected.key);
  if (product === undefined || detected.key === null) return finding(component, detected.name, version);
  for (const text of versions) {
    if (text.trim() === '') continue;
    const resolution = resolveVersion(detected.key, product, text);
    if (resolution !== null)
      return finding(component, display ?? product.name, versionPart(text), judge(resolution, today));
  }
  return finding(component, display ?? product.name, version);
}

function osFinding(input: TechDebtInput, today: number): TechDebtFinding | null {
  const os = input.operatingSystem?.trim() ?? '';
  const osVersion = input.osVersion?.trim() ?? '';
  if (os === '' && osVersion === '') return null;
  const parsed = detectOs(os, osVersion);
  if (parsed.product === null) return finding('os', null, parsed.version);
  const key = osProductKey(parsed);
  const version = parsed.version ?? '';
  if (key === null) return finding('os', parsed.product, parsed.version);
  // The edition matters for Windows client cycles (Enterprise vs Pro, LTSC).
  const text = key === 'windows' && parsed.edition ? `${version} ${parsed.edition}` : version;
  const result = judgeProduct('os', { key, name: parsed.product }, [text], today);
  return { ...result, version: parsed.version };
}

function databaseFinding(input: TechDebtInput, today: number): TechDebtFinding | null {
  const engine = input.databaseEngine?.trim() ?? '';
  const version = input.databaseVersion?.trim() ?? '';
  if (engine === '' && version === '') return null;
  const detected = detectDatabase(engine);
  if (detected === null) return finding('database', null, version);
  return judgeProduct('database', detected, [version, engine], today);
}

const HYPERVISOR_ATTRIBUTE = /^(?:esxi?|host|hypervisor)[\s_-]*(?:version|build)$|esx\s*version/i;

function hypervisorFinding(input: TechDebtInput, today: number): TechDebtFinding | null {
  const platform = input.virtualizationPlatform?.trim() ?? '';
  const attribute =
    Object.entries(input.customAttributes ?? {})
      .find(([key]) => HYPERVISOR_ATTRIBUTE.test(key.trim()))?.[1]
      ?.trim() ?? '';
  const fromPlatform = detectHypervisor(platform);
  const fromAttribute = detectHypervisor(attribute);
  // RVTools puts the host's "ESX Version" in a custom column while the platform may just say "VMware".
  const detected = fromPlatform?.key
    ? fromPlatform
    : fromAttribute?.key
      ? fromAttribute
      : (fromPlatform ?? fromAttribute);
  if (detected === null) return null;
  const versionOf = (text: string) =>
    /\d+(?:\.\d+)*(?:\s*(?:u|update)\s*\d+)?/i.exec(text.replace(/build[-\s]*\d+/i, ''))?.[0] ?? '';
  const versions = [versionOf(platform), versionOf(attribute)].filter((v) => v !== '');
  if (detected.key === 'windows-server') {
    // Hyper-V is serviced with its Windows Server release: "Hyper-V Server 2019", "Hyper-V 2016".
    const year = /\b(2008(?:\s*r2)?|2012(?:\s*r2)?|2016|2019|2022|2025)\b/i.exec(
      `${platform} ${attribute}`,
    )?.[1];
    return judgeProduct('hypervisor', detected, year ? [year] : [], today, detected.name);
  }
  return judgeProduct('hypervisor', detected, versions, today);
}

function runtimeFindings(input: TechDebtInput, today: number): TechDebtFinding[] {
  const mentions = [
    ...detectRuntimesInAttributes(input.customAttributes ?? {}),
    ...detectRuntimes(input.description ?? ''),
  ];
  const seen = new Set<string>();
  const findings: TechDebtFinding[] = [];
  for (const mention of mentions) {
    const id = `${mention.product.name}\u0000${mention.version}`;
    if (seen.has(id)) continue;
    seen.add(id);
    findings.push(judgeProduct('runtime', mention.product, [mention.version], today));
  }
  return findings;
}

/**
 * Assesses an asset's tech debt as of a date (YYYY-MM-DD): one finding per component that has any
 * information, in the fixed order os, database, runtime(s), hypervisor. A component present but not
 * determinable (unknown product, or no matching cycle: "Windows", "Linux", "CentOS 4/5/6/7") is `unknown`
 * with what is known; a component with no information gives no finding.
 *
 * @throws InvalidAsOfDateError when `asOf` is not a real YYYY-MM-DD date.
 * @example assessTechDebt({ operatingSystem: 'Windows Server 2008 R2' }, '2026-11-26')
 *   // → [{ component: 'os', product: 'Windows Server', version: '2008 R2', status: 'eol', eolDate: '2020-01-14' }]
 */
export function assessTechDebt(asset: TechDebtInput, asOf: string): TechDebtFinding[] {
  const today = asOfDay(asOf);
  const findings: TechDebtFinding[] = [];
  const os = osFinding(asset, today);
  if (os !== null) findings.push(os);
  const database = databaseFinding(asset, today);
  if (database !== null) findings.push(database);
  findings.push(...runtimeFindings(asset, today));
  const hypervisor = hypervisorFinding(asset, today);
  if (hypervisor !== null) findings.push(hypervisor);
  return findings;
}
