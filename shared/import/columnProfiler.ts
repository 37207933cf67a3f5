/**
 * Builds ColumnProfiles while rows stream past, in bounded memory: fill counts for every
 * value, exact distinct counts up to a cap, type checks on the first values only.
 */
import type { ColumnProfile, InferredType } from '#domain/tableTypes.ts';
import { DistinctSet, hashRange } from './distinctSet.ts';
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
  distinct: DistinctSet | null = new DistinctSet();
  distinctCount = 0;
  readonly samples: string[] = [];
  /**
   * The type of each distinct value (by its number in `distinct`) once checked: a repeated value is counted
   * without being classified again (classifyValue is pure, so the counts are the same).
   */
  readonly distinctTypes: InferredType[] = [];
}

/**
 * Counts one non-empty cell, `text[from, to)`, into a column's state. Like a whole value it is trimmed only
 * when it starts or ends with a space or control character; the string is made only when needed.
 */
function addCell(state: ColumnState, text: string, from: number, to: number): void {
  let value: string | undefined;
  let a = from;
  let b = to;
  if (text.charCodeAt(a) <= 32 || text.charCodeAt(b - 1) <= 32) {
    value = text.slice(a, b).trim();
    if (value.length === 0) return;
    a = 0;
    b = value.length;
    text = value;
  } else if (a === 0 && b === text.length) value = text;
  state.nonEmpty++;
  const distinct = state.distinct;
  let entry = -1;
  if (distinct !== null) {
    const hash = hashRange(text, a, b);
    entry = distinct.indexOfRange(text, a, b, hash);
    if (entry < 0) {
      value ??= text.slice(a, b);
      entry = distinct.add(value, hash);
      if (state.samples.length < SAMPLE_CAP) state.samples.push(value);
      if (distinct.size >= DISTINCT_CAP) {
        state.distinctCount = DISTINCT_CAP;
        state.distinct = null;
      }
    }
  }
  if (state.checked < TYPE_CHECK_CAP) {
    state.checked++;
    let type = entry < 0 ? undefined : state.distinctTypes[entry];
    if (type === undefined) {
      value ??= text.slice(a, b);
      type = classifyValue(value);
      if (entry >= 0) state.distinctTypes[entry] = type;
    }
    state.typeCounts.set(type, (state.typeCounts.get(type) ?? 0) + 1);
  }
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
      for (let r = 0; r < rows.length; r++) {
        const value = (rows[r] as readonly string[])[c];
        if (value !== undefined && value.length > 0) addCell(state, value, 0, value.length);
      }
    }
  }

  /** Adds one row aligned with the headers. */
  addRow(row: readonly string[]): void {
    const states = this.states;
    this.rowCount++;
    for (let c = 0; c < states.length; c++) {
      const value = row[c];
      if (value !== undefined && value.length > 0) addCell(states[c] as ColumnState, value, 0, value.length);
    }
  }

  /**
   * Adds one data row given as a line of `text` (from `start` to `end`, no quotes in it) whose cells are
   * separated by `delimiter`, without splitting it: a cell is looked at in place and becomes a string only
   * when it is a new distinct value or still has its type checked. The caller has made sure the row is not
   * blank. Returns the row's cell count (it may differ from the header's width: missing cells count as
   * empty, extra cells are ignored).
   */
  addLine(text: string, start: number, end: number, delimiter: string): number {
    const states = this.states;
    const width = states.length;
    this.rowCount++;
    let from = start;
    let cells = 0;
    while (true) {
      let to = text.indexOf(delimiter, from);
      if (to === -1 || to > end) to = end;
      if (cells < width && to > from) addCell(states[cells] as ColumnState, text, from, to);
      cells++;
      if (to === end) return cells;
      from = to + 1;
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
