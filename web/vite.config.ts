/**
 * Build of the browser console: a static bundle in web/dist that `modernize serve` (and, in the
 * cloud, any static host in front of the API) serves. Preact through the automatic JSX runtime;
 * Vite 8 transforms with Oxc, the successor of its esbuild option.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    reportCompressedSize: false,
  },
  server: { proxy: {} },
});
