/**
 * Child process of bench/import: imports (profile pass + streamed rows pass) a generated
 * 1,000,000-row CSV without ever holding it whole, then reports its peak RSS as JSON.
 */
import { openUpload } from '#import/index.ts';
import { cmdbCsvStream } from './generateCmdb.ts';

const ROWS = 1_000_000;
const start = performance.now();
const table = openUpload(() => cmdbCsvStream(ROWS), 'million.csv');
const profile = await table.profile();
let rows = 0;
for await (const batch of table.rows()) rows += batch.length;
if (rows !== profile.rows) throw new Error(`profile says ${profile.rows} rows, stream gave ${rows}`);
process.stdout.write(
  JSON.stringify({ rows, ms: performance.now() - start, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
