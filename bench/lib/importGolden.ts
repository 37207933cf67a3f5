/**
 * Golden check of the import pipeline (profile pass, mapping, cleansing, inventory): writes, per input, the
 * profile, the mappings, every cleansed record (NDJSON, in row order) and the inventory (assets in result
 * order, every field, plus a second build merging the same rows into it as a later upload) to OUTDIR, so a
 * performance change can be proven output-neutral with `diff -r`.
 *
 * Inputs: the bench's generated CMDB CSV (20k rows), a seeded "messy" CSV full of duplicates, conflicting and
 * placeholder identifiers, every file under test/fixtures and examples/ that openUpload reads, and
 * ../shared/data/*.csv|*.xlsx.
 *
 * Run: npx node bench/lib/importGolden.ts OUTDIR [--mappings-from DIR] [--inputs SNAPSHOT]
 * With --mappings-from, each input reuses the mappings recorded in DIR, so a concurrent change to the field
 * matcher does not show up as a pipeline difference.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Asset } from '#domain/assetSchema.ts';
import { compileCleanser } from '#domain/cleansing/index.ts';
import { InventoryBuilder } from '#domain/inventory/index.ts';
import { mapColumns } from '#domain/mapping/index.ts';
import type { CleansedRecord, FieldMapping } from '#domain/tableTypes.ts';
import { openUpload } from '#import/index.ts';
import { cmdbCsv } from './generateCmdb.ts';
import { messyCmdbCsv } from './messyCmdb.ts';

const outDir = process.argv[2];
const inputsFlag = process.argv.indexOf('--inputs');
/** Where test/fixtures, examples and data are read from (a snapshot keeps inputs still while others edit). */
const root =
  inputsFlag === -1 ? join(import.meta.dirname, '..', '..') : (process.argv[inputsFlag + 1] as string);
const dataDir = inputsFlag === -1 ? join(root, '..', 'shared', 'data') : join(root, 'data');
const flag = process.argv.indexOf('--mappings-from');
const mappingsFrom = flag === -1 ? undefined : process.argv[flag + 1];
if (!outDir) throw new Error('usage: importGolden.ts OUTDIR [--mappings-from DIR]');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

function slug(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/** Runs the pipeline on one input and writes its golden files; false when openUpload refuses it. */
async function golden(name: string, bytes: Uint8Array): Promise<boolean> {
  const open = async function* () {
    for (let i = 0; i < bytes.length; i += 1 << 16) yield bytes.subarray(i, i + (1 << 16));
  };
  const table = openUpload(open, name);
  let profile: Awaited<ReturnType<typeof table.profile>>;
  try {
    profile = await table.profile();
  } catch (error) {
    writeFileSync(join(outDir as string, `${slug(name)}.refused.txt`), `${(error as Error).name}\n`);
    return false;
  }
  let mappings: readonly FieldMapping[];
  const recorded = mappingsFrom && join(mappingsFrom, `${slug(name)}.mappings.json`);
  if (recorded && existsSync(recorded)) mappings = JSON.parse(readFileSync(recorded, 'utf8'));
  else mappings = mapColumns(profile.columns).mappings;
  const cleanse = compileCleanser(profile.columns, mappings, { uploadId: 'golden-1' });
  const again = compileCleanser(profile.columns, mappings, { uploadId: 'golden-2' });
  const records: CleansedRecord[] = [];
  const later: CleansedRecord[] = [];
  let row = 0;
  for await (const batch of table.rows()) {
    for (const values of batch) {
      row++;
      records.push(cleanse(values, row));
      later.push(again(values, row));
    }
  }
  const first = new InventoryBuilder();
  for (const record of records) first.add(record);
  const built = first.result();
  const firstJson = inventoryJson(built);
  const second = new InventoryBuilder(built.assets);
  for (const record of later) second.add(record);
  // The same rows again in the same upload (nothing may change but counts).
  for (const record of later.slice(0, 50)) second.add(record);
  const base = join(outDir as string, slug(name));
  writeFileSync(`${base}.profile.json`, `${JSON.stringify(profile, null, 1)}\n`);
  writeFileSync(`${base}.mappings.json`, `${JSON.stringify(mappings, null, 1)}\n`);
  writeFileSync(`${base}.cleansed.ndjson`, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  writeFileSync(`${base}.inventory.json`, firstJson);
  writeFileSync(`${base}.inventory-merged.json`, inventoryJson(second.result()));
  return true;
}

function inventoryJson(result: {
  assets: Asset[];
  created: number;
  merged: number;
  rowsWithoutIdentity: number;
}): string {
  const order = result.assets.map((asset) => asset.assetId);
  const byId = [...result.assets].sort((a, b) =>
    a.assetId < b.assetId ? -1 : a.assetId > b.assetId ? 1 : 0,
  );
  const counts = { created: result.created, merged: result.merged, rows: result.rowsWithoutIdentity };
  // One asset per line, keys in their own order (the order users' JSON output shows).
  return `${JSON.stringify({ counts, order })}\n${byId.map((asset) => JSON.stringify(asset)).join('\n')}\n`;
}

mkdirSync(outDir, { recursive: true });
const inputs: [string, () => Uint8Array][] = [
  ['bench-20k.csv', () => Buffer.from(cmdbCsv(20_000))],
  ['messy-8k.csv', () => Buffer.from(messyCmdbCsv(8_000, 7))],
  ['messy-3k-seed2.csv', () => Buffer.from(messyCmdbCsv(3_000, 2))],
];
for (const dir of ['test/fixtures', 'examples']) {
  for (const path of filesUnder(join(root, dir)))
    inputs.push([relative(root, path), () => readFileSync(path)]);
}
for (const path of filesUnder(dataDir)) {
  if (/\.(csv|xlsx)$/i.test(path)) inputs.push([`data/${relative(dataDir, path)}`, () => readFileSync(path)]);
}
let read = 0;
for (const [name, bytes] of inputs) if (await golden(name, bytes())) read++;
console.log(`golden: ${read} of ${inputs.length} inputs read into ${outDir}`);
