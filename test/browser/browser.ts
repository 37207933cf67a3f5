/**
 * Test support: Debian's Chromium driven by playwright-core (never a downloaded browser), and
 * the embedded platform's API serving the console build, started in-process.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { loadConfig } from '#config/config.ts';
import { startLocalApi } from '#http/localServer.ts';
import type { Role } from '#ports/tenant.ts';
import { mintLocalToken } from '#security/localKeys.ts';
import { handler } from '../../functions/httpApi.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'screenshots');
const CONSOLE_DIR = join(import.meta.dirname, '..', '..', 'web', 'dist');

/** Launches headless Chromium with the flags the CI machine needs. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The local API with the console at `/`, as `modernize serve` runs it. */
export async function startConsoleServer(): Promise<{ url: string; server: Server }> {
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) throw new Error('web/dist is missing: npm run build:web');
  return startLocalApi(handler as never, { maxBodyBytes: 50e6, staticDir: CONSOLE_DIR });
}

/** A token minted with the local key (what `modernize token` prints). */
export async function mintToken(tenant: string, roles: Role[]): Promise<string> {
  const config = loadConfig();
  return mintLocalToken({
    home: config.home,
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    tenant,
    roles,
  });
}

/** Saves a screenshot as a test artefact (the whole page unless `fullPage` is false); returns its path. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
