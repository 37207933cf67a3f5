/**
 * The XLSX side of an upload: profiles every sheet in one streaming pass, decides the
 * logical table (an RVTools composition, or the best asset/connection-like sheet), and
 * streams that table's rows on a later pass.
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
import { readWorkbook, type WorkbookEvent } from './xlsxReader.ts';

/** A workbook upload: its opened stream, and a way to open it again for the fallback reader. */
export interface WorkbookSource {
  readonly stream: AsyncIterable<Uint8Array>;
  readonly reopen: () => Promise<AsyncIterable<Uint8Array>>;
}

function events(source: WorkbookSource, limits: ImportLimits): AsyncIterable<WorkbookEvent> {
  return readWorkbook(source.stream, limits, async function* () {
    yield* readBufferedWorkbook(await source.reopen(), limits);
  });
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

/** Reads the whole workbook once: profiles each sheet and buffers the RVTools join sheets. */
async function readPass(source: WorkbookSource, limits: ImportLimits, profile: boolean): Promise<PassResult> {
  const sheets: SheetProfile[] = [];
  const buffered = new Map<string, BufferedSheet>();
  const headersBySheet = new Map<string, readonly string[]>();
  const profilers = new Map<string, TableProfiler>();
  let truncatedRows = 0;
  for await (const event of events(source, limits)) {
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
    if (composed.rows.length === 0) throw new HeaderOnlyError('RVTools vInfo sheet has no VM rows');
    const profiler = new TableProfiler(composed.headers);
    profiler.addRows(composed.rows);
    return {
      sheets: pass.sheets,
      tableSheet: pass.buffered.get('vinfo')?.name ?? 'vInfo',
      rows: composed.rows.length,
      columns: profiler.columns(),
      composition: composed.composition,
      truncatedRows: pass.truncatedRows,
    };
  }
  const chosen = chooseSheet(pass.sheets);
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

/** Streams the logical table's rows (the composed RVTools table, or the chosen sheet). */
export async function* workbookRows(
  source: WorkbookSource,
  limits: ImportLimits,
  tableSheet: string,
  composed: boolean,
): AsyncGenerator<readonly (readonly string[])[]> {
  if (composed) {
    const pass = await readPass(source, limits, false);
    const table = composition(pass);
    const rows = table?.rows ?? [];
    for (let i = 0; i < rows.length; i += OUT_BATCH) yield rows.slice(i, i + OUT_BATCH);
    return;
  }
  for await (const event of events(source, limits)) {
    if (event.sheet !== tableSheet) continue;
    if (event.kind === 'rows') yield event.rows;
    else if (event.kind === 'end') return;
  }
}
