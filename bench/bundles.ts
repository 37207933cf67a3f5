/**
 * Bundle size and cold-init time of every Lambda handler in functions/, bundled for real by
 * `bundleHandler` (cdk/bundling.ts, the same call the CDK deploys), against an empty handler bundled
 * the same way in the same run.
 *
 * Per handler:
 * - init KB: the entry plus the chunks it imports statically, i.e. what a cold start loads;
 * - total KB: every file of the artifact (chunks only a dynamic import() loads included);
 * - cold init: a fresh Node process importing the entry, with the Lambda environment variables
 *   the handlers look at (so module-level work that only runs in Lambda is measured too): the
 *   import time inside the process and the whole process wall time, and that wall time against
 *   the empty handler's;
 * - full load: a fresh process importing the entry and then every chunk of the artifact, the
 *   worst first invocation, so the cost moved out of init into first use stays visible.
 * Targets: bundle <= 1 MB (judged on the init bundle and on the whole artifact), process cold
 * init <= 1.5x the empty handler's.
 * Run: npm run bench:bundles (BENCH_RUNS=n cold starts per bundle, default 7; BENCH_TOP=n also
 * lists the n largest packages of each init bundle and of its lazy chunks, from esbuild's metafile).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleHandler, type HandlerBundle } from '../cdk/bundling.ts';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const MAX_BYTES = 1024 * 1024;
const MAX_RATIO = 1.5;
const TOP = Number(process.env.BENCH_TOP ?? 0);

/** What the Lambda runtime sets and the handlers read at import (`inLambda()` switches Powertools on). */
const LAMBDA_ENV = {
  AWS_REGION: 'eu-west-1',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
  POWERTOOLS_SERVICE_NAME: 'bench',
  POWERTOOLS_METRICS_NAMESPACE: 'Modernize',
  MODERNIZE_TABLE: 't',
  MODERNIZE_BUCKET: 'b',
};

interface Measured {
  readonly name: string;
  readonly initBytes: number;
  readonly totalBytes: number;
  readonly files: number;
  readonly importMs: number;
  readonly processMs: number;
  readonly fullMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** Output bytes per npm package (or shared/ area) of some outputs of a bundle, largest first. */
function largestInputs(bundle: HandlerBundle, files: readonly string[], top: number): string {
  const wanted = new Set(files.map((f) => join(bundle.outdir, f)));
  const bytes = new Map<string, number>();
  for (const [path, output] of Object.entries(bundle.metafile.outputs)) {
    if (!wanted.has(join(ROOT, path))) continue;
    for (const [file, input] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
      const key = pkg ?? file.split('/').slice(0, 2).join('/');
      bytes.set(key, (bytes.get(key) ?? 0) + input.bytesInOutput);
    }
  }
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, n]) => `${name} ${(n / 1024).toFixed(0)} KB`)
    .join(', ');
}

/** One fresh process running `script`: the wall time, and the lines the script printed. */
function runOnce(script: string, what: string): { wallMs: number; printed: string[] } {
  const started = performance.now();
  try {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, ...LAMBDA_ENV },
    });
    return { wallMs: performance.now() - started, printed: out.split('\n') };
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '');
    const reason = stderr.split('\n').find((l) => /Error/.test(l) && l.length < 300) ?? 'failed';
    throw new Error(`importing ${what} failed: ${reason}`);
  }
}

const href = (bundle: HandlerBundle, file: string) => pathToFileURL(join(bundle.outdir, file)).href;

/** The two scripts timed per bundle: the cold start (entry only) and the full load (every chunk). */
function scripts(bundle: HandlerBundle): { cold: string; full: string } {
  const entry = JSON.stringify(href(bundle, bundle.entry));
  const others = [...bundle.files.keys()].filter((f) => f !== bundle.entry).map((f) => href(bundle, f));
  return {
    cold: `const t=performance.now();await import(${entry});process.stdout.write(String(performance.now()-t));`,
    // A chunk that cannot load here (the embedded vector index's native usearch binding, which a
    // Lambda never reaches: it uses OpenSearch) is listed, not hidden.
    full: `const t=performance.now();await import(${entry});const u=[];for(const f of ${JSON.stringify(others)}){try{await import(f)}catch(e){u.push(f.split('/').pop()+': '+String(e.message).split('\\n')[0])}}process.stdout.write([performance.now()-t,...u].join('\\n'));`,
  };
}

