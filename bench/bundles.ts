/**
 * Bundle size and cold-init time of every Lambda handler in functions/, bundled for real with the
 * deployed esbuild settings (cdk/bundling.ts), against an empty handler bundled the same way in the
 * same run. Cold init = a fresh Node process importing the bundle: the import time measured inside
 * the process, and the whole process wall time (runtime start + import) measured outside it.
 * Targets: bundle <= 1 MB, process cold init <= 1.5x the empty handler's.
 * Run: npm run bench:bundles (BENCH_TOP=12 also lists each bundle's largest packages, from the
 * esbuild metafile, to see what weighs and whether it is needed at init).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { HANDLER_BUNDLING } from '../cdk/bundling.ts';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const MAX_BYTES = 1024 * 1024;
const MAX_RATIO = 1.5;
const TOP = Number(process.env.BENCH_TOP ?? 0);
const heaviest = new Map<string, string>();

interface Measured {
  readonly name: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly importMs: number;
  readonly processMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function bundle(entry: string, outfile: string): Promise<esbuild.Metafile> {
  const result = await esbuild.build({
    ...HANDLER_BUNDLING,
    mainFields: [...HANDLER_BUNDLING.mainFields],
    external: [...HANDLER_BUNDLING.external],
    banner: { js: HANDLER_BUNDLING.banner },
    entryPoints: [entry],
    bundle: true,
    outfile,
    logLevel: 'silent',
    metafile: true,
  });
  return result.metafile;
}

/** Output bytes per npm package (or shared/ area) of a bundle, largest first. */
function largestInputs(metafile: esbuild.Metafile, top: number): string {
  const output = Object.values(metafile.outputs)[0];
  const bytes = new Map<string, number>();
  for (const [file, input] of Object.entries(output?.inputs ?? {})) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
    const key = pkg ?? file.split('/').slice(0, 2).join('/');
    bytes.set(key, (bytes.get(key) ?? 0) + input.bytesInOutput);
  }
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, n]) => `${name} ${(n / 1024).toFixed(0)} KB`)
    .join(', ');
}

/** Imports the bundle in a fresh process `RUNS` times: median import time and process wall time. */
function coldInit(file: string): { importMs: number; processMs: number } {
  const script = `const t=performance.now();await import(${JSON.stringify(pathToFileURL(file).href)});process.stdout.write(String(performance.now()-t));`;
  const imports: number[] = [];
  const walls: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    let out: string;
    try {
      out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH, AWS_REGION: 'eu-west-1', MODERNIZE_TABLE: 't', MODERNIZE_BUCKET: 'b' },
      });
    } catch (error) {
      const stderr = String((error as { stderr?: string }).stderr ?? '');
      const reason = stderr.split('\n').find((l) => /Error/.test(l) && l.length < 300) ?? 'failed';
      throw new Error(`importing ${file} failed: ${reason}`);
    }
    walls.push(performance.now() - started);
    imports.push(Number(out));
  }
  return { importMs: median(imports), processMs: median(walls) };
}

async function measure(name: string, entry: string, dir: string): Promise<Measured> {
  const outfile = join(dir, `${name}.mjs`);
  const metafile = await bundle(entry, outfile);
  if (TOP > 0) heaviest.set(name, largestInputs(metafile, TOP));
  const bytes = statSync(outfile).size;
  const gzipBytes = gzipSync(await readFile(outfile)).length;
  return { name, bytes, gzipBytes, ...coldInit(outfile) };
}

const dir = mkdtempSync(join(tmpdir(), 'modernize-bundles-'));
try {
  const emptyEntry = join(dir, 'empty.ts');
  writeFileSync(emptyEntry, 'export const handler = async () => ({ ok: true });\n');
  const empty = await measure('(empty)', emptyEntry, dir);
  const handlers = readdirSync(join(ROOT, 'functions'))
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const results: Measured[] = [];
  for (const file of handlers)
    results.push(await measure(file.replace('.ts', ''), join(ROOT, 'functions', file), dir));

  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`node ${process.version}, ${RUNS} cold starts per bundle (median)`);
  console.log('handler            bundle     gzip    import ms  process ms  x empty  size<=1MB  init<=1.5x');
  for (const r of [empty, ...results]) {
    const ratio = r.processMs / empty.processMs;
    console.log(
      [
        r.name.padEnd(17),
        kb(r.bytes).padStart(8),
        kb(r.gzipBytes).padStart(8),
        r.importMs.toFixed(1).padStart(11),
        r.processMs.toFixed(1).padStart(11),
        `${ratio.toFixed(2)}x`.padStart(8),
        (r.bytes <= MAX_BYTES ? 'ok' : 'OVER').padStart(10),
        (ratio <= MAX_RATIO ? 'ok' : 'OVER').padStart(11),
      ].join(' '),
    );
  }
  for (const [name, list] of heaviest) if (name !== '(empty)') console.log(`${name}: ${list}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
