import { describe, expect, it } from 'vitest';
import { classifyValue, openUpload } from '../../../shared/import/index.ts';
import { bytesSource } from './sources.ts';

describe('value classification', () => {
  it.each([
    ['42', 'integer'],
    ['-1,234,567', 'integer'],
    ['3.14', 'decimal'],
    ['2,5', 'decimal'],
    ['TRUE', 'boolean'],
    ['no', 'boolean'],
    ['2024-01-31', 'date'],
    ['2024-01-31T10:00:00Z', 'date'],
    ['31/01/2024', 'date'],
    ['10.0.0.1', 'ip'],
    ['fe80::1', 'ip'],
    ['10.0.0.1, 10.0.0.2', 'ip'],
    ['00:50:56:AB:CD:EF', 'mac'],
    ['0050.56ab.cdef', 'mac'],
    ['4223a1b2-9c3d-4e5f-8a7b-0c1d2e3f4a5b', 'uuid'],
    ['web01.corp.example.com', 'fqdn'],
    ['Windows Server 2019', 'text'],
    ['1.2.3', 'text'],
  ])('%s is %s', (value, type) => {
    expect(classifyValue(value)).toBe(type);
  });
});

describe('column profiles', () => {
  it('reports type, fill, distinct and first-seen samples per column', async () => {
    // Prepare
    const lines = ['id,ip,env,notes,blank'];
    for (let i = 0; i < 100; i++) {
      const ip = i === 7 ? 'n/a' : `10.0.0.${i}`;
      lines.push(`${i},${ip},${i % 2 ? 'prod' : 'dev'},${i < 25 ? `note ${i}` : ''},`);
    }
    // Act
    const profile = await openUpload(bytesSource(lines.join('\n'), 512), 'p.csv').profile();
    // Assess
    const [id, ip, env, notes, blank] = profile.columns;
    expect(id).toMatchObject({
      header: 'id',
      index: 0,
      inferredType: 'integer',
      fillRate: 1,
      nonEmpty: 100,
      distinct: 100,
    });
    expect(ip?.inferredType).toBe('ip');
    expect(env).toMatchObject({ inferredType: 'text', distinct: 2, samples: ['dev', 'prod'] });
    expect(notes).toMatchObject({ fillRate: 0.25, nonEmpty: 25, distinct: 25 });
    expect(notes?.samples).toHaveLength(20);
    expect(notes?.samples[0]).toBe('note 0');
    expect(blank).toMatchObject({
      inferredType: 'empty',
      fillRate: 0,
      nonEmpty: 0,
      distinct: 0,
      samples: [],
    });
  });

  it('caps distinct counts instead of growing without bound', async () => {
    const lines = ['serial'];
    for (let i = 0; i < 12_000; i++) lines.push(`SN-${i}`);
    const profile = await openUpload(bytesSource(lines.join('\n'), 65_536), 's.csv').profile();
    expect(profile.columns[0]?.distinct).toBe(10_000);
    expect(profile.columns[0]?.nonEmpty).toBe(12_000);
  });

  it('decides the format from the content, not the file name', async () => {
    const profile = await openUpload(bytesSource('host;ip\nweb1;10.0.0.1\n'), 'export.xlsx').profile();
    expect(profile).toMatchObject({ format: 'csv', fileName: 'export.xlsx', delimiter: ';', rows: 1 });
  });
});
