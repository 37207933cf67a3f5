/**
 * The rule-based field matcher: maps each column of an upload onto the
 * canonical schema, one column per target, with a calibrated confidence, a
 * unit for size columns and a short reason a reviewer can check.
 */
import { ASSET_FIELD_NAMES, type CanonicalField, CONNECTION_FIELD_NAMES } from '#domain/assetSchema.ts';
import type { ColumnProfile, FieldMapping, LearnedRule, MappingResult } from '#domain/tableTypes.ts';
import { ASSET_VOCABULARY } from './assetVocabulary.ts';
import { readCapacityPairs } from './capacityPairs.ts';
import { CONNECTION_VOCABULARY } from './connectionVocabulary.ts';
import { detectKind } from './fileKind.ts';
import { analyzeHeader, type HeaderAnalysis } from './headerNormalizer.ts';
import { compileLearnedRules, type MappingProposal, proposalsByHeader } from './learnedRules.ts';
import { releasePerSocketCores, resolveCpuCount } from './processorContext.ts';
import { type Candidate, scoreColumn } from './scoring.ts';
import {
  type MappingDecision,
  promoteDiskTableSize,
  promoteMemorySheetSize,
  readAsDatabaseTable,
} from './tableContext.ts';
import { detectSizeUnit } from './units.ts';
import { profileValues, type ValueStats } from './valueProfile.ts';
import { SIZE_FIELDS } from './vocabulary.ts';

/** Options of mapColumns. */
export interface MapColumnsOptions {
  /** The tenant's learned corrections and rejections. */
  readonly learned?: readonly LearnedRule[];
  /** Emit a target only at or above this confidence (default 0.5): a wrong mapping is worse than none. */
  readonly minConfidence?: number;
  /**
   * Learned proposals for headers that resemble ones the tenant corrected (from agent memory):
   * used only for columns without an exact learned rule, never for a pair the tenant rejected,
   * and winning over the rules only with a higher confidence.
   */
  readonly proposals?: readonly MappingProposal[];
}

/** Confidence given to a tenant's own correction. */
const LEARNED_CONFIDENCE = 0.99;

interface Column {
  readonly profile: ColumnProfile;
  readonly position: number;
  readonly analysis: HeaderAnalysis;
  readonly values: ValueStats;
  readonly candidates: readonly Candidate[];
}

type Decision = MappingDecision;

/**
 * Map the columns of one file onto the canonical schema of its detected kind.
 * Returns one mapping per column, in input order; columns without a canonical
 * meaning get `target: null` and stay custom attributes.
 */
