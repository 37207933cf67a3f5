import { describe, expect, it } from 'vitest';
import { TableProfiler } from '../../../shared/import/columnProfiler.ts';
import { DistinctSet, hashRange } from '../../../shared/import/distinctSet.ts';
import { openUpload } from '../../../shared/import/index.ts';
import { allRows, bytesSource } from './sources.ts';

/** A messy export: blank and whitespace-only rows, ragged rows, quotes, padded and non-breaking spaces. */
function messyCsv(delimiter: string, newline: string): string {
  const lines = ['Host Name,IP Address,OS,RAM (GB),Environment,Notes'];
  for (let i = 0; i < 300; i++) {
    const v = i % 11;
    if (v === 0) lines.push('');
    else if (v === 1) lines.push(' , ,  ,,, ');
    else if (v === 2) lines.push(`,10.1.0.${i % 9},Windows,${i % 7},PRD,lead`);
    else if (v === 3) lines.push(`  host${i}  ,10.1.1.${i % 9}, RHEL 8 ,16,DEV`);
    else if (v === 4) lines.push(`host${i},10.1.2.${i % 9},Ubuntu,8,test,x,extra`);
    else if (v === 5) lines.push(`host${i},10.1.3.${i % 9},Ubuntu,8,test,x,,  ,`);
    else if (v === 6) lines.push(`\u00a0host${i % 4}\u00a0,10.1.4.1,CentOS,4,UAT,nbsp`);
    else if (v === 7)
      lines.push(`host${i},"10.1.5.${i % 9}","Windows, Server",32,"PRD","two${newline}lines"`);
    else if (v === 8) lines.push(`\thost${i},10.1.7.1,AIX,1,prod,tab`);
    else lines.push(`host${i % 20},10.1.8.${i % 9},SLES 15,${(i % 5) * 4},Production,n/a`);
  }
  const text = lines.join(newline);
  return delimiter === ',' ? text : text.replaceAll(',', delimiter);
}

describe('the CSV profile pass', () => {
  it.each([
    [',', '\n'],
    [';', '\r\n'],
    ['\t', '\n'],
    ['|', '\r'],
  ])(
    'profiles rows (delimiter %j) exactly as profiling the streamed rows one by one does',
    async (delimiter, newline) => {
      // Prepare
      const table = openUpload(bytesSource(messyCsv(delimiter, newline), 97), 'messy.csv');
      // Act
      const profile = await table.profile();
      const rows = await allRows(table);
      // Assess
      const reference = new TableProfiler(profile.columns.map((c) => c.header));
      reference.addRows(rows);
      expect(profile.rows).toBe(rows.length);
      expect(profile.columns).toEqual(reference.columns());
      expect(profile.warnings).toEqual([
        expect.stringMatching(/^[1-9]\d* rows had fewer cells than the header \(padded with empty cells\)$/),
        expect.stringMatching(/^[1-9]\d* rows had more cells than the header \(extra cells dropped\)$/),
      ]);
    },
  );

  it('counts padded values once each, trimmed, in first-seen order', async () => {
    // Prepare
    const csv = 'Name,Env\n web1 ,PRD\nweb1,PRD\nweb2 ,DEV\n"web1",PRD\n';
    // Act
    const profile = await openUpload(bytesSource(csv), 'a.csv').profile();
    // Assess
    expect(profile.columns[0]).toMatchObject({ distinct: 2, nonEmpty: 4, samples: ['web1', 'web2'] });
    expect(profile.columns[1]).toMatchObject({ distinct: 2, samples: ['PRD', 'DEV'] });
  });
});

describe('distinct value set', () => {
  it('finds values by their range in a larger text, across growth', () => {
    // Prepare
    const set = new DistinctSet();
    const values = Array.from({ length: 5000 }, (_, i) => `value-${i}`);
    for (const value of values) set.add(value, hashRange(value, 0, value.length));
    const text = `xx,value-4321,value-9999,value-0`;
    // Act / Assess
    expect(set.size).toBe(5000);
    expect(set.hasRange(text, 3, 13, hashRange(text, 3, 13))).toBe(true);
    expect(set.hasRange(text, 14, 24, hashRange(text, 14, 24))).toBe(false);
    expect(set.hasRange(text, 25, 32, hashRange(text, 25, 32))).toBe(true);
    expect(set.hasRange(text, 25, 31, hashRange(text, 25, 31))).toBe(false);
  });
});
