import { describe, expect, it } from 'vitest';
import {
  EmptyFileError,
  MalformedFileError,
  openUpload,
  UnsupportedFormatError,
} from '../../../shared/import/index.ts';
import { allRows, bytesSource } from './sources.ts';

describe('JSON uploads', () => {
  it('reads an array of objects, flattening nested objects and scalar arrays', async () => {
    // Prepare
    const json = JSON.stringify([
      { name: 'web1', os: { family: 'Linux', version: 8 }, ips: ['10.0.0.1', '10.0.0.2'], active: true },
      { name: 'db1', owner: null, tags: [] },
    ]);
    // Act
    const table = openUpload(bytesSource(`  \n${json}`), 'assets.csv');
    const profile = await table.profile();
    // Assess
    expect(profile.format).toBe('json');
    expect(profile.columns.map((c) => c.header)).toEqual([
      'name',
      'os.family',
      'os.version',
      'ips',
      'active',
      'owner',
      'tags',
    ]);
    expect(await allRows(table)).toEqual([
      ['web1', 'Linux', '8', '10.0.0.1, 10.0.0.2', 'true', '', ''],
      ['db1', '', '', '', '', '', ''],
    ]);
    expect(profile.columns.find((c) => c.header === 'ips')?.inferredType).toBe('ip');
  });

  it('reads an object wrapping one array of records', async () => {
    const table = openUpload(
      bytesSource(JSON.stringify({ count: 2, rows: [{ a: 1 }, { a: 2, b: 'x' }] })),
      'x.json',
    );
    expect((await table.profile()).rows).toBe(2);
    expect(await allRows(table)).toEqual([
      ['1', ''],
      ['2', 'x'],
    ]);
  });

  it.each([
    ['a scalar', '42'.replace('42', '{"value": 42}')],
    ['an array of scalars', '[1, 2, 3]'],
    ['an object with no record array', '{"a": {"b": 1}}'],
  ])('refuses JSON that is not rows: %s', async (_label, text) => {
    await expect(openUpload(bytesSource(text), 'x.json').profile()).rejects.toBeInstanceOf(
      UnsupportedFormatError,
    );
  });

  it('refuses deep JSON, broken JSON and empty record lists', async () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 40; i++) deep = { level: deep };
    const deepError = openUpload(bytesSource(JSON.stringify([deep])), 'd.json').profile();
    await expect(deepError).rejects.toThrow('JSON is nested more than 32 levels deep; upload flat records');
    await expect(openUpload(bytesSource('[{"a": 1},'), 'b.json').profile()).rejects.toBeInstanceOf(
      MalformedFileError,
    );
    await expect(openUpload(bytesSource('[]'), 'e.json').profile()).rejects.toBeInstanceOf(EmptyFileError);
  });
});

describe('JSON Lines', () => {
  it('reads one object per line', async () => {
    const table = openUpload(bytesSource('{"host":"a","port":22}\n{"host":"b","port":443}\n'), 'c.jsonl');
    expect((await table.profile()).columns.map((c) => [c.header, c.inferredType])).toEqual([
      ['host', 'text'],
      ['port', 'integer'],
    ]);
    expect(await allRows(table)).toEqual([
      ['a', '22'],
      ['b', '443'],
    ]);
  });
});