/**
 * Times every bundle `RUNS` times, round-robin (bundle A, B, C, A, B, C, ...): on a shared machine a
 * burst of load then hits every bundle alike instead of whichever happened to be measured then.
 */
function measureAll(named: readonly [string, HandlerBundle][]): Measured[] {
  const samples = named.map(() => ({
    imports: [] as number[],
    walls: [] as number[],
    fulls: [] as number[],
  }));
  for (let run = 0; run < RUNS; run++) {
    named.forEach(([name, bundle], i) => {
      const { cold, full } = scripts(bundle);
      const first = runOnce(cold, bundle.entry);
      samples[i]?.imports.push(Number(first.printed[0]));
      samples[i]?.walls.push(first.wallMs);
      const all = runOnce(full, `${bundle.entry} and its chunks`);
      samples[i]?.fulls.push(all.wallMs);
      for (const failed of all.printed.slice(1).filter(Boolean)) unloadable.add(`${name}: ${failed}`);
    });
  }
  return named.map(([name, bundle], i) => {
    const sizes = [...bundle.files];
    const s = samples[i] ?? { imports: [], walls: [], fulls: [] };
    return {
      name,
      initBytes: sizes.filter(([f]) => bundle.initFiles.includes(f)).reduce((n, [, b]) => n + b, 0),
      totalBytes: sizes.reduce((n, [, b]) => n + b, 0),
      files: sizes.length,
      importMs: median(s.imports),
      processMs: median(s.walls),
      fullMs: median(s.fulls),
    };
  });
}

const unloadable = new Set<string>();
const dir = join(tmpdir(), `modernize-bench-${process.pid}`);
try {
  const bundle = (name: string, entry?: string) => {
    const b = bundleHandler(name, { outdir: join(dir, name), ...(entry ? { entry } : {}) });
    return b;
  };
  const emptyEntry = join(tmpdir(), `modernize-bench-empty-${process.pid}.ts`);
  writeFileSync(emptyEntry, 'export const handler = async () => ({ ok: true });\n');
  const named: [string, HandlerBundle][] = [['(empty)', bundle('empty', emptyEntry)]];
  rmSync(emptyEntry, { force: true });
  const tops: string[] = [];
  for (const file of readdirSync(join(ROOT, 'functions'))
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const name = file.replace('.ts', '');
    const b = bundle(name);
    named.push([name, b]);
    if (TOP > 0) {
      const lazy = [...b.files.keys()].filter((f) => !b.initFiles.includes(f));
      tops.push(`${name} init: ${largestInputs(b, b.initFiles, TOP)}`);
      tops.push(`${name} lazy: ${largestInputs(b, lazy, TOP)}`);
    }
  }
  const [empty, ...results] = measureAll(named);
  if (!empty) throw new Error('no empty handler measured');

  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const ok = (good: boolean, width: number) => (good ? 'ok' : 'OVER').padStart(width);
  console.log(
    `node ${process.version}, ${RUNS} cold starts per bundle (median, bundles interleaved), Lambda environment`,
  );
  console.log(
    'handler           init KB  total KB files  import ms  process ms  x empty  full load ms  x empty' +
      '  init<=1MB  total<=1MB  init<=1.5x',
  );
  for (const r of [empty, ...results]) {
    const ratio = r.processMs / empty.processMs;
    console.log(
      [
        r.name.padEnd(16),
        kb(r.initBytes).padStart(8),
        kb(r.totalBytes).padStart(9),
        String(r.files).padStart(5),
        r.importMs.toFixed(1).padStart(10),
        r.processMs.toFixed(1).padStart(11),
        `${ratio.toFixed(2)}x`.padStart(8),
        r.fullMs.toFixed(1).padStart(13),
        `${(r.fullMs / empty.processMs).toFixed(2)}x`.padStart(8),
        ok(r.initBytes <= MAX_BYTES, 10),
        ok(r.totalBytes <= MAX_BYTES, 11),
        ok(ratio <= MAX_RATIO, 11),
      ].join(' '),
    );
  }
  for (const line of unloadable)
    console.log(`not loadable outside its runtime path, left out of full load: ${line}`);
  for (const line of tops) console.log(line);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
