/**
 * The facts about one application that the strategy, cost and risk engines all reason from, computed
 * once: sizes, platforms, end-of-life components, utilisation, lifecycle, criticality, VMware, and
 * commodity (SaaS-replaceable) signals. Every fact keeps the words and numbers a rationale can quote.
 */
import type { Asset, TechDebtFinding } from '../assetSchema.ts';
import { criticalityRank, isDecommissioned, parseCriticality } from './criteria.ts';
import type { Application, ApplicationTraits, Criticality } from './types.ts';

/** End-of-life components of one kind, grouped by product and version. */
export interface EolGroup {
  component: TechDebtFinding['component'];
  label: string;
  status: 'eol' | 'eol_soon';
  eolDate: string | null;
  assets: string[];
}

/** A platform AWS cannot run as is (no x86 equivalent). */
export interface LegacyPlatform {
  kind: 'unix' | 'mainframe' | 'ibm_i' | 'other_legacy';
  label: string;
  assets: string[];
}

export interface AppFacts {
  servers: number;
  hosts: Asset[];
  databases: Asset[];
  storageGb: number;
  databaseSizeGb: number;
  osLabels: string[];
  windows: number;
  eol: EolGroup[];
  legacy: LegacyPlatform[];
  cpuAvg: number | null;
  memAvg: number | null;
  utilSamples: number;
  poweredOff: number;
  decommissioned: { count: number; statuses: string[] };
  criticality: Criticality;
  criticalityFromData: boolean;
  vmware: number;
  commodity: { label: string; saas: string; weight: number; evidence: string } | null;
  licensed: string[];
  production: boolean;
}

const HOST_TYPES = new Set(['server', 'virtual_machine', 'other', 'container']);

const LEGACY_PATTERNS: { kind: LegacyPlatform['kind']; re: RegExp; label: string }[] = [
  { kind: 'unix', re: /\baix\b/i, label: 'IBM AIX' },
  { kind: 'unix', re: /solaris|sunos|sparc/i, label: 'Oracle Solaris' },
  { kind: 'unix', re: /hp-?ux/i, label: 'HP-UX' },
  { kind: 'unix', re: /tru64|irix/i, label: 'legacy Unix' },
  {
    kind: 'mainframe',
    re: /z\/os|\bzos\b|mainframe|os\/390|\bmvs\b|z\/vm|z\/vse/i,
    label: 'IBM mainframe (z/OS)',
  },
  { kind: 'ibm_i', re: /\bibm\s*i\b|as\/?400|os\/400|i5\/os|iseries/i, label: 'IBM i (AS/400)' },
  { kind: 'other_legacy', re: /openvms|\bvms\b|\bnonstop\b|tandem/i, label: 'OpenVMS/NonStop' },
];

const COMMODITY: { re: RegExp; label: string; saas: string; weight: number }[] = [
  {
    re: /\b(ms|microsoft)\s+exchange\b|\bexchange\s+(server|online|20\d\d)\b|^exchange$/i,
    label: 'Microsoft Exchange',
    saas: 'Exchange Online',
    weight: 3.5,
  },
  { re: /\bsharepoint\b/i, label: 'SharePoint', saas: 'SharePoint Online', weight: 3.5 },
  { re: /\blotus\s+notes\b|\bdomino\b/i, label: 'Lotus Notes/Domino', saas: 'a SaaS mail suite', weight: 3 },
  {
    re: /\bcrm\b|dynamics\s+crm|\bsiebel\b|customer relationship/i,
    label: 'CRM',
    saas: 'Salesforce or Dynamics 365',
    weight: 3,
  },
  {
    re: /\be-?mail\b|\bmail\s*server\b|\bwebmail\b/i,
    label: 'email',
    saas: 'a SaaS mail service',
    weight: 3,
  },
  {
    re: /\bhris\b|\bhcm\b|\bpayroll\b|human resources/i,
    label: 'HR/payroll',
    saas: 'Workday or SuccessFactors',
    weight: 3,
  },
  { re: /\bHR\b/, label: 'HR', saas: 'Workday or SuccessFactors', weight: 2 },
  {
    re: /\bticketing\b|help\s?desk|service\s?desk|\bitsm\b|\bremedy\b/i,
    label: 'ticketing/service desk',
    saas: 'ServiceNow or Jira Service Management',
    weight: 3,
  },
  { re: /\berp\b/i, label: 'ERP', saas: 'a SaaS ERP', weight: 2 },
];

const CUSTOM_KEY_FOR_PRODUCT =
  /app|software|product|category|type|service|function|purpose|role|description/i;