export function mapColumns(
  columns: readonly ColumnProfile[],
  options: MapColumnsOptions = {},
): MappingResult {
  const minConfidence = options.minConfidence ?? 0.5;
  const rules = compileLearnedRules(options.learned ?? []);
  const analysed = columns.map((profile) => ({
    profile,
    analysis: analyzeHeader(profile.header),
    values: profileValues(profile),
  }));
  const { kind } = detectKind(analysed);
  const vocabulary = kind === 'assets' ? ASSET_VOCABULARY : CONNECTION_VOCABULARY;
  const allowed: ReadonlySet<string> = new Set<string>(
    kind === 'assets' ? ASSET_FIELD_NAMES : CONNECTION_FIELD_NAMES,
  );

  const directional = kind === 'connections' && analysed.some((c) => recordsDirection(c.analysis, c.profile));
  const prepared: Column[] = analysed.map(({ profile, analysis, values }, position) => {
    const rejected = rules.rejections.get(analysis.words.join(' '));
    const candidates = scoreColumn(analysis, values, vocabulary, kind).filter(
      (c) => !rejected?.has(c.field) && !(directional && undirectedEndpoint(analysis, c.field)),
    );
    return { profile, position, analysis, values, candidates };
  });

  const decisions = new Map<number, Decision>();
  const owner = new Map<CanonicalField, number>();

  // Tenant corrections decide first and win the one-to-one assignment.
  for (const column of prepared) {
    const key = column.analysis.words.join(' ');
    if (!rules.corrections.has(key)) continue;
    const target = rules.corrections.get(key) ?? null;
    if (target === null) {
      decisions.set(column.position, {
        target: null,
        confidence: LEARNED_CONFIDENCE,
        method: 'learned',
        reason: 'tenant correction: this header maps to nothing',
      });
    } else if (allowed.has(target) && !owner.has(target)) {
      owner.set(target, column.position);
      decisions.set(column.position, {
        target,
        confidence: LEARNED_CONFIDENCE,
        method: 'learned',
        reason: `tenant correction: this header maps to ${target}`,
      });
    }
  }

  // Proposals learned from similar corrected headers compete with the rules on confidence.
  const proposed = proposalsByHeader(options.proposals ?? []);
  const learnedCandidates = prepared.flatMap((column) => {
    const key = column.analysis.words.join(' ');
    if (rules.corrections.has(key) || decisions.has(column.position)) return [];
    const rejected = rules.rejections.get(key);
    const best = column.candidates[0]?.score ?? 0;
    return (proposed.get(key) ?? []).flatMap((p) => {
      if (p.target === null) {
        if (p.confidence > best && p.confidence >= minConfidence)
          decisions.set(column.position, {
            target: null,
            confidence: p.confidence,
            method: 'learned',
            reason: p.reason,
          });
        return [];
      }
      if (!allowed.has(p.target) || rejected?.has(p.target)) return [];
      return [{ column, candidate: learnedCandidate(p, p.target), learned: true }];
    });
  });

  // One column per target: strongest evidence first; ties go to the fuller, then the leftmost column.
  const ranked = [
    ...prepared.flatMap((column) =>
      column.candidates.map((candidate) => ({ column, candidate, learned: false })),
    ),
    ...learnedCandidates,
  ]
    .filter(({ candidate }) => candidate.score >= minConfidence)
    .sort(
      (x, y) =>
        y.candidate.score - x.candidate.score ||
        y.column.profile.fillRate - x.column.profile.fillRate ||
        x.column.position - y.column.position,
    );
  for (const { column, candidate, learned } of ranked) {
    if (decisions.has(column.position) || owner.has(candidate.field)) continue;
    owner.set(candidate.field, column.position);
    decisions.set(column.position, {
      target: candidate.field,
      confidence: learned ? candidate.score : calibrate(candidate, column.candidates),
      method: learned ? 'learned' : 'rules',
      reason: candidate.reason,
    });
  }

  promoteLoneHost(prepared, decisions, owner);
  promoteHostnameToName(prepared, decisions, owner);
  if (kind === 'assets') promoteMemorySheetSize(prepared, decisions, owner);
  if (kind === 'assets') readAsDatabaseTable(prepared, decisions, owner);
  if (kind === 'assets') readCapacityPairs(prepared, decisions, owner);
  if (kind === 'assets') promoteDiskTableSize(prepared, decisions, owner);
  if (kind === 'assets') releasePerSocketCores(prepared, decisions, owner);
  if (kind === 'assets') resolveCpuCount(prepared, decisions, owner);

  const mappings: FieldMapping[] = prepared.map((column) => {
    const decision = decisions.get(column.position) ?? unmapped(column, owner, prepared, minConfidence);
    const base: FieldMapping = {
      source: column.profile.header,
      target: decision.target,
      confidence: round(decision.confidence),
      method: decision.method,
      reason: decision.reason,
    };
    if (decision.target !== null && (SIZE_FIELDS as ReadonlySet<string>).has(decision.target)) {
      const guess = detectSizeUnit(decision.target, column.analysis.unit, column.values);
      return { ...base, unit: guess.unit, reason: `${base.reason}; unit ${guess.unit} from ${guess.from}` };
    }
    return base;
  });
  return { kind, mappings };
}

const ENDPOINT_FIELD = /^(source|destination)(Host|Ip|Port|Application|Process)$/;
const DIRECTION_VALUES = /^(in|out|inbound|outbound|ingress|egress|incoming|outgoing)$/i;

/** A "Direction" column (inbound/outbound): the file records each connection from the monitored machine's side. */
function recordsDirection(a: HeaderAnalysis, profile: ColumnProfile): boolean {
  if (!a.tokens.includes('direction')) return false;
  const filled = profile.samples.map((s) => String(s).trim()).filter((s) => s.length > 0);
  return filled.length > 0 && filled.every((s) => DIRECTION_VALUES.test(s));
}

