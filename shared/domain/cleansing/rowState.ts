/**
 * The mutable state one row accumulates while its cells are converted, and the helpers converters
 * use to write into it. Kept apart so converters stay small closures over precomputed settings.
 */
import type { CanonicalField } from '#domain/assetSchema.ts';

/** A converted canonical value. */
export type FieldValue = string | number | boolean | string[] | null;

/**
 * What the converters of one row write. A cleanser keeps one and points it at each row's new objects in
 * turn (see resetRowState), so rows cost no state object of their own.
 */
export interface RowState {
  fields: Partial<Record<CanonicalField, FieldValue>>;
  custom: Record<string, string>;
  issues: string[];
  isTemplate: boolean | undefined;
  osRaw: string | undefined;
  osVersionRaw: string | undefined;
}

/**
 * Creates an empty row state. `fieldTemplate` holds every mapped field set to null, in a fixed order:
 * cloning it gives each row's `fields` the same shape, so the engine's property stores stay fast.
 */
export function newRowState(fieldTemplate: Readonly<Partial<Record<CanonicalField, FieldValue>>>): RowState {
  return {
    fields: { ...fieldTemplate },
    custom: {},
    issues: [],
    isTemplate: undefined,
    osRaw: undefined,
    osVersionRaw: undefined,
  };
}

/** Points a row state at a new row: fresh `fields` (cloned from the template), `custom` and `issues`. */
export function resetRowState(
  state: RowState,
  fieldTemplate: Readonly<Partial<Record<CanonicalField, FieldValue>>>,
): void {
  state.fields = { ...fieldTemplate };
  state.custom = {};
  state.issues = [];
  state.isTemplate = undefined;
  state.osRaw = undefined;
  state.osVersionRaw = undefined;
}

/** Converts one trimmed, non-empty, non-placeholder cell of a column into the row state. */
export type CellConverter = (trimmed: string, state: RowState) => void;

/**
 * Sets a scalar field. When another column already gave a different value, the later cell is kept
 * under its own header in `custom` so that nothing is lost.
 */
export function setScalar(
  state: RowState,
  field: CanonicalField,
  value: FieldValue,
  header: string,
  raw: string,
): void {
  const current = state.fields[field];
  if (current === undefined || current === null) state.fields[field] = value;
  else if (current !== value) state.custom[header] = raw;
}

/** Appends list items, de-duplicated, to a list field. */
export function appendList(state: RowState, field: CanonicalField, items: readonly string[]): void {
  const current = state.fields[field];
  if (!Array.isArray(current)) {
    if (items.length === 0) state.fields[field] = null;
    else if (items.length === 1) state.fields[field] = [items[0] as string];
    else state.fields[field] = [...new Set(items)];
    return;
  }
  for (const item of items) if (!current.includes(item)) current.push(item);
}

/** Appends one item to a list field (what appendList does with a one-item list, without making that list). */
export function appendOne(state: RowState, field: CanonicalField, item: string): void {
  const current = state.fields[field];
  if (!Array.isArray(current)) state.fields[field] = [item];
  else if (!current.includes(item)) current.push(item);
}

/**
 * Records a value that failed validation: an issue in the user's words, and the raw cell kept in
 * `custom` under its source header.
 */
export function reject(
  state: RowState,
  field: CanonicalField,
  value: string,
  what: string,
  header: string,
  raw: string,
): void {
  state.issues.push(`${field}: ${JSON.stringify(value)} is not a valid ${what}`);
  state.custom[header] = raw;
}