/** Computes the facts of an application. */
export function applicationFacts(app: Application, defaultCriticality: Criticality): AppFacts {
  const hosts = app.assets.filter((a) => HOST_TYPES.has(a.assetType));
  const databases = app.assets.filter((a) => a.assetType === 'database' || !!a.databaseEngine);
  let storageGb = 0;
  let databaseSizeGb = 0;
  let cpuSum = 0;
  let cpuN = 0;
  let memSum = 0;
  let memN = 0;
  let poweredOff = 0;
  let vmware = 0;
  let windows = 0;
  let production = false;
  const statuses = new Set<string>();
  let decomCount = 0;
  let crit: Criticality | null = null;
  const osLabels = new Set<string>();
  const licensed = new Set<string>();
  const legacy = new Map<string, LegacyPlatform>();
  const eol = new Map<string, EolGroup>();
  for (const a of app.assets) {
    storageGb += a.storageGb ?? 0;
    databaseSizeGb += a.databaseSizeGb ?? 0;
    if (HOST_TYPES.has(a.assetType)) {
      if (typeof a.cpuUtilizationPct === 'number') {
        cpuSum += a.cpuUtilizationPct;
        cpuN++;
      }
      if (typeof a.memoryUtilizationPct === 'number') {
        memSum += a.memoryUtilizationPct;
        memN++;
      }
      if (a.powerState && /off|stopped|suspended/i.test(a.powerState)) poweredOff++;
    }
    const os = [a.operatingSystem, a.osVersion].filter(Boolean).join(' ');
    if (os) osLabels.add(os);
    if (/windows/i.test(os)) windows++;
    if (/windows/i.test(os)) licensed.add('Windows Server');
    if (/sql\s*server|mssql/i.test(a.databaseEngine ?? '')) licensed.add('SQL Server');
    if (/oracle/i.test(a.databaseEngine ?? '')) licensed.add('Oracle Database');
    if (/db2/i.test(a.databaseEngine ?? '')) licensed.add('Db2');
    if (os) {
      for (const p of LEGACY_PATTERNS) {
        if (p.re.test(os)) {
          const lp = legacy.get(p.label) ?? { kind: p.kind, label: p.label, assets: [] };
          lp.assets.push(a.name);
          legacy.set(p.label, lp);
          break;
        }
      }
    }
    const virt = [a.virtualizationPlatform, a.hypervisorHost, a.cluster].filter(Boolean).join(' ');
    const hvDebt = a.techDebt.some(
      (t) => t.component === 'hypervisor' && /vmware|esx|vsphere/i.test(t.product ?? ''),
    );
    if (/vmware|vsphere|esx/i.test(virt) || hvDebt) vmware++;
    if (a.environment && /prod/i.test(a.environment) && !/non-?prod|pre-?prod/i.test(a.environment)) {
      production = true;
    }
    if (isDecommissioned(a.status)) {
      decomCount++;
      statuses.add((a.status ?? '').trim());
    }
    const c = parseCriticality(a.businessCriticality);
    if (c && (!crit || criticalityRank(c) > criticalityRank(crit))) crit = c;
    for (const t of a.techDebt) {
      if (t.status !== 'eol' && t.status !== 'eol_soon') continue;
      const label = [t.product, t.version].filter(Boolean).join(' ') || t.component;
      const k = `${t.component}|${label}|${t.status}`;
      const g = eol.get(k) ?? {
        component: t.component,
        label,
        status: t.status,
        eolDate: t.eolDate,
        assets: [],
      };
      g.assets.push(a.name);
      eol.set(k, g);
    }
  }
  return {
    servers: hosts.length,
    hosts,
    databases,
    storageGb,
    databaseSizeGb,
    osLabels: [...osLabels].sort(),
    windows,
    eol: [...eol.values()].sort((x, y) => y.assets.length - x.assets.length || (x.label < y.label ? -1 : 1)),
    legacy: [...legacy.values()],
    cpuAvg: cpuN ? cpuSum / cpuN : null,
    memAvg: memN ? memSum / memN : null,
    utilSamples: Math.max(cpuN, memN),
    poweredOff,
    decommissioned: { count: decomCount, statuses: [...statuses].sort() },
    criticality: crit ?? defaultCriticality,
    criticalityFromData: crit !== null,
    vmware,
    commodity: detectCommodity(app),
    licensed: [...licensed].sort(),
    production,
  };
}

function detectCommodity(app: Application): AppFacts['commodity'] {
  const texts: string[] = app.unnamed ? [] : [app.name];
  for (const a of app.assets) {
    if (a.description) texts.push(a.description);
    for (const t of a.tags ?? []) texts.push(t);
    for (const [k, v] of Object.entries(a.customAttributes ?? {})) {
      if (CUSTOM_KEY_FOR_PRODUCT.test(k) && v) texts.push(v);
    }
  }
  for (const c of COMMODITY) {
    const hit = texts.find((t) => c.re.test(t));
    if (hit) return { label: c.label, saas: c.saas, weight: c.weight, evidence: hit.slice(0, 80) };
  }
  return null;
}

/** Summarises an application's traits for decision-history similarity. */
export function traitsOf(facts: AppFacts): ApplicationTraits {
  const first = facts.legacy[0];
  const os = facts.osLabels.join(' ');
  const engine = facts.databases.map((d) => d.databaseEngine).find(Boolean) ?? null;
  return {
    platform: first ? first.kind : 'x86',
    osFamily: /windows/i.test(os)
      ? 'windows'
      : /linux|rhel|red hat|ubuntu|centos|suse|debian|oracle linux|amazon linux/i.test(os)
        ? 'linux'
        : first?.kind === 'unix'
          ? 'unix'
          : os
            ? 'other'
            : 'unknown',
    databaseEngine: engine ? engine.toLowerCase() : null,
    eolOs: facts.eol.some((e) => e.component === 'os' && e.status === 'eol'),
    eolDatabase: facts.eol.some((e) => e.component === 'database' && e.status === 'eol'),
    criticality: facts.criticality,
    size: facts.servers <= 2 ? 'small' : facts.servers <= 10 ? 'medium' : 'large',
    commodity: facts.commodity !== null,
    vmware: facts.vmware > 0,
  };
}
