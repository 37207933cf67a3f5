/**
 * The scoring model: weighted token overlap between a header and each field's
 * vocabulary (with head-noun logic and negative tokens), adjusted by what the
 * values look like. Produces ranked candidate fields per column.
 */
import type { CanonicalField } from '#domain/assetSchema.ts';
import type { HeaderAnalysis } from './headerNormalizer.ts';
import { judgeValues, looksBoolean, type ValueStats, type ValueVerdict } from './valueProfile.ts';
import { BENIGN, type FieldVocabulary, type HeaderPattern } from './vocabulary.ts';

/** A field a column might map to, with the evidence. */
export interface Candidate {
  readonly field: CanonicalField;
  /** Calibrated 0..1 score: the confidence the mapping is right. */
  readonly score: number;
  /** What the header alone said (0 for value-only proposals). */
  readonly headerScore: number;
  readonly verdict: ValueVerdict;
  readonly reason: string;
}

interface HeaderMatch {
  readonly score: number;
  readonly pattern: HeaderPattern;
  readonly coverage: number;
}

/** Score of the best pattern of one field against a header or any of its readings, or undefined. */
export function matchHeader(a: HeaderAnalysis, vocab: FieldVocabulary): HeaderMatch | undefined {
  let best = matchTokens(a.tokens, a, vocab);
  for (const view of a.views) {
    const m = matchTokens(view, a, vocab);
    if (m && (!best || m.score > best.score)) best = m;
  }
  return best;
}

function matchTokens(
  tokens: readonly string[],
  a: HeaderAnalysis,
  vocab: FieldVocabulary,
): HeaderMatch | undefined {
  if (tokens.length === 0 || !tokens.some((t) => vocab.anchors.has(t))) return undefined;
  const present = new Set(tokens);
  let best: HeaderMatch | undefined;
  for (const pattern of vocab.patterns) {
    if (pattern.needsUnit && !a.unit) continue;
    if (!pattern.tokens.every((t) => present.has(t))) continue;
    // A negative the pattern itself names does not veto it ("Local Address:Port" is an address and a port).
    if (tokens.some((t) => vocab.negatives.has(t) && !pattern.tokens.includes(t))) continue;
    const explains = (t: string) =>
      pattern.tokens.includes(t) || vocab.modifiers.has(t) || vocab.soft.has(t) || BENIGN.has(t);
    const explained = tokens.filter(explains).length;
    const coverage = explained / tokens.length;
    let factor = coverage >= 1 ? 1 : 0.2 + 0.6 * coverage * coverage;
    // Head-noun logic: in English noun phrases the last word says what the column is.
    if (!explains(tokens[tokens.length - 1] as string)) factor *= 0.7;
    const softCount = tokens.filter((t) => vocab.soft.has(t) && !pattern.tokens.includes(t)).length;
    const score = pattern.weight * factor - 0.12 * softCount;
    if (!best || score > best.score) best = { score, pattern, coverage };
  }
  return best;
}

/** Confirming values lift a score in proportion to the header evidence: values alone prove little. */
function adjustForValues(score: number, verdict: ValueVerdict): number {
  if (verdict === 'confirm') return score + (1 - score) * 0.35 * score;
  if (verdict === 'conflict') return score * 0.3;
  return score;
}

const VERDICT_TEXT: Record<ValueVerdict, string> = {
  confirm: 'values confirm',
  neutral: 'values neither confirm nor contradict',
  conflict: 'values contradict',
};

/** Words that put a column on the target side of a migration ("Recommendation.EC2.*", "UserPreference.Region"). */
const ABOUT_TARGET: ReadonlySet<string> = new Set([
  'recommendation',
  'recommended',
  'preference',
  'suggested',
]);
/** Fields that hold one place per asset. */
const SINGLE_PLACE: ReadonlySet<CanonicalField> = new Set<CanonicalField>([
  'hypervisorHost',
  'cluster',
  'datacenter',
]);

