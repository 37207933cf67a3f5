/**
 * Engagement criteria with the seed's defaults, and the reading of free-text business fields
 * (criticality, lifecycle status) that every engine shares.
 */
import type { BusinessGoals, Criticality, EngagementCriteria } from './types.ts';

/** Criteria with every default filled in. */
export interface ResolvedCriteria {
  business_criticality: Criticality;
  technical_complexity: 'low' | 'medium' | 'high';
  modernization_priority: 'low' | 'medium' | 'high';
  budget_constraints: 'tight' | 'moderate' | 'flexible';
  timeline_pressure: 'relaxed' | 'normal' | 'urgent';
  goals: Required<BusinessGoals>;
  vmwareTargetWanted: boolean;
  dayRate: number;
  currency: string;
  teamPersonDaysPerWeek: number;
}

/** Default day rate (USD per person-day) when the engagement sets none. */
export const DEFAULT_DAY_RATE = 1000;
/** Default currency when the engagement sets none. */
export const DEFAULT_CURRENCY = 'USD';

/**
 * Fills the seed's defaults (criticality medium, complexity medium, modernization priority medium,
 * budget moderate, timeline normal) and neutral business goals (3 of 5).
 */
export function resolveCriteria(criteria: EngagementCriteria = {}): ResolvedCriteria {
  const g = criteria.goals ?? {};
  const dayRate = criteria.rates?.dayRate;
  return {
    business_criticality: criteria.business_criticality ?? 'medium',
    technical_complexity: criteria.technical_complexity ?? 'medium',
    modernization_priority: criteria.modernization_priority ?? 'medium',
    budget_constraints: criteria.budget_constraints ?? 'moderate',
    timeline_pressure: criteria.timeline_pressure ?? 'normal',
    goals: {
      speedOfMigration: g.speedOfMigration ?? 3,
      reduceOperationalOverheadWithManagedServices: g.reduceOperationalOverheadWithManagedServices ?? 3,
      modernizeInfrastructureWithCloudNativeTechnologies:
        g.modernizeInfrastructureWithCloudNativeTechnologies ?? 3,
      licenseCostReduction: g.licenseCostReduction ?? 3,
    },
    vmwareTargetWanted: criteria.vmwareTargetWanted === true,
    dayRate: typeof dayRate === 'number' && dayRate > 0 ? dayRate : DEFAULT_DAY_RATE,
    currency: criteria.rates?.currency?.trim() || DEFAULT_CURRENCY,
    teamPersonDaysPerWeek:
      criteria.rates?.teamPersonDaysPerWeek && criteria.rates.teamPersonDaysPerWeek > 0
        ? criteria.rates.teamPersonDaysPerWeek
        : 50,
  };
}

const CRITICALITY_RANK: Record<Criticality, number> = { low: 0, medium: 1, high: 2, critical: 3 };

/** Orders criticalities (low < medium < high < critical). */
export function criticalityRank(c: Criticality): number {
  return CRITICALITY_RANK[c];
}

/**
 * Reads a CMDB criticality value ("Mission Critical", "Tier 1", "2 - High", "P3", "Low") into the
 * four levels; null when the text says nothing recognisable. Tier/priority numbers count 1 as highest.
 */
export function parseCriticality(value: string | null | undefined): Criticality | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  if (!v) return null;
  if (/\bnon[- ]?critical|not critical|\bnon[- ]?essential/.test(v)) return 'low';
  if (/critical|mission|\btier\s*0\b|\bp0\b|\bsev(erity)?\s*1\b|\bvital\b/.test(v)) return 'critical';
  if (/\bhigh|\btier\s*1\b|\bp1\b|^1\b|\bimportant\b|\bgold\b/.test(v)) return 'high';
  if (/\bmedium|\bmoderate|\bmed\b|\bnormal\b|\btier\s*2\b|\bp2\b|^2\b|\bsilver\b|\bstandard\b/.test(v)) {
    return 'medium';
  }
  if (/\blow|\bminor\b|\btier\s*[34]\b|\bp[34]\b|^[345]\b|\bbronze\b/.test(v)) return 'low';
  return null;
}

/**
 * True when a lifecycle status says the asset is going away or gone ("Decommission planned",
 * "To be decommissioned", "Retired", "Sunset", "End of life - remove").
 */
export function isDecommissioned(status: string | null | undefined): boolean {
  if (!status) return false;
  return /decom|retir|sunset|to be removed|pending removal|disposed|obsolete|archiv/i.test(status);
}

/** A goal's pull away from neutral: -2..+2 for 1..5. */
export function goalPull(level: number): number {
  return level - 3;
}
