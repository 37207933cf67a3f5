/**
 * The XLSX side of an upload: profiles every sheet in one streaming pass, decides the
 * logical table (an RVTools composition, or the best asset/connection-like sheet), and
 * streams that table's rows on a later pass. The rows pass parses only what the table needs:
 * an RVTools export's join sheets (or the composed table the profile pass of the same upload
 * kept), or the one chosen sheet; every other worksheet is only inflated.
 */
import type { ColumnProfile, SheetProfile } from '#domain/tableTypes.ts';
import { TableProfiler } from './columnProfiler.ts';
import { EmptyFileError, HeaderOnlyError } from './errors.ts';
import type { ImportLimits } from './limits.ts';
import {
  type BufferedSheet,
  type ComposedTable,
  composeRvtools,
  looksLikeRvtools,
  RVTOOLS_JOIN_SHEETS,
} from './rvtoolsComposition.ts';
import { readBufferedWorkbook } from './xlsxBufferedReader.ts';
import { readWorkbook, type SheetFilter, type WorkbookEvent } from './xlsxReader.ts';

/** A workbook upload: its opened stream, and a way to open it again for the fallback reader. */
export interface WorkbookSource {
  readonly stream: AsyncIterable<Uint8Array>;
  /**
   * Opens the upload again. It also names the upload: one function per opened upload, so the rows
   * pass can find the table the profile pass of the same upload already composed.
   */
  readonly reopen: () => Promise<AsyncIterable<Uint8Array>>;
}

function events(
  source: WorkbookSource,
  limits: ImportLimits,
  wanted?: SheetFilter,
): AsyncIterable<WorkbookEvent> {
  return readWorkbook(source.stream, limits, {
    reopen: source.reopen,
    fallback: async function* () {
      yield* readBufferedWorkbook(await source.reopen(), limits, wanted);
    },
    ...(wanted ? { wanted } : {}),
  });
}

/**
 * Largest composed RVTools table (rows x columns) the profile pass keeps for the rows pass of the same upload.
 * The profile pass holds it at its peak anyway; keeping it spares a second parse of the workbook. A larger
 * one is read again.
 */
export const XLSX_KEPT_COMPOSED_CELLS = 4_000_000;

/** Composed tables kept by profile passes, by their upload's `reopen` (gone with the upload). */
const keptComposed = new WeakMap<WorkbookSource['reopen'], ComposedTable>();

/** Whether a profiled upload's logical table is a composition, by its `reopen`. */
const profiledChoice = new WeakMap<WorkbookSource['reopen'], { readonly composed: boolean }>();

const NO_VM_ROWS = 'RVTools vInfo sheet has no VM rows';

/**
 * Releases an opened upload stream without reading it: one chunk is pulled (a generator that never
 * started cannot run its cleanup), then breaking off closes the source.
 */
async function release(stream: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const _chunk of stream) break;
}

/** The outcome of profiling a workbook. */
export interface WorkbookProfile {
  readonly sheets: readonly SheetProfile[];
  /** Name of the sheet that is the logical table (vInfo for RVTools). */
  readonly tableSheet: string;
  readonly rows: number;
  readonly columns: readonly ColumnProfile[];
  readonly composition?: string;
  readonly truncatedRows: number;
}

const TABLE_HINTS =
  /\b(name|host|hostname|server|vm|ip|address|fqdn|os|operating|cpu|memory|ram|disk|storage|application|app|owner|environment|source|destination|dest|port|protocol|serial|asset|ci|device|cluster|datacenter)\b/i;

/** How many headers of a sheet look like asset or connection fields. */
function tableLikeness(headers: readonly string[]): number {
  return headers.filter((h) => TABLE_HINTS.test(h.replace(/[_\-.]/g, ' '))).length;
}

function isJoinSheet(name: string): boolean {
  return (RVTOOLS_JOIN_SHEETS as readonly string[]).includes(name.toLowerCase());
}

interface PassResult {
  readonly sheets: SheetProfile[];
  readonly buffered: Map<string, BufferedSheet>;
  readonly headersBySheet: Map<string, readonly string[]>;
  readonly truncatedRows: number;
}

/** Reads the workbook (the sheets `wanted` accepts) once: profiles each sheet and buffers the RVTools join sheets. */
async function readPass(
  source: WorkbookSource,
  limits: ImportLimits,
  profile: boolean,
  wanted?: SheetFilter,
): Promise<PassResult> {
  const sheets: SheetProfile[] = [];
  const buffered = new Map<string, BufferedSheet>();
  const headersBySheet = new Map<string, readonly string[]>();
  const profilers = new Map<string, TableProfiler>();
  let truncatedRows = 0;
  for await (const event of events(source, limits, wanted)) {
    if (event.kind === 'header') {
      headersBySheet.set(event.sheet, event.headers);
      if (profile) profilers.set(event.sheet, new TableProfiler(event.headers));
      if (isJoinSheet(event.sheet)) {
        buffered.set(event.sheet.toLowerCase(), { name: event.sheet, headers: event.headers, rows: [] });
      }
    } else if (event.kind === 'rows') {
      profilers.get(event.sheet)?.addRows(event.rows);
      const sheet = buffered.get(event.sheet.toLowerCase());
      if (sheet?.name === event.sheet) (sheet.rows as (readonly string[])[]).push(...event.rows);
    } else {
      truncatedRows += event.truncatedRows;
      const profiler = profilers.get(event.sheet);
      sheets.push({ name: event.sheet, rows: profiler?.rows ?? 0, columns: profiler?.columns() ?? [] });
    }
  }
  return { sheets, buffered, headersBySheet, truncatedRows };
}