/** Score every field of a vocabulary for one column, best first. */
export function scoreColumn(
  a: HeaderAnalysis,
  values: ValueStats,
  vocabulary: readonly FieldVocabulary[],
  kind: 'assets' | 'connections',
): Candidate[] {
  const out: Candidate[] = [];
  // Sizing recommendations and user preferences describe the target, not the asset as it is.
  if (kind === 'assets' && [a.tokens, ...a.views].some((t) => t.some((w) => ABOUT_TARGET.has(w)))) return out;
  const penaliseOrdinal = kind === 'assets';
  const flag = looksBoolean(values) && values.count >= 2;
  // "Disk" holding "100 GB": the values name the unit the header leaves out.
  const sized: HeaderAnalysis =
    !a.unit && values.sizeWithUnit >= 0.8 && values.count >= 2 ? { ...a, unit: 'GB' } : a;
  for (const vocab of vocabulary) {
    const match = matchHeader(sized, vocab);
    if (!match || match.score <= 0.05) continue;
    let verdict = judgeValues(vocab.expect, values);
    if (flag && vocab.expect !== 'count') verdict = 'conflict';
    // "esx01, esx02" lists several hosts (a datastore's hosts), not the one the asset runs on.
    if (SINGLE_PLACE.has(vocab.field) && values.listLike >= 0.5) verdict = 'conflict';
    // A bare "Label" or "Category" is a tag only when its values look like tags ("env:prod", "pci, finance").
    if (
      vocab.field === 'tags' &&
      (a.tokens.join(' ') === 'label' || a.tokens.join(' ') === 'category') &&
      values.keyValue < 0.5 &&
      values.listLike < 0.5
    )
      verdict = 'conflict';
    // A "status"/"state" column holding power states is the power state; one holding
    // environment names (Oracle EM "Lifecycle Status": Production, Test) is the environment.
    if (vocab.field === 'status' && (values.power >= 0.7 || values.environment >= 0.7)) verdict = 'conflict';
    // One holding run-time states ("up"/"down", "ACTIVE"/"SHUTOFF") is a monitor's view, not a lifecycle.
    if (vocab.field === 'status' && values.runState >= 0.5 && values.count >= 2) verdict = 'conflict';
    // Company names ("ACME Corp") and tenant GUIDs are not departments.
    if (vocab.field === 'department' && (values.company >= 0.5 || values.uuid >= 0.5)) verdict = 'conflict';
    // A "type" column naming hypervisors ("VMware", "Hyper-V") is the virtualization platform.
    if (vocab.field === 'assetType' && values.virtualization >= 0.7 && values.assetType < 0.5)
      verdict = 'conflict';
    let score = adjustForValues(match.score, verdict);
    // "Disk 1 size" is one of several disks, not the server's total.
    if (penaliseOrdinal && a.ordinal) score *= 0.5;
    const exact = match.coverage >= 1 ? 'header matches' : 'header partly matches';
    out.push({
      field: vocab.field,
      score: Math.min(0.99, score),
      headerScore: match.score,
      verdict,
      reason: `${exact} "${match.pattern.tokens.join(' ')}"; ${VERDICT_TEXT[verdict]}${
        penaliseOrdinal && a.ordinal ? '; numbered column, one of several' : ''
      }`,
    });
  }
  if (kind === 'assets') out.push(...valueProposals(a, values, out));
  else out.push(...connectionValueProposals(values, out));
  return out.sort((x, y) => y.score - x.score);
}

/**
 * Value-only proposal for connection files: a column whose values are all transport
 * protocol names ("tcp", "udp": ss "Netid") is the protocol when its header names no field.
 */
function connectionValueProposals(values: ValueStats, existing: readonly Candidate[]): Candidate[] {
  if (existing.some((c) => c.score >= 0.5) || values.count < 2 || values.numeric > 0) return [];
  if (values.protocol < 1) return [];
  return [
    {
      field: 'protocol',
      score: 0.6,
      headerScore: 0,
      verdict: 'confirm',
      reason: 'values are transport protocol names (tcp, udp)',
    },
  ];
}

/**
 * Value-only proposals for vague headers: power states under a "status" header,
 * OS names or environment names under a header that names no field.
 */
function valueProposals(a: HeaderAnalysis, values: ValueStats, existing: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const has = (f: CanonicalField) => existing.some((c) => c.field === f && c.verdict !== 'conflict');
  const strongElsewhere = existing.some((c) => c.score >= 0.8);
  const tokens = new Set(a.tokens);
  if (!has('powerState') && (tokens.has('status') || tokens.has('state')) && values.power >= 0.7) {
    out.push({
      field: 'powerState',
      score: tokens.size <= 2 ? 0.78 : 0.6,
      headerScore: 0,
      verdict: 'confirm',
      reason: 'a status column whose values are power states (running/stopped)',
    });
  }
  if (!has('operatingSystem') && !strongElsewhere && values.os >= 0.7 && values.count >= 2) {
    out.push({
      field: 'operatingSystem',
      score: 0.62,
      headerScore: 0,
      verdict: 'confirm',
      reason: 'values are operating system names',
    });
  }
  if (!has('environment') && !strongElsewhere && values.environment >= 0.7 && values.count >= 2) {
    out.push({
      field: 'environment',
      score: 0.62,
      headerScore: 0,
      verdict: 'confirm',
      reason: 'values are environment names (production, development, test...)',
    });
  }
  return out;
}
