/**
 * Builds the console (web/ -> web/dist) once before the browser tests, so they test the source
 * as it is now rather than a stale build.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export default async function setup(): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
  });
}