/**
 * In a file that records direction, a column naming no end ("Computer", "ProcessName")
 * is the local end, which is the source of outbound rows and the destination of
 * inbound ones: it is neither field.
 */
function undirectedEndpoint(a: HeaderAnalysis, field: CanonicalField): boolean {
  if (!ENDPOINT_FIELD.test(field)) return false;
  const named = (tokens: readonly string[]) =>
    tokens.some((t) => t === 'source' || t === 'destination' || t === 'target');
  return !named(a.tokens) && !a.views.some(named);
}

/** A learned proposal as a ranking candidate (its confidence is already calibrated by similarity). */
function learnedCandidate(p: MappingProposal, field: CanonicalField): Candidate {
  return {
    field,
    score: Math.min(p.confidence, LEARNED_CONFIDENCE - 0.01),
    headerScore: 0,
    verdict: 'neutral',
    reason: p.reason,
  };
}

/** Lower the confidence when another field was nearly as likely for the same column. */
function calibrate(chosen: Candidate, all: readonly Candidate[]): number {
  const rival = all.find((c) => c.field !== chosen.field);
  if (!rival) return chosen.score;
  const gap = chosen.score - rival.score;
  return gap >= 0.1 ? chosen.score : chosen.score - (0.1 - Math.max(0, gap)) * 0.5;
}

/**
 * "Host" names the ESXi host when the file also names the VM; in a host
 * inventory (RVTools vHost) with no other name column it names the asset itself.
 */
function promoteLoneHost(
  prepared: readonly Column[],
  decisions: Map<number, Decision>,
  owner: Map<CanonicalField, number>,
): void {
  const hostColumn = owner.get('hypervisorHost');
  if (hostColumn === undefined || owner.has('name')) return;
  const column = prepared[hostColumn];
  if (column?.analysis.tokens.join(' ') !== 'host') return;
  const otherName = prepared.some(
    (c) => c.position !== hostColumn && c.candidates.some((x) => x.field === 'name' && x.score >= 0.5),
  );
  if (otherName) return;
  const decision = decisions.get(hostColumn);
  if (decision?.method !== 'rules') return;
  owner.delete('hypervisorHost');
  owner.set('name', hostColumn);
  decisions.set(hostColumn, {
    ...decision,
    target: 'name',
    reason: 'no other column names the asset, so "Host" is the asset itself (a host inventory)',
  });
}

/**
 * Every asset needs a name: when no column names the asset but one holds its
 * host name ("Computer Name", "HostName"), that column is the name.
 */
function promoteHostnameToName(
  prepared: readonly Column[],
  decisions: Map<number, Decision>,
  owner: Map<CanonicalField, number>,
): void {
  const position = owner.get('hostname');
  if (position === undefined || owner.has('name')) return;
  const decision = decisions.get(position);
  if (decision?.method !== 'rules' || !prepared[position]) return;
  owner.delete('hostname');
  owner.set('name', position);
  decisions.set(position, {
    ...decision,
    target: 'name',
    reason: `${decision.reason}; no other column names the asset, so the host name is its name`,
  });
}

function unmapped(
  column: Column,
  owner: ReadonlyMap<CanonicalField, number>,
  prepared: readonly Column[],
  min: number,
): Decision {
  const best = column.candidates[0];
  if (!best) {
    return {
      target: null,
      confidence: 0.9,
      method: 'rules',
      reason: 'no canonical field matches this header',
    };
  }
  if (best.score < min) {
    return {
      target: null,
      confidence: Math.max(0.5, 1 - best.score),
      method: 'rules',
      reason: `best guess ${best.field} is too weak (${round(best.score)}): ${best.reason}`,
    };
  }
  const winner = owner.get(best.field);
  const winnerHeader = winner === undefined ? 'another column' : `"${prepared[winner]?.profile.header}"`;
  return {
    target: null,
    confidence: Math.max(0.5, 1 - best.score / 2),
    method: 'rules',
    reason: `${best.field} went to ${winnerHeader}, which has stronger evidence; kept as a custom attribute`,
  };
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}
