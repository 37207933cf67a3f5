import * as esbuild from 'esbuild';
import { HANDLER_BUNDLING } from '../cdk/bundling.ts';
const name = process.argv[2] ?? 'httpApi';
const r = await esbuild.build({
  ...HANDLER_BUNDLING, mainFields: [...HANDLER_BUNDLING.mainFields], external: [...HANDLER_BUNDLING.external],
  banner: { js: HANDLER_BUNDLING.banner }, entryPoints: [`functions/${name}.ts`], bundle: true,
  outfile: `/tmp/meta/${name}.mjs`, metafile: true, logLevel: 'silent',
});
const out = Object.values(r.metafile.outputs)[0]!;
const byPkg = new Map<string, number>();
for (const [file, info] of Object.entries(out.inputs)) {
  const m = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  const key = m ? m[1]! : file.startsWith('shared/') ? file.split('/').slice(0, 2).join('/') : file;
  byPkg.set(key, (byPkg.get(key) ?? 0) + info.bytesInOutput);
}
console.log(name, (out.bytes / 1024).toFixed(0), 'KB');
for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 25))) console.log('  ', (v / 1024).toFixed(0).padStart(6), k);
