/**
 * The esbuild bundling of every handler, in one place: the CDK `HandlerFunction` construct and
 * bench/bundles.ts both call `bundleHandler`, so the bench measures exactly what is deployed.
 *
 * Handlers are bundled with code splitting (ESM): what a handler needs at init (its entry and the
 * chunks the entry imports statically) stays small, and what only some invocations need (openai,
 * the OpenSearch client, exceljs, per-route modules) sits in chunks that a dynamic `import()`
 * loads on first use. NodejsFunction always writes one `--outfile` and cannot split, and a single
 * file inlines every dynamic import, so the handlers use this esbuild call instead.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type BuildOptions, buildSync, type Metafile } from 'esbuild';
import { FUNCTIONS_DIR, REPO_ROOT } from './paths.ts';

/** The esbuild options every handler shares (`handlerBuildOptions` adds the per-handler ones). */
const HANDLER_BUNDLING = {
  platform: 'node',
  format: 'esm',
  target: 'node24',
  minify: true,
  treeShaking: true,
  sourcemap: false,
  mainFields: ['module', 'main'],
  // Our pinned AWS SDK v3 is bundled rather than taken from the runtime.
  external: [] as string[],
  // CommonJS dependencies inside an ESM bundle still call require() and read __filename/__dirname
  // (the X-Ray SDK under the Powertools tracer does): give them the CommonJS module globals. Each
  // output file (entry and chunk) is its own module scope, so each gets the banner.
  banner:
    "const require=process.getBuiltinModule('node:module').createRequire(import.meta.url);const __filename=process.getBuiltinModule('node:url').fileURLToPath(import.meta.url);const __dirname=process.getBuiltinModule('node:path').dirname(__filename);",
} as const;

/**
 * Version of the builtin shims below; bump it when their content changes so no stale shim directory
 * is reused.
 */
const SHIMS_VERSION = 1;

/**
 * esbuild aliases that load Node builtins with `process.getBuiltinModule` instead of an ESM import.
 * An ESM import of a builtin makes Node build the module's ESM facade, which reads every export and
 * so runs its lazy getters: `import … from 'node:http'` alone loads undici (http's WebSocket and
 * fetch classes), 20-40 ms of a cold start that nothing here uses. Through a CommonJS shim the
 * bundle reads only the properties it uses. esbuild's alias also rewrites subpaths, so each subpath
 * builtin (`fs/promises`, `stream/web`, ...) has its own alias (the longest alias wins); an npm
 * package imported with the browserify idiom `'string_decoder/'` would fail the build loudly.
 */
function builtinShimAliases(): Record<string, string> {
  // Inside the repository (the tool-cache folder of node_modules), not the OS temp dir: esbuild's
  // chunk hashes include input paths relative to the repository, so a fixed place keeps asset
  // hashes the same on every machine.
  const dir = join(REPO_ROOT, 'node_modules', '.cache', `modernize-node-builtins-v${SHIMS_VERSION}`);
  mkdirSync(dir, { recursive: true });
  const names = builtinModules.map((m) => m.replace(/^node:/, ''));
  const aliases: Record<string, string> = {};
  for (const name of names) {
    if (name.startsWith('_')) continue;
    const file = join(dir, `${name.replaceAll('/', '__')}.cjs`);
    const content = `module.exports = process.getBuiltinModule(${JSON.stringify(`node:${name}`)});\n`;
    if (!existsSync(file) || readFileSync(file, 'utf8') !== content) {
      // Concurrent synths (test workers) write the same content: rename makes each write atomic.
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, content);
      renameSync(partial, file);
    }
    aliases[`node:${name}`] = file;
    // Bare names only where Node has them: `test` or `sqlite` without `node:` are npm packages.
    if (builtinModules.includes(name)) aliases[name] = file;
  }
  return aliases;
}

/** Extension of every bundled file: `.mjs`, so the Lambda runtime loads it as ESM without a package.json. */
export const BUNDLE_EXTENSION = '.mjs';

