import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, useTempHome } from '../support/platform.ts';

const CASES: [string, string | Buffer][] = [
  ['empty.csv', ''],
  ['header-only.csv', 'name,ip_address,os\n'],
  [
    'binary.csv',
    Buffer.from(
      [0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10, 0x00, 0x00, 0x7f, 0x00, 0x03].concat(Array(500).fill(0)),
    ),
  ],
  ['unclosed.csv', 'name,ip_address,os\nweb01,10.0.0.1,"Windows Server 2019\nweb02,10.0.0.2,RHEL 8\n'],
  ['not-rows.json', '{"hello": "world"}'],
];

describe('bad input ends in exit code 2 with one line and nothing written', () => {
  let temp: ReturnType<typeof useTempHome>;
  beforeAll(() => {
    temp = useTempHome();
  });
  afterAll(() => temp.cleanup());

  it.each(CASES)('%s', async (name, content) => {
    const file = join(temp.home, name);
    writeFileSync(file, content);

    const run = await runCli(['discover', file, '--json', '--engagement', 'bad']);

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^error: \S/);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('an oversize upload is refused by the configured limit', async () => {
    const file = join(temp.home, 'big.csv');
    writeFileSync(file, `name,ip_address\n${'web,10.0.0.1\n'.repeat(5000)}`);
    process.env.MODERNIZE_MAX_UPLOAD_BYTES = '10000';
    try {
      const run = await runCli(['discover', file, '--json', '--engagement', 'bad']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/limit|large/i);
    } finally {
      delete process.env.MODERNIZE_MAX_UPLOAD_BYTES;
    }
  });

  it('left no upload, flow or asset behind', async () => {
    const inventory = await runCli(['inventory', '--json', '--engagement', 'bad']);
    expect(inventory.json().assets).toEqual([]);
    const { EmbeddedPlatform } = await import('#adapters/local/embeddedPlatform.ts');
    const platform = await EmbeddedPlatform.start({ home: temp.home, s3Events: false });
    try {
      const t = { clientAccountId: 'default', userId: 'x', roles: ['viewer' as const] };
      expect(await platform.services.uploads.list(t, 'bad')).toEqual([]);
      expect(await platform.services.flows.list(t, { engagementId: 'bad' })).toEqual([]);
      expect(await platform.services.objects.list(t, 't/default/e/bad/')).toEqual([]);
    } finally {
      await platform.stop();
    }
  });

  it('an unknown flag or command is a usage error (exit 2)', async () => {
    expect((await runCli(['discover', '--bogus'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['discover', join(temp.home, 'missing.csv')])).code).toBe(2);
  });
});
