/**
 * Plain-data types of the assessment engines: what they take (inventory, dependency edges, move
 * groups, engagement criteria) and what they return (per-application analyses and a wave plan).
 * Shapes returned to users keep the seed's snake_case (`sixr_analysis_tool`) so existing clients work.
 */
import type { Asset } from '../assetSchema.ts';

/** The migration strategies: the seed's six plus retain, repurchase and relocate from AWS's 7 Rs. */
export const STRATEGIES = [
  'rehost',
  'replatform',
  'refactor',
  'rearchitect',
  'rebuild',
  'retire',
  'retain',
  'repurchase',
  'relocate',
] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** Strategies whose applications do not move to the cloud (listed apart from waves, counted in totals). */
export const NOT_MIGRATED: ReadonlySet<Strategy> = new Set<Strategy>(['retire', 'retain']);

/** One dependency edge between assets, by asset name (external endpoints carry their IP or host name). */
export interface DependencyEdgeInput {
  from: string;
  to: string;
  fromExternal: boolean;
  toExternal: boolean;
  port: number | null;
  protocol: string | null;
  count: number;
  strong: boolean;
}

/** Assets (by name) that must move together. */
export interface MoveGroupInput {
  id: string;
  members: string[];
}

export type Level1to5 = 1 | 2 | 3 | 4 | 5;

/**
 * AWS Migration Hub Strategy Recommendations' business goals (API `BusinessGoals`), each 1..5
 * (3 = neutral when absent): speed of migration, reduce operational overhead with managed services,
 * modernize infrastructure with cloud-native technologies, license cost reduction.
 */
export interface BusinessGoals {
  speedOfMigration?: Level1to5;
  reduceOperationalOverheadWithManagedServices?: Level1to5;
  modernizeInfrastructureWithCloudNativeTechnologies?: Level1to5;
  licenseCostReduction?: Level1to5;
}

/** Rates used to turn person-days into money. Defaults: USD 1,000 per person-day. */
export interface Rates {
  dayRate?: number;
  currency?: string;
  /** Person-days a wave team delivers per week (sets wave durations). Default 50 (ten people). */
  teamPersonDaysPerWeek?: number;
}

export type Criticality = 'low' | 'medium' | 'high' | 'critical';
export type Severity = 'low' | 'medium' | 'high' | 'critical';

/** What the engagement told us; every field optional, with the seed's defaults (see criteria.ts). */
export interface EngagementCriteria {
  business_criticality?: Criticality;
  technical_complexity?: 'low' | 'medium' | 'high';
  modernization_priority?: 'low' | 'medium' | 'high';
  budget_constraints?: 'tight' | 'moderate' | 'flexible';
  timeline_pressure?: 'relaxed' | 'normal' | 'urgent';
  goals?: BusinessGoals;
  /** The client wants a VMware-compatible target (VMware Cloud on AWS / EVS): enables relocate. */
  vmwareTargetWanted?: boolean;
  rates?: Rates;
}

/** An application: the unit the strategy engine decides for. */
export interface Application {
  name: string;
  /** True when the assets carried no application name and the application was derived from an asset. */
  unnamed: boolean;
  assets: Asset[];
  /** Other applications this one calls or declares it depends on (sorted). */
  dependsOn: string[];
  /** Other applications that depend on this one (sorted). */
  dependedOnBy: string[];
  /** Move groups holding any of this application's assets (sorted). */
  moveGroupIds: string[];
  /** Distinct external endpoints (not in the inventory) this application talks to. */
  externalEndpoints: number;
}

/** Traits of an application that make two applications "similar" for decision history. */
export interface ApplicationTraits {
  platform: 'x86' | 'unix' | 'mainframe' | 'ibm_i' | 'other_legacy';
  osFamily: 'windows' | 'linux' | 'unix' | 'other' | 'unknown';
  databaseEngine: string | null;
  eolOs: boolean;
  eolDatabase: boolean;
  criticality: Criticality;
  size: 'small' | 'medium' | 'large';
  commodity: boolean;
  vmware: boolean;
}

/** A strategy a user chose before for an application with these traits (e.g. an override). */
export interface PastDecision {
  traits: Partial<ApplicationTraits>;
  strategy: Strategy;
  application?: string;
  decidedBy?: string;
}

