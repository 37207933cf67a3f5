/**
 * Types shared by the importers, the field matcher, cleansing and inventory:
 * how a parsed upload is profiled and how mapped rows travel between phases.
 */
import type { CanonicalField, FileKind } from './assetSchema.ts';

/** What value profiling inferred for a column from its non-empty samples. */
export type InferredType =
  | 'empty'
  | 'integer'
  | 'decimal'
  | 'boolean'
  | 'date'
  | 'ip'
  | 'mac'
  | 'fqdn'
  | 'uuid'
  | 'text';

/** Profile of one source column, built while importing (bounded: samples are capped). */
export interface ColumnProfile {
  /** The header exactly as in the file (deduplicated: a repeated header gets ` (2)`). */
  readonly header: string;
  /** 0-based column position in its sheet. */
  readonly index: number;
  /** Type inferred from the non-empty values seen. */
  readonly inferredType: InferredType;
  /** Share of rows with a non-empty value, 0..1. */
  readonly fillRate: number;
  /** Count of non-empty values. */
  readonly nonEmpty: number;
  /** Distinct non-empty values seen (capped count; exact up to the cap). */
  readonly distinct: number;
  /** Up to a few dozen distinct non-empty example values, in first-seen order. */
  readonly samples: readonly string[];
}

/** Profile of one sheet (a CSV or JSON file is one sheet). */
export interface SheetProfile {
  readonly name: string;
  readonly rows: number;
  readonly columns: readonly ColumnProfile[];
}

/** The import profile saved by data_import. */
export interface ImportProfile {
  readonly fileName: string;
  readonly format: 'csv' | 'xlsx' | 'json';
  /** Detected text encoding for CSV (utf-8, utf-16le, utf-16be, latin1). */
  readonly encoding?: string;
  /** Detected delimiter for CSV. */
  readonly delimiter?: string;
  /** Data rows in the logical table the pipeline maps (after sheet composition). */
  readonly rows: number;
  /** The logical table's columns: what field mapping maps. */
  readonly columns: readonly ColumnProfile[];
  /** Every sheet read, as found in the file. */
  readonly sheets: readonly SheetProfile[];
  /** How the logical table was composed, e.g. "rvtools: vInfo + vNetwork + vPartition + vHost". */
  readonly composition?: string;
}

/** How a mapping was decided. `rules` = deterministic engine; `learned` = tenant correction. */
export type MappingMethod = 'rules' | 'learned' | 'llm' | 'user';

/** Size units the cleanser converts to GB. */
export type SizeUnit = 'KB' | 'MB' | 'GB' | 'TB' | 'KiB' | 'MiB' | 'GiB' | 'TiB' | 'B';

/** One source column's mapping. `target: null` keeps the column as a custom attribute. */
export interface FieldMapping {
  readonly source: string;
  readonly target: CanonicalField | null;
  /** Calibrated 0..1 confidence that the target is right (or that no target fits, when null). */
  readonly confidence: number;
  readonly method: MappingMethod;
  /** Unit of a size column, from its header or its magnitudes. */
  readonly unit?: SizeUnit;
  /** Short explanation of the evidence, shown in the review screen. */
  readonly reason: string;
}

/** The field-mapping result for a file. */
export interface MappingResult {
  readonly kind: FileKind;
  readonly mappings: readonly FieldMapping[];
}

/** A tenant's learned rule: a correction (header -> target or none) or a rejection (header must not map to target). */
export interface LearnedRule {
  readonly header: string;
  readonly target: CanonicalField | null;
  readonly kind: 'correction' | 'rejection';
}

/** One mapped, cleansed source row: what data_cleansing emits and asset_inventory consumes. */
export interface CleansedRecord {
  /** Upload the row came from. */
  readonly uploadId: string;
  /** 1-based data row number within the logical table. */
  readonly row: number;
  /** Canonical values after cleansing (units in GB, lists as arrays, null for placeholders). Asset or connection fields per the file kind. */
  readonly fields: Partial<Record<CanonicalField, string | number | boolean | string[] | null>>;
  /** True when the row is a VM template (e.g. an RVTools `Template` column that is true). */
  readonly isTemplate?: boolean;
  /** Unmapped columns, verbatim (trimmed), by source header. */
  readonly custom: Record<string, string>;
  /** 0..1 quality score. */
  readonly qualityScore: number;
  readonly qualityIssues: readonly string[];
}