function composition(pass: PassResult): ComposedTable | undefined {
  const names = [...pass.headersBySheet.keys()];
  if (!looksLikeRvtools(names, pass.buffered.get('vinfo')?.headers)) return undefined;
  return composeRvtools(pass.buffered);
}

/** Chooses the logical sheet of a non-RVTools workbook: most rows among table-like sheets. */
function chooseSheet(sheets: readonly SheetProfile[]): SheetProfile {
  const withData = sheets.filter((s) => s.rows > 0);
  if (withData.length === 0) {
    if (sheets.some((s) => s.columns.length > 0)) throw new HeaderOnlyError();
    throw new EmptyFileError('workbook has no data in any sheet');
  }
  const tableLike = withData.filter((s) => tableLikeness(s.columns.map((c) => c.header)) > 0);
  const pool = tableLike.length > 0 ? tableLike : withData;
  return pool.reduce((best, s) => (s.rows > best.rows ? s : best));
}

/** Profiles every sheet and the logical table of a workbook, in one streaming pass. */
export async function profileWorkbook(
  source: WorkbookSource,
  limits: ImportLimits,
): Promise<WorkbookProfile> {
  const pass = await readPass(source, limits, true);
  const composed = composition(pass);
  if (composed) {
    const tableSheet = pass.buffered.get('vinfo')?.name ?? 'vInfo';
    // The composed rows hold every value the joined sheets gave: their own rows can go before profiling.
    pass.buffered.clear();
    if (composed.rows.length === 0) throw new HeaderOnlyError(NO_VM_ROWS);
    profiledChoice.set(source.reopen, { composed: true });
    const profiler = new TableProfiler(composed.headers);
    profiler.addRows(composed.rows);
    if (composed.rows.length * composed.headers.length <= XLSX_KEPT_COMPOSED_CELLS) {
      keptComposed.set(source.reopen, composed);
    }
    return {
      sheets: pass.sheets,
      tableSheet,
      rows: composed.rows.length,
      columns: profiler.columns(),
      composition: composed.composition,
      truncatedRows: pass.truncatedRows,
    };
  }
  const chosen = chooseSheet(pass.sheets);
  profiledChoice.set(source.reopen, { composed: false });
  const chosenNote = pass.sheets.length > 1 ? `sheet ${chosen.name} of ${pass.sheets.length}` : undefined;
  return {
    sheets: pass.sheets,
    tableSheet: chosen.name,
    rows: chosen.rows,
    columns: chosen.columns,
    ...(chosenNote ? { composition: chosenNote } : {}),
    truncatedRows: pass.truncatedRows,
  };
}

const OUT_BATCH = 1_000;

/** What the rows pass needs of an upload's profile (openUpload's cached profile fits). */
export interface WorkbookTableChoice {
  readonly tableSheet?: string;
  readonly composition?: string;
}

/**
 * Whether the join sheets alone prove the workbook an RVTools export, as its profile would decide: a vInfo
 * with a VM column, and another non-empty v* sheet (here one of the join sheets; the profile sees them all).
 */
function provesRvtools(pass: PassResult): boolean {
  return looksLikeRvtools([...pass.headersBySheet.keys()], pass.buffered.get('vinfo')?.headers);
}

/**
 * The rows pass of an RVTools workbook, or undefined when the logical table is one plain sheet. Uses the
 * table the profile pass of this upload kept (handed over once, so it is not held after); else reads the
 * join sheets alone (every other sheet is skipped unparsed) and composes them, asking for the profile only
 * when those sheets cannot tell whether the workbook is an RVTools export.
 */
async function composedRows(
  source: WorkbookSource,
  limits: ImportLimits,
  profile: () => Promise<WorkbookTableChoice>,
): Promise<readonly (readonly string[])[] | undefined> {
  const kept = keptComposed.get(source.reopen);
  if (kept) {
    keptComposed.delete(source.reopen);
    await release(source.stream);
    return kept.rows;
  }
  const decided = profiledChoice.get(source.reopen);
  if (decided && !decided.composed) return undefined;
  const pass = await readPass(source, limits, false, isJoinSheet);
  if (!decided && !provesRvtools(pass) && !(await profile()).composition?.startsWith('rvtools'))
    return undefined;
  if (!pass.buffered.has('vinfo')) return [];
  const { rows } = composeRvtools(pass.buffered);
  if (rows.length === 0) throw new HeaderOnlyError(NO_VM_ROWS);
  return rows;
}

/**
 * Streams the logical table's rows: the composed RVTools table, or the sheet the profile chose. `profile`
 * gives the upload's profile; it is only awaited when the workbook's own sheets cannot settle the table.
 */
export async function* workbookRows(
  source: WorkbookSource,
  limits: ImportLimits,
  profile: () => Promise<WorkbookTableChoice>,
): AsyncGenerator<readonly (readonly string[])[]> {
  // Profiled as one plain sheet: the composition pass then leaves the first stream unread.
  const unread = profiledChoice.get(source.reopen)?.composed === false;
  const composed = await composedRows(source, limits, profile);
  if (composed) {
    for (let i = 0; i < composed.length; i += OUT_BATCH) yield composed.slice(i, i + OUT_BATCH);
    return;
  }
  const tableSheet = (await profile()).tableSheet ?? '';
  const stream = unread ? source.stream : await source.reopen();
  for await (const event of events({ ...source, stream }, limits, (sheet) => sheet === tableSheet)) {
    if (event.sheet !== tableSheet) continue;
    if (event.kind === 'rows') yield event.rows;
    else if (event.kind === 'end') return;
  }
}