/** A low/expected/high range. */
export interface Range {
  low: number;
  expected: number;
  high: number;
}
export interface CostRange extends Range {
  currency: string;
}

/** One risk with what to do about it and the facts that raised it. */
export interface RiskFactor {
  category: 'technical' | 'data' | 'availability' | 'compliance' | 'schedule';
  severity: Severity;
  description: string;
  mitigation: string;
  evidence: string[];
}

/** A compliance obligation or gap found on an application's assets. */
export interface ComplianceFinding {
  framework: 'PCI DSS' | 'HIPAA' | 'SOX' | 'GDPR' | 'PII' | 'Data classification' | 'Supported software';
  severity: Severity;
  description: string;
  requirement: string;
  evidence: string[];
  assetIds: string[];
}

/** A user's decision that replaces the engine's primary strategy for one application. */
export interface StrategyOverride {
  application: string;
  strategy: Strategy;
  by: string;
  reason: string;
  at?: string;
}

/** One alternative strategy with its confidence from the same scoring model. */
export interface StrategyAlternative {
  strategy: Strategy;
  confidence: number;
  rationale: string;
}

/** Per-application analysis, in the shape the seed's sixr_analysis_tool returned. */
export interface SixRAnalysis {
  application: string;
  asset_ids: string[];
  primary_recommendation: Strategy;
  confidence_score: number;
  alternatives: [StrategyAlternative, StrategyAlternative];
  analysis_details: { complexity_score: number; business_value: number; modernization_potential: number };
  rationale: string;
  estimated_effort: Range & { unit: 'person_days' };
  estimated_cost: CostRange;
  risk_factors: RiskFactor[];
  method: 'rules';
  overridden?: { from: Strategy; by: string; reason: string; at?: string };
}

/** What wave planning needs of each application. */
export interface AppPlanInput {
  name: string;
  strategy: Strategy;
  servers: number;
  dependsOn: readonly string[];
  moveGroupIds: readonly string[];
  criticality: Criticality;
  dependedOnBy: number;
  /** Highest risk severity of the application, when known. */
  riskLevel?: Severity;
  effortPersonDays: Range;
  cost: CostRange;
}

/** Options of the wave planner. */
export interface WavePlanOptions {
  /** Default 20. */
  maxApplicationsPerWave?: number;
  /** Default 60. */
  maxServersPerWave?: number;
  /** Applications in the pilot wave; 0 disables it. Default 3. */
  pilotSize?: number;
  /** Fixed length of every wave, in working days; when absent, durations follow each wave's effort. */
  waveDurationDays?: number;
  /** Shortest wave, in working days. Default 10 (two weeks). */
  minWaveDurationDays?: number;
  /** Person-days one wave team delivers per week (sets durations). Default 50 (ten people). */
  teamPersonDaysPerWeek?: number;
  /** Waves that may run at the same time (migration teams). Default 1: waves in sequence. */
  parallelWaves?: number;
}

/** One migration wave, ready to draw on a timeline. */
export interface Wave {
  number: number;
  name: string;
  pilot: boolean;
  applications: string[];
  servers: number;
  strategyMix: Record<Strategy, number>;
  effortPersonDays: Range;
  cost: CostRange;
  /** 1-based week the wave starts. */
  startWeek: number;
  durationWeeks: number;
  /** Earlier waves holding applications this wave depends on (it starts after they end). */
  dependsOnWaves: number[];
}

/** The wave plan: waves, application cycles (moved together), and what the planner had to warn about. */
export interface WavePlan {
  waves: Wave[];
  /** Applications that do not move (retire, retain), with their strategy. */
  notMigrated: { application: string; strategy: Strategy }[];
  cycles: string[][];
  warnings: string[];
  totalWeeks: number;
}

/** Base error of the assessment engines. */
export class AssessmentError extends Error {
  readonly code: string;
  constructor(message: string, code = 'ASSESSMENT_ERROR', options?: ErrorOptions) {
    super(message, options);
    this.name = 'AssessmentError';
    this.code = code;
  }
}

/** Raised when an input breaks a documented precondition (e.g. a non-positive wave cap). */
export class InvalidAssessmentInputError extends AssessmentError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, 'INVALID_ASSESSMENT_INPUT', options);
    this.name = 'InvalidAssessmentInputError';
  }
}
