/**
 * The tech-debt engine (DESIGN.md phase `tech_debt_analysis`): end-of-life status of operating
 * systems, databases, runtimes and hypervisors against an offline lifecycle dataset. Pure, no I/O.
 */
export { assessTechDebt, type TechDebtInput } from './assessTechDebt.ts';
export { InvalidAsOfDateError, TechDebtError } from './errors.ts';
export {
  LIFECYCLE_DATASET,
  LIFECYCLE_DATASET_DATE,
  type LifecycleCycle,
  type LifecycleProduct,
} from './lifecycleDataset.ts';
export { lookupLifecycle } from './lookupLifecycle.ts';
export { EOL_SOON_DAYS } from './supportStatus.ts';
