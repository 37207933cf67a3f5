/**
 * The offline lifecycle dataset (lifecycleData.json, transcribed from endoflife.date; see README.md):
 * typed access and the date it describes. Shipped in the repository so that tech-debt analysis works
 * without network access and gives the same answer for the same as-of date.
 */
import type { TechDebtComponent } from '#domain/assetSchema.ts';
import raw from './lifecycleData.json' with { type: 'json' };

/** One release cycle. `eol`: end of standard security support; true = ended (date unpublished), false = no end announced. */
export interface LifecycleCycle {
  readonly cycle: string;
  readonly eol: string | boolean;
  readonly label?: string;
  readonly extendedSupport?: string | boolean;
  readonly lts?: boolean;
  readonly build?: string;
}

/** One product of the dataset. Cycles are listed newest release first, as endoflife.date lists them. */
export interface LifecycleProduct {
  readonly name: string;
  readonly component: TechDebtComponent;
  readonly page: string;
  /** Version components that name a servicing line (SLES 12 → 12.x service packs; AIX 7.2 → 7.2.x levels). */
  readonly lineDepth?: number;
  readonly cycles: readonly LifecycleCycle[];
  /** SQL Server: first build number of each service pack, per major version. */
  readonly servicePackBuilds?: Readonly<Record<string, readonly (readonly [number, number])[]>>;
}

/** The whole dataset. */
export interface LifecycleDataset {
  readonly datasetDate: string;
  readonly source: string;
  readonly products: Readonly<Record<string, LifecycleProduct>>;
}

/** The shipped dataset. */
export const LIFECYCLE_DATASET: LifecycleDataset = raw as unknown as LifecycleDataset;

/** Date (YYYY-MM-DD) the shipped lifecycle facts were collected; findings are only as fresh as this. */
export const LIFECYCLE_DATASET_DATE: string = LIFECYCLE_DATASET.datasetDate;

/** A product by its dataset key ("windows-server", "mssqlserver"), or undefined. */
export function productByKey(key: string): LifecycleProduct | undefined {
  return Object.hasOwn(LIFECYCLE_DATASET.products, key) ? LIFECYCLE_DATASET.products[key] : undefined;
}
