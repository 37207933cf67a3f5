/**
 * Benchmark of the CSV import path: generates a 100k x 20 CSV in memory and prints rows/s
 * of uDSV (whole string), papaparse, our rows() and our profile(), with ratios to uDSV,
 * plus peak RSS of a 1,000,000-row streamed pass.
 * Run: npx node bench/import-parse.ts [rows]
 */
import { spawnSync } from 'node:child_process';
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
import { openUpload } from '../shared/import/index.ts';

const BIG_MODE = process.argv[2] === '--big';
const ROWS = BIG_MODE ? 0 : Number(process.argv[2] ?? 100_000);
const COLS = 20;

function makeRow(i: number): string {
  const cells: string[] = [];
  for (let c = 0; c < COLS; c++) {
    switch (c % 5) {
      case 0:
        cells.push(`server-${i}-${c}.corp.example.com`);
        break;
      case 1:
        cells.push(String((i * 7 + c) % 100_000));
        break;
      case 2:
        cells.push(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
        break;
      case 3:
        cells.push(c === 3 && i % 10 === 0 ? '"Windows Server 2019, Datacenter"' : 'Ubuntu 22.04 LTS');
        break;
      default:
        cells.push(i % 3 === 0 ? '' : `${(i % 1000) / 10}`);
    }
  }
  return cells.join(',');
}

function makeCsv(rows: number): string {
  const header = Array.from({ length: COLS }, (_, c) => `col_${c}`).join(',');
  const lines = [header];
  for (let i = 0; i < rows; i++) lines.push(makeRow(i));
  return `${lines.join('\n')}\n`;
}

/** Streams a string in 64 KiB UTF-8 chunks, as fs.createReadStream would. */
function chunked(bytes: Uint8Array) {
  return async function* () {
    for (let i = 0; i < bytes.length; i += 65_536) yield bytes.subarray(i, i + 65_536);
  };
}

function rate(rows: number, ms: number): number {
  return Math.round(rows / (ms / 1000));
}

async function time(fn: () => Promise<number> | number): Promise<{ rows: number; ms: number }> {
  const start = performance.now();
  const rows = await fn();
  return { rows, ms: performance.now() - start };
}

async function mainBench(): Promise<void> {
  const csv = makeCsv(ROWS);
  const bytes = new TextEncoder().encode(csv);
  console.log(
    `CSV: ${ROWS.toLocaleString('en-US')} rows x ${COLS} columns, ${(bytes.length / 1024 ** 2).toFixed(1)} MiB`,
  );

  const udsv = await time(() => {
    const parser = initParser(inferSchema(csv));
    return parser.stringArrs(csv).length;
  });
  const papa = await time(() => Papa.parse<string[]>(csv, { header: false }).data.length - 2);
  const ours = await time(async () => {
    let n = 0;
    for await (const batch of openUpload(chunked(bytes), 'bench.csv').rows()) n += batch.length;
    return n;
  });
  const profiled = await time(async () => (await openUpload(chunked(bytes), 'bench.csv').profile()).rows);

  const base = rate(udsv.rows, udsv.ms);
  for (const [name, r] of [
    ['uDSV stringArrs (whole string)', udsv],
    ['papaparse (whole string)', papa],
    ['openUpload().rows() (streamed)', ours],
    ['openUpload().profile() (streamed)', profiled],
  ] as const) {
    const perSec = rate(r.rows, r.ms);
    console.log(
      `${name.padEnd(36)} ${String(r.rows).padStart(8)} rows  ${r.ms.toFixed(0).padStart(6)} ms  ${perSec.toLocaleString('en-US').padStart(10)} rows/s  x${(perSec / base).toFixed(2)} of uDSV`,
    );
  }

  // The 1M-row memory figure is measured in a fresh process so the strings above do not count.
  const child = spawnSync(process.execPath, [process.argv[1] as string, '--big'], { encoding: 'utf8' });
  process.stdout.write(child.stdout + child.stderr);
}

async function bigBench(): Promise<void> {
  const BIG = 1_000_000;
  const encoder = new TextEncoder();
  let peak = 0;
  // Distinct rows (as in a real export), generated 1,000 at a time; RSS is sampled per block
  // because a tight async pipeline never lets a timer fire.
  async function* bigSource(): AsyncGenerator<Uint8Array> {
    yield encoder.encode(`${Array.from({ length: COLS }, (_, c) => `col_${c}`).join(',')}\n`);
    for (let start = 0; start < BIG; start += 1000) {
      let block = '';
      for (let i = start; i < start + 1000; i++) block += `${makeRow(i)}\n`;
      peak = Math.max(peak, process.memoryUsage().rss);
      yield encoder.encode(block);
    }
  }
  const big = await time(async () => (await openUpload(bigSource, 'big.csv').profile()).rows);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `1M-row streamed profile(): ${big.rows.toLocaleString('en-US')} rows in ${(big.ms / 1000).toFixed(1)} s (including generating the rows), peak RSS ${(peak / 1024 ** 2).toFixed(0)} MB`,
  );
}

if (BIG_MODE) await bigBench();
else await mainBench();
