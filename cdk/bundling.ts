/**
 * The esbuild settings of every handler bundle, in one place: the CDK NodejsFunction construct and
 * bench/bundles.ts both use them, so the bench measures what is deployed.
 */

/** Plain esbuild options (no CDK types, so the bench can import this without aws-cdk-lib). */
export const HANDLER_BUNDLING = {
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
  // (the X-Ray SDK under the Powertools tracer does): give them the CommonJS module globals.
  banner:
    "import{createRequire as __cr}from'node:module';import{fileURLToPath as __fu}from'node:url';import{dirname as __dn}from'node:path';const require=__cr(import.meta.url);const __filename=__fu(import.meta.url);const __dirname=__dn(__filename);",
} as const;
