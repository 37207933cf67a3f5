/**
 * Compiles, once per file, the function that cleanses its rows. The import pipeline runs it on
 * millions of rows, so every per-column decision is taken here and the row function only loops.
 */
import { type CanonicalField, CONNECTION_FIELDS, type FileKind } from '#domain/assetSchema.ts';
import type { CleansedRecord, ColumnProfile, FieldMapping } from '#domain/tableTypes.ts';
import { CELL_MEMO_LIMIT, memoised, worthMemoising } from './cellMemo.ts';
import { CleanserCompileError } from './errors.ts';
import { buildConverter, convertsWork, kindOf } from './fieldConverters.ts';
import { displayOperatingSystem, parseOperatingSystem } from './operatingSystem.ts';
import { isPlaceholder } from './placeholders.ts';
import { qualityScore } from './qualityScore.ts';
import {
  type CellConverter,
  type FieldValue,
  newRowState,
  type RowState,
  resetRowState,
} from './rowState.ts';
import { parseBoolean } from './values.ts';

const TEMPLATE_HEADER = /^(is[ _]?)?template$/i;
const OS_CACHE_LIMIT = 4096;

interface CompiledColumn {
  readonly index: number;
  readonly header: string;
  readonly target: CanonicalField | null;
  readonly convert: CellConverter | null;
  /** True when `convert` takes placeholders itself (a memoised converter), so the row loop skips the test. */
  readonly takesPlaceholders: boolean;
  /**
   * For an unmapped column whose values repeat (see worthMemoising): one string per distinct value, so rows
   * kept in an inventory share it instead of each keeping its own copy. Null otherwise.
   */
  readonly shared: Map<string, string> | null;
  readonly template: boolean;
}

function compileColumn(column: ColumnProfile, mapping: FieldMapping | undefined): CompiledColumn {
  const target = mapping?.target ?? null;
  let convert = target === null || mapping === undefined ? null : buildConverter(column, mapping, target);
  const memo = convert !== null && target !== null && convertsWork(target) && worthMemoising(column);
  if (memo && convert !== null && target !== null)
    convert = memoised(convert, target, column.header, kindOf(target) === 'list');
  return {
    index: column.index,
    header: column.header,
    target,
    convert,
    takesPlaceholders: memo,
    shared: convert === null && worthMemoising(column) ? new Map() : null,
    template: target === null && TEMPLATE_HEADER.test(column.header.trim()),
  };
}

/**
 * True when a cell may have whitespace to trim: it starts or ends with a space, a control character or a
 * non-ASCII character (trim also removes Unicode spaces). Most cells do not, and skip the call.
 */
function needsTrim(cell: string): boolean {
  if (cell.length === 0) return false;
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return first <= 32 || last <= 32 || first >= 127 || last >= 127;
}

/** The one string kept for `text` in a column's shared values (the text itself once the map is full). */
function sharedText(shared: Map<string, string>, text: string): string {
  const known = shared.get(text);
  if (known !== undefined) return known;
  if (shared.size < CELL_MEMO_LIMIT) shared.set(text, text);
  return text;
}

/** The file kind implied by the mapping targets: any connection field makes it a connection file. */
function fileKindOf(mappings: readonly FieldMapping[]): FileKind {
  return mappings.some((m) => m.target !== null && m.target in CONNECTION_FIELDS) ? 'connections' : 'assets';
}

/**
 * Compiles, once per file, a fast per-row cleanser for the mapped columns (runs on millions of rows:
 * precompute per-column converters; no regex compilation per row).
 *
 * The row function takes the row's cell values (indexed by `ColumnProfile.index`) and its 1-based row
 * number. Mapped cells become canonical values (sizes in GB with 1024 MB = 1 GB, lists as arrays, null for
 * empty cells and placeholders); unmapped cells go to `custom` verbatim (trimmed); a value that fails
 * validation becomes an issue and is kept in `custom` under its header. A true "Template"/"Is Template"
 * column sets `isTemplate`.
 *
 * @throws CleanserCompileError when two profiles claim the same column index.
 */
export function compileCleanser(
  columns: readonly ColumnProfile[],
  mappings: readonly FieldMapping[],
  options: { uploadId: string },
): (values: readonly string[], row: number) => CleansedRecord {
  const bySource = new Map<string, FieldMapping>();
  for (const mapping of mappings) if (!bySource.has(mapping.source)) bySource.set(mapping.source, mapping);
  const seen = new Set<number>();
  const compiled: CompiledColumn[] = [];
  for (const column of columns) {
    if (seen.has(column.index))
      throw new CleanserCompileError(`Column index ${column.index} appears twice in the profile`);
    seen.add(column.index);
    compiled.push(compileColumn(column, bySource.get(column.header)));
  }
  const kind = fileKindOf(mappings);
  const hasOs = compiled.some((c) => c.target === 'operatingSystem' || c.target === 'osVersion');
  const osCache = new Map<string, { display: string; version: string | null }>();
  const uploadId = options.uploadId;
  const fieldTemplate: Partial<Record<CanonicalField, FieldValue>> = {};
  for (const column of compiled) if (column.target !== null) fieldTemplate[column.target] = null;
  if (hasOs) {
    fieldTemplate.operatingSystem = null;
    fieldTemplate.osVersion = null;
  }

  function finishOs(state: RowState): void {
    const osRaw = state.osRaw ?? '';
    const versionRaw = state.osVersionRaw ?? '';
    if (osRaw === '' && versionRaw === '') return;
    const key = versionRaw === '' ? osRaw : `${osRaw}\u0000${versionRaw}`;
    let result = osCache.get(key);
    if (result === undefined) {
      const parsed = parseOperatingSystem(osRaw, versionRaw);
      result = {
        display: osRaw === '' && parsed.product === null ? '' : displayOperatingSystem(parsed),
        version: parsed.version,
      };
      if (osCache.size < OS_CACHE_LIMIT) osCache.set(key, result);
    }
    if (result.display !== '') state.fields.operatingSystem = result.display;
    state.fields.osVersion = result.version ?? (versionRaw === '' ? null : versionRaw);
  }

  const state = newRowState(fieldTemplate);
  return (values, row) => {
    resetRowState(state, fieldTemplate);
    for (let i = 0; i < compiled.length; i++) {
      const column = compiled[i] as CompiledColumn;
      const raw = values[column.index];
      const text = raw === undefined ? '' : needsTrim(raw) ? raw.trim() : raw;
      if (column.convert === null) {
        if (text === '') continue;
        state.custom[column.header] = column.shared === null ? text : sharedText(column.shared, text);
        if (column.template) {
          const flag = parseBoolean(text);
          if (flag !== null) state.isTemplate = flag;
        }
        continue;
      }
      if (text !== '' && (column.takesPlaceholders || !isPlaceholder(text))) column.convert(text, state);
    }
    if (hasOs) finishOs(state);
    const score = qualityScore(kind, state.fields, state.issues.length);
    if (state.isTemplate === undefined) {
      return {
        uploadId,
        row,
        fields: state.fields,
        custom: state.custom,
        qualityScore: score,
        qualityIssues: state.issues,
      };
    }
    return {
      uploadId,
      row,
      fields: state.fields,
      isTemplate: state.isTemplate,
      custom: state.custom,
      qualityScore: score,
      qualityIssues: state.issues,
    };
  };
}