/** Where the chunks shared by an entry and its dynamic imports go, inside the bundle directory. */
export const CHUNKS_DIR = 'chunks';

/** One bundled handler: a directory holding `<name>.mjs` and `chunks/*.mjs`, deployed as one asset. */
export interface HandlerBundle {
  /** The directory to deploy (`Code.fromAsset`), absolute. */
  readonly outdir: string;
  /** The entry file, relative to `outdir` (`<name>.mjs`); the Lambda handler is `<name>.handler`. */
  readonly entry: string;
  /** Every output file, relative to `outdir`, with its size in bytes. */
  readonly files: ReadonlyMap<string, number>;
  /** The files a cold start loads: the entry and the chunks it imports statically (transitively). */
  readonly initFiles: readonly string[];
  /** esbuild's metafile (inputs per output), paths relative to the repository root. */
  readonly metafile: Metafile;
}

/** Options of `bundleHandler`: tests and the bench bundle other entries or into a given directory. */
export interface BundleHandlerOptions {
  /** Output directory (created if missing). Default: a fresh directory under the OS temp dir. */
  readonly outdir?: string;
  /** Entry source file. Default: `functions/<name>.ts`. */
  readonly entry?: string;
}

/** The esbuild options of one handler bundle (exported so the options themselves can be asserted). */
export function handlerBuildOptions(name: string, entry: string, outdir: string): BuildOptions {
  return {
    ...HANDLER_BUNDLING,
    mainFields: [...HANDLER_BUNDLING.mainFields],
    external: [...HANDLER_BUNDLING.external],
    banner: { js: HANDLER_BUNDLING.banner },
    entryPoints: { [name]: entry },
    alias: builtinShimAliases(),
    bundle: true,
    splitting: true,
    outdir,
    outExtension: { '.js': BUNDLE_EXTENSION },
    entryNames: '[name]',
    chunkNames: `${CHUNKS_DIR}/[name]-[hash]`,
    // Paths in the metafile (and so the content hashes in chunk names) do not depend on where the
    // repository is checked out or on the caller's working directory: asset hashes stay stable.
    absWorkingDir: REPO_ROOT,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  };
}

/**
 * Bundles `functions/<name>.ts` (or `options.entry`) with code splitting into a directory that is
 * deployed as is: `<name>.mjs` plus `chunks/`. Synchronous (esbuild's buildSync) because CDK's local
 * bundling hook is; the output depends only on the sources, so asset hashes are stable across synths.
 */
export function bundleHandler(name: string, options: BundleHandlerOptions = {}): HandlerBundle {
  const outdir = options.outdir ?? mkdtempSync(join(tmpdir(), `modernize-${name}-`));
  const entrySource = options.entry ?? join(FUNCTIONS_DIR, `${name}.ts`);
  const result = buildSync(handlerBuildOptions(name, entrySource, outdir));
  const metafile = result.metafile;
  if (!metafile) throw new Error(`esbuild returned no metafile for ${name}`);
  const outdirFromRoot = relative(REPO_ROOT, outdir);
  const rel = (path: string) => relative(outdirFromRoot, path).split('\\').join('/');
  const files = new Map(Object.entries(metafile.outputs).map(([path, out]) => [rel(path), out.bytes]));
  const entry = `${name}${BUNDLE_EXTENSION}`;
  return { outdir, entry, files, initFiles: staticClosure(metafile, rel, entry), metafile };
}

/** The outputs reachable from `entry` through static imports only (what loads before the handler runs). */
function staticClosure(metafile: Metafile, rel: (path: string) => string, entry: string): string[] {
  const byRel = new Map(Object.entries(metafile.outputs).map(([path, out]) => [rel(path), out]));
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file) || !byRel.has(file)) continue;
    seen.add(file);
    for (const imported of byRel.get(file)?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) pending.push(rel(imported.path));
    }
  }
  return [...seen];
}
