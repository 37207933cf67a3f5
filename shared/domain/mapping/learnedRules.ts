/**
 * Tenant learning: corrections and rejections a tenant taught the matcher,
 * keyed by the normalised header so every spelling of a header benefits.
 */
import { ASSET_FIELD_NAMES, type CanonicalField, CONNECTION_FIELD_NAMES } from '#domain/assetSchema.ts';
import type { LearnedRule } from '#domain/tableTypes.ts';
import { InvalidLearnedRuleError } from './errors.ts';
import { normalizeHeader } from './headerNormalizer.ts';

const KNOWN: ReadonlySet<string> = new Set<string>([...ASSET_FIELD_NAMES, ...CONNECTION_FIELD_NAMES]);

/** Learned rules indexed for lookup by normalised header. */
export interface CompiledRules {
  /** Normalised header -> corrected target (null: maps to nothing). The last correction wins. */
  readonly corrections: ReadonlyMap<string, CanonicalField | null>;
  /** Normalised header -> targets it must never map to. */
  readonly rejections: ReadonlyMap<string, ReadonlySet<CanonicalField>>;
}

/**
 * Validate and index learned rules.
 * @throws InvalidLearnedRuleError when a rule has an unknown kind or a target that is no canonical field.
 */
export function compileLearnedRules(rules: readonly LearnedRule[]): CompiledRules {
  const corrections = new Map<string, CanonicalField | null>();
  const rejections = new Map<string, Set<CanonicalField>>();
  for (const rule of rules) {
    if (rule.target !== null && !KNOWN.has(rule.target)) {
      throw new InvalidLearnedRuleError(
        `learned rule for "${rule.header}" targets unknown field "${rule.target}"`,
      );
    }
    const key = normalizeHeader(rule.header);
    if (rule.kind === 'correction') {
      corrections.set(key, rule.target);
    } else if (rule.kind === 'rejection') {
      if (rule.target === null) continue;
      const set = rejections.get(key) ?? new Set<CanonicalField>();
      set.add(rule.target);
      rejections.set(key, set);
    } else {
      throw new InvalidLearnedRuleError(
        `learned rule for "${rule.header}" has unknown kind "${String(rule.kind)}"`,
      );
    }
  }
  return { corrections, rejections };
}

/**
 * A mapping proposed for one header from what the tenant taught about a similar header (agent
 * memory): weaker than an exact learned rule, so its confidence stays below it.
 */
export interface MappingProposal {
  /** The header of the column the proposal is for. */
  readonly header: string;
  readonly target: CanonicalField | null;
  /** 0..1, below the exact learned rule's confidence. */
  readonly confidence: number;
  /** Names the remembered correction, shown in the review screen. */
  readonly reason: string;
}

/**
 * Valid proposals indexed by normalised header, strongest first (unknown targets are dropped:
 * a memory may be older than the schema).
 */
export function proposalsByHeader(
  proposals: readonly MappingProposal[],
): ReadonlyMap<string, readonly (MappingProposal & { target: CanonicalField | null })[]> {
  const byHeader = new Map<string, MappingProposal[]>();
  for (const p of proposals) {
    if (p.target !== null && !KNOWN.has(p.target)) continue;
    if (!Number.isFinite(p.confidence) || p.confidence <= 0) continue;
    const key = normalizeHeader(p.header);
    byHeader.set(key, [...(byHeader.get(key) ?? []), { ...p, confidence: Math.min(1, p.confidence) }]);
  }
  for (const list of byHeader.values()) list.sort((a, b) => b.confidence - a.confidence);
  return byHeader;
}
