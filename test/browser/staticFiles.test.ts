import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStaticFile } from '#http/staticFiles.ts';

describe('console static files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'modernize-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    writeFileSync(join(dir, '..', 'secret.txt'), 'do not serve');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(dir, '..', 'secret.txt'), { force: true });
  });

  it('serves index.html at / with a strict content security policy, and hashed assets for good', async () => {
    const index = await findStaticFile(dir, '/');
    const script = await findStaticFile(dir, '/assets/app-1a2b.js');

    expect(index?.body.toString()).toContain('<title>console</title>');
    expect(index?.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index?.headers['cache-control']).toBe('no-cache');
    expect(script?.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script?.headers['cache-control']).toContain('immutable');
  });

  it('leaves API paths and anything outside the folder to the API (null)', async () => {
    expect(await findStaticFile(dir, '/engagements')).toBeNull();
    expect(await findStaticFile(dir, '/../secret.txt')).toBeNull();
    expect(await findStaticFile(dir, '/%2e%2e/secret.txt')).toBeNull();
    expect(await findStaticFile(dir, '/assets')).toBeNull();
    expect(await findStaticFile(dir, '/%E0%A4%A')).toBeNull();
  });
});
