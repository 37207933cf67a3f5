/**
 * Builds ColumnProfiles while rows stream past, in bounded memory: fill counts for every
 * value, exact distinct counts up to a cap, type checks on the first values only.
 */
import type { ColumnProfile, InferredType } from '#domain/tableTypes.ts';
import { classifyValue, decideType } from './valueTypes.ts';

/** Distinct values counted exactly up to this many per column; beyond, `distinct` stays at the cap. */
export const DISTINCT_CAP = 10_000;
/** Example values kept per column. */
export const SAMPLE_CAP = 20;
/** Non-empty values per column whose type is checked (the rest only count toward fill). */
export const TYPE_CHECK_CAP = 5_000;

class ColumnState {
  nonEmpty = 0;
  checked = 0;
  readonly typeCounts = new Map<InferredType, number>();
  distinct: Set<string> | null = new Set<string>();
  distinctCount = 0;
  readonly samples: string[] = [];
}

/** Accumulates the profile of one table's columns. */
export class TableProfiler {
  private readonly headers: readonly string[];
  private readonly states: ColumnState[];
  private rowCount = 0;

  constructor(headers: readonly string[]) {
    this.headers = headers;
    this.states = headers.map(() => new ColumnState());
  }

  /** Data rows seen so far. */
  get rows(): number {
    return this.rowCount;
  }

  /** Adds a batch of rows aligned with the headers. */
  addRows(rows: readonly (readonly string[])[]): void {
    const states = this.states;
    const width = states.length;
    this.rowCount += rows.length;
    for (let c = 0; c < width; c++) {
      const state = states[c] as ColumnState;
      let distinct = state.distinct;
      for (let r = 0; r < rows.length; r++) {
        let value = (rows[r] as readonly string[])[c];
        if (value === undefined || value.length === 0) continue;
        const last = value.charCodeAt(value.length - 1);
        if (value.charCodeAt(0) <= 32 || last <= 32) {
          value = value.trim();
          if (value.length === 0) continue;
        }
        state.nonEmpty++;
        if (distinct !== null && !distinct.has(value)) {
          distinct.add(value);
          if (state.samples.length < SAMPLE_CAP) state.samples.push(value);
          if (distinct.size >= DISTINCT_CAP) {
            state.distinctCount = DISTINCT_CAP;
            state.distinct = null;
            distinct = null;
          }
        }
        if (state.checked < TYPE_CHECK_CAP) {
          state.checked++;
          const type = classifyValue(value);
          state.typeCounts.set(type, (state.typeCounts.get(type) ?? 0) + 1);
        }
      }
    }
  }

  /** The profiles of all columns so far. */
  columns(): ColumnProfile[] {
    return this.states.map((state, index) => ({
      header: this.headers[index] as string,
      index,
      inferredType: decideType(state.typeCounts, state.checked),
      fillRate: this.rowCount === 0 ? 0 : state.nonEmpty / this.rowCount,
      nonEmpty: state.nonEmpty,
      distinct: state.distinct === null ? state.distinctCount : state.distinct.size,
      samples: [...state.samples],
    }));
  }
}
