/**
 * bench/import-xlsx: XLSX import of generated RVTools workbooks (12 sheets, 4.x headers), 5,000 and 20,000
 * VMs by default. Each measurement runs in a fresh child process, so its peak RSS is its own:
 *  - the floor: exceljs' streaming WorkbookReader reading every row of every sheet and doing nothing else;
 *  - ours: openUpload's profile() then rows() on one opened upload (what the CLI and a bench pipeline do),
 *    with its speed ratio to the floor (floor time / our time: 1.00 = as fast as a bare read);
 *  - ours, rows() alone on a freshly opened upload (what the data_cleansing phase does after data_import).
 * Times are wall clock, with the process's CPU time beside them (steadier on a shared machine).
 * Run: npx node bench/import-xlsx.ts [vms...]   (e.g. `npx node bench/import-xlsx.ts 5000`)
 * A/B: BENCH_IMPORT_MODULE=/path/to/other/import/index.ts measures another copy of the importer.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { openUpload as OpenUpload } from '#import/index.ts';
import { writeRvtoolsWorkbook } from '../test/support/rvtoolsWorkbook.ts';

type Mode = 'floor' | 'ours' | 'rows-only';

interface ChildResult {
  readonly rows: number;
  readonly profileMs: number;
  readonly rowsMs: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** exceljs' own streaming read of every row of every sheet, with the options our reader uses. */
async function floor(file: string): Promise<ChildResult> {
  const start = performance.now();
  const excel = (await import('exceljs')).default;
  const reader = new excel.stream.xlsx.WorkbookReader(createReadStream(file), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  let rows = 0;
  for await (const worksheet of reader) for await (const _row of worksheet) rows++;
  return { rows, profileMs: 0, rowsMs: performance.now() - start, cpuMs: cpuMs(), maxRssMb: peakRssMb() };
}

async function ours(file: string, profileFirst: boolean): Promise<ChildResult> {
  const module = process.env.BENCH_IMPORT_MODULE ?? '#import/index.ts';
  const { openUpload } = (await import(module)) as { openUpload: typeof OpenUpload };
  const start = performance.now();
  const table = openUpload(() => createReadStream(file), 'rvtools.xlsx');
  const profile = profileFirst ? await table.profile() : undefined;
  const profiled = performance.now();
  let rows = 0;
  for await (const batch of table.rows()) rows += batch.length;
  if (profile && rows !== profile.rows)
    throw new Error(`profile says ${profile.rows} rows, rows() gave ${rows}`);
  return {
    rows,
    profileMs: profiled - start,
    rowsMs: performance.now() - profiled,
    cpuMs: cpuMs(),
    maxRssMb: peakRssMb(),
  };
}

async function child(mode: Mode, file: string): Promise<void> {
  const result = mode === 'floor' ? await floor(file) : await ours(file, mode === 'ours');
  process.stdout.write(JSON.stringify(result));
}

function run(mode: Mode, file: string): ChildResult {
  const out = spawnSync(process.execPath, [import.meta.filename, '--child', mode, file], {
    encoding: 'utf8',
  });
  if (out.status !== 0)
    throw new Error(`${mode} child failed: ${out.stderr.split('\n').slice(0, 5).join(' ')}`);
  return JSON.parse(out.stdout) as ChildResult;
}

function line(label: string, r: ChildResult, extra = ''): void {
  const total = r.profileMs + r.rowsMs;
  const parts =
    r.profileMs > 0
      ? `${(total / 1000).toFixed(2)} s (profile ${(r.profileMs / 1000).toFixed(2)} + rows ${(r.rowsMs / 1000).toFixed(2)})`
      : `${(total / 1000).toFixed(2)} s`;
  const cpu = `cpu ${(r.cpuMs / 1000).toFixed(2)} s`;
  console.log(
    `  ${label.padEnd(37)} ${parts.padEnd(39)} ${cpu.padEnd(13)} peak RSS ${r.maxRssMb.toFixed(0).padStart(4)} MB${extra}`,
  );
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  console.log(`bench/import-xlsx: generated RVTools 4.x workbooks, Node ${process.version}`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-xlsx-'));
  try {
    for (const vms of sizes.length > 0 ? sizes : [5_000, 20_000]) {
      const file = join(dir, `rvtools-${vms}.xlsx`);
      const generated = performance.now();
      await writeRvtoolsWorkbook(file, { vms, seed: 1 });
      const mb = statSync(file).size / 1024 ** 2;
      console.log(
        `${vms.toLocaleString('en-US')} VMs: ${mb.toFixed(1)} MB workbook (generated in ${((performance.now() - generated) / 1000).toFixed(1)} s)`,
      );
      const base = run('floor', file);
      line(
        'exceljs streaming read (floor)',
        base,
        `  (${base.rows.toLocaleString('en-US')} rows, all sheets)`,
      );
      const ratio = (r: ChildResult) =>
        `  ratio ${(base.rowsMs / (r.profileMs + r.rowsMs)).toFixed(2)} to the floor (cpu ${(base.cpuMs / r.cpuMs).toFixed(2)})`;
      const full = run('ours', file);
      line('openUpload profile() + rows()', full, ratio(full));
      const alone = run('rows-only', file);
      line('openUpload rows() on a fresh upload', alone, ratio(alone));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3] as Mode, process.argv[4] as string);
else await main();
