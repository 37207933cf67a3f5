/**
 * Per-column memo of what a converter does with a cell. CMDB columns repeat their values heavily
 * (environment, OS, datacenter, status, sizes, owners...), so converting each distinct value once and
 * replaying the recorded effect on later rows saves most of the cleansing work of such columns.
 */
import type { CanonicalField } from '#domain/assetSchema.ts';
import type { ColumnProfile } from '#domain/tableTypes.ts';
import { isPlaceholder } from './placeholders.ts';
import { appendList, type CellConverter, type FieldValue, type RowState, setScalar } from './rowState.ts';

/** Distinct values remembered per column: bounds the memory a column's memo can take. */
export const CELL_MEMO_LIMIT = 4096;

/** What converting one cell did to an empty row: replayed on rows that hold the same text. */
interface CellEffect {
  /** The field's value after the cell (undefined: the cell set nothing, e.g. a rejected value). */
  readonly value: FieldValue | undefined;
  /** Issues the cell reported, in order (null when none). */
  readonly issues: readonly string[] | null;
  /** The raw text kept in `custom` under the column's header (undefined when not kept). */
  readonly kept: string | undefined;
}

/** The effect of a placeholder or of a cell that changes nothing. */
const NO_EFFECT: CellEffect = Object.freeze({ value: undefined, issues: null, kept: undefined });

/**
 * True when a column's values repeat enough for a memo to pay: each distinct value seen at least twice on
 * average, and few enough distinct values to fit the memo. Per-row-unique columns (names, serials, IPs)
 * are never memoised: they would only fill memory.
 */
export function worthMemoising(column: ColumnProfile): boolean {
  return column.distinct > 0 && column.distinct < CELL_MEMO_LIMIT && column.distinct * 2 <= column.nonEmpty;
}

/** Converts one cell on an empty scratch row and records what the converter did to it. */
function recordEffect(
  convert: CellConverter,
  text: string,
  field: CanonicalField,
  header: string,
): CellEffect {
  if (isPlaceholder(text)) return NO_EFFECT;
  const scratch: RowState = {
    fields: {},
    custom: {},
    issues: [],
    isTemplate: undefined,
    osRaw: undefined,
    osVersionRaw: undefined,
  };
  convert(text, scratch);
  const value = scratch.fields[field];
  const kept = scratch.custom[header];
  if (value === undefined && kept === undefined && scratch.issues.length === 0) return NO_EFFECT;
  return { value, issues: scratch.issues.length === 0 ? null : scratch.issues, kept };
}

/**
 * Wraps the converter of a column whose cells only touch its own field, its own header in `custom` and the
 * row's issues (every converter but the OS ones) so that each distinct text is converted once. Replaying
 * writes in the converter's own order (issues, kept raw text, then the value), through the same setScalar /
 * appendList the converter uses, so a row comes out exactly as without the memo. The returned converter also
 * takes placeholders (they have no effect), so the row loop need not test them.
 */
export function memoised(
  convert: CellConverter,
  field: CanonicalField,
  header: string,
  list: boolean,
): CellConverter {
  const memo = new Map<string, CellEffect>();
  return (text, state) => {
    let effect = memo.get(text);
    if (effect === undefined) {
      effect = recordEffect(convert, text, field, header);
      if (memo.size < CELL_MEMO_LIMIT) memo.set(text, effect);
    }
    if (effect === NO_EFFECT) return;
    const issues = effect.issues;
    if (issues !== null) for (let i = 0; i < issues.length; i++) state.issues.push(issues[i] as string);
    if (effect.kept !== undefined) state.custom[header] = effect.kept;
    if (list) {
      if (effect.value !== undefined) appendList(state, field, (effect.value as string[] | null) ?? []);
    } else if (effect.value !== undefined) setScalar(state, field, effect.value, header, text);
  };
}
