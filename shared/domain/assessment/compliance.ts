/**
 * The compliance checker (the seed's compliance_checker_tool): finds regulated or sensitive data
 * from whatever sensitivity fields an export carries (custom attributes such as "Data Classification",
 * "PCI", "Contains PII", "HIPAA", "SOX", "GDPR", and tags) and unsupported software on such systems.
 */
import type { Asset } from '../assetSchema.ts';
import type { Application, ComplianceFinding, Severity } from './types.ts';

type Framework = ComplianceFinding['framework'];

interface Rule {
  framework: Framework;
  key: RegExp;
  token: RegExp;
  severity: Severity;
  requirement: string;
}

const RULES: Rule[] = [
  {
    framework: 'PCI DSS',
    key: /\bpci\b|cardholder|card data/i,
    token: /\bpci(-?dss)?\b|cardholder/i,
    severity: 'high',
    requirement:
      'Keep the cardholder-data environment segmented and in scope of a PCI DSS assessment on AWS.',
  },
  {
    framework: 'HIPAA',
    key: /hipaa|\bphi\b|protected health/i,
    token: /\bhipaa\b|\bphi\b/i,
    severity: 'high',
    requirement: 'Run only HIPAA-eligible services under a Business Associate Addendum; encrypt PHI.',
  },
  {
    framework: 'SOX',
    key: /\bsox\b|sarbanes|financial report/i,
    token: /\bsox\b|sarbanes/i,
    severity: 'medium',
    requirement: 'Preserve change-control and access evidence for SOX-relevant systems across the cutover.',
  },
  {
    framework: 'GDPR',
    key: /gdpr|personal data/i,
    token: /\bgdpr\b/i,
    severity: 'medium',
    requirement: 'Keep personal data in approved regions and record processing in the GDPR register.',
  },
  {
    framework: 'PII',
    key: /\bpii\b|personal(ly)? ident|personal info|sensitive personal/i,
    token: /\bpii\b/i,
    severity: 'medium',
    requirement: 'Encrypt PII at rest and in transit and restrict access with least privilege.',
  },
];

const FALSY = /^(n|no|false|0|none|n\/a|na|not applicable|out of scope|not in scope|-|unknown)$/i;
const CLASSIFICATION_KEY = /classification|sensitivity|confidentiality/i;
const CLASSIFICATION_LEVELS: [RegExp, Severity][] = [
  [/top secret|secret|restricted|highly confidential|strictly confidential/i, 'high'],
  [/confidential|sensitive|private/i, 'medium'],
  [/internal/i, 'low'],
];

/**
 * Finds compliance obligations and gaps for an application: one finding per framework (with the
 * assets and fields that raised it), data classification at its highest level, and end-of-life
 * software, which is rated higher when the application also holds regulated data.
 */
export function checkCompliance(app: Application): ComplianceFinding[] {
  const found = new Map<string, ComplianceFinding>();
  const note = (
    framework: Framework,
    severity: Severity,
    requirement: string,
    asset: Asset,
    ev: string,
  ): void => {
    const f = found.get(framework) ?? {
      framework,
      severity,
      description: '',
      requirement,
      evidence: [],
      assetIds: [],
    };
    if (rank(severity) > rank(f.severity)) f.severity = severity;
    if (f.evidence.length < 5 && !f.evidence.includes(ev)) f.evidence.push(ev);
    if (!f.assetIds.includes(asset.assetId)) f.assetIds.push(asset.assetId);
    found.set(framework, f);
  };
  for (const asset of app.assets) {
    for (const [k, raw] of Object.entries(asset.customAttributes ?? {})) {
      const v = raw.trim();
      if (!v || FALSY.test(v)) continue;
      const ev = `${asset.name}: ${k} = ${v.slice(0, 60)}`;
      if (CLASSIFICATION_KEY.test(k)) {
        const level = CLASSIFICATION_LEVELS.find(([re]) => re.test(v));
        if (level) {
          note(
            'Data classification',
            level[1],
            'Apply the classification’s encryption, access and residency controls in the target account.',
            asset,
            ev,
          );
        }
      }
      for (const r of RULES) {
        if (r.key.test(k) || r.token.test(v)) note(r.framework, r.severity, r.requirement, asset, ev);
      }
    }
    for (const tag of asset.tags ?? []) {
      for (const r of RULES)
        if (r.token.test(tag))
          note(r.framework, r.severity, r.requirement, asset, `${asset.name}: tag ${tag}`);
    }
  }
  const regulated = found.size > 0;
  for (const asset of app.assets) {
    for (const t of asset.techDebt) {
      if (t.status !== 'eol') continue;
      const label = [t.product, t.version].filter(Boolean).join(' ') || t.component;
      note(
        'Supported software',
        regulated ? 'high' : 'medium',
        'Unsupported software gets no security patches: upgrade before or during the migration.',
        asset,
        `${asset.name}: ${label} end of support ${t.eolDate ?? 'passed'}`,
      );
    }
  }
  for (const f of found.values()) f.description = describe(f);
  return [...found.values()].sort(
    (a, b) => rank(b.severity) - rank(a.severity) || (a.framework < b.framework ? -1 : 1),
  );
}

function describe(f: ComplianceFinding): string {
  const n = f.assetIds.length;
  const on = `${n} asset${n === 1 ? '' : 's'}`;
  if (f.framework === 'Supported software') return `End-of-support software on ${on}.`;
  if (f.framework === 'Data classification') return `Classified data (${f.severity} sensitivity) on ${on}.`;
  return `${f.framework}-relevant data or processing on ${on}.`;
}

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };
/** Orders severities (low < medium < high < critical). */
export function rank(s: Severity): number {
  return RANK[s];
}
