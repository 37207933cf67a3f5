import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openUpload } from '../../../shared/import/index.ts';
import { allRows, bytesSource, utf16 } from './sources.ts';

describe('CSV encodings', () => {
  const text = 'Name,City\nJosé,São Paulo\nZoë,Köln\n';

  it('reads UTF-8 with a BOM and strips it from the first header', async () => {
    // Prepare
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    // Act
    const table = openUpload(bytesSource(bytes), 'a.csv');
    const profile = await table.profile();
    // Assess
    expect(profile.encoding).toBe('utf-8');
    expect(profile.columns.map((c) => c.header)).toEqual(['Name', 'City']);
    expect(await allRows(table)).toEqual([
      ['José', 'São Paulo'],
      ['Zoë', 'Köln'],
    ]);
  });

  it.each([
    ['le', true],
    ['be', true],
    ['le', false],
    ['be', false],
  ] as const)('reads UTF-16 %s (BOM: %s)', async (endian, bom) => {
    const table = openUpload(bytesSource(utf16(text, endian, bom), 5), 'a.csv');
    const profile = await table.profile();
    expect(profile.encoding).toBe(endian === 'le' ? 'utf-16le' : 'utf-16be');
    expect(profile.columns.map((c) => c.header)).toEqual(['Name', 'City']);
    expect(await allRows(table)).toEqual([
      ['José', 'São Paulo'],
      ['Zoë', 'Köln'],
    ]);
  });

  it('falls back to Latin-1 / Windows-1252 when the bytes are not UTF-8', async () => {
    const bytes = Buffer.from('Name;Note\nRené;café crème – 5€\n', 'latin1');
    bytes[bytes.indexOf(0x13)] = 0x96; // en dash in Windows-1252 (latin1 encoding wrote 0x13)
    const euro = bytes.indexOf(0xac); // latin1 wrote '€' as 0xAC; Windows-1252 has it at 0x80
    bytes[euro] = 0x80;
    const table = openUpload(bytesSource(bytes), 'a.csv');
    expect((await table.profile()).encoding).toBe('latin1');
    expect(await allRows(table)).toEqual([['René', 'café crème – 5€']]);
  });
});

describe('CSV delimiters and quoting', () => {
  it.each([
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
    ['|', 'pipe'],
  ])('detects the %s (%s) delimiter', async (d) => {
    const csv = `${['host', 'ip', 'os'].join(d)}\n${['web1', '10.0.0.1', 'Linux, RHEL 8'].join(d)}\n`;
    const quoted = d === ',' ? csv.replace('Linux, RHEL 8', '"Linux, RHEL 8"') : csv;
    const table = openUpload(bytesSource(quoted), 'x.txt');
    const profile = await table.profile();
    expect(profile.delimiter).toBe(d);
    expect(await allRows(table)).toEqual([['web1', '10.0.0.1', 'Linux, RHEL 8']]);
  });

  it('honours an Excel sep= first line', async () => {
    const table = openUpload(bytesSource('sep=|\r\na|b,c\r\n1|2,3\r\n'), 'x.csv');
    expect((await table.profile()).columns.map((c) => c.header)).toEqual(['a', 'b,c']);
    expect(await allRows(table)).toEqual([['1', '2,3']]);
  });

  it('keeps delimiters, doubled quotes and newlines inside quoted fields', async () => {
    const csv = 'name,notes,owner\r\n"db, primary","said ""hi""\r\nthen left",ops\r\nweb,"",\r\n';
    const table = openUpload(bytesSource(csv, 3), 'q.csv');
    expect(await allRows(table)).toEqual([
      ['db, primary', 'said "hi"\r\nthen left', 'ops'],
      ['web', '', ''],
    ]);
  });

  it('reads CRLF, LF and CR-only line endings alike and ignores trailing empty lines', async () => {
    for (const nl of ['\r\n', '\n', '\r']) {
      const table = openUpload(bytesSource(`a,b${nl}1,2${nl}3,4${nl}${nl}${nl}`), 'e.csv');
      expect((await table.profile()).rows).toBe(2);
      expect(await allRows(table)).toEqual([
        ['1', '2'],
        ['3', '4'],
      ]);
    }
  });

  it('pads short rows, truncates long rows and reports both', async () => {
    const table = openUpload(bytesSource('a,b,c\n1\n1,2,3,4\n1,2,3,,\n'), 'r.csv');
    const profile = await table.profile();
    expect(profile.rows).toBe(3);
    expect(profile.warnings).toEqual([
      '1 rows had fewer cells than the header (padded with empty cells)',
      '1 rows had more cells than the header (extra cells dropped)',
    ]);
    expect(await allRows(table)).toEqual([
      ['1', '', ''],
      ['1', '2', '3'],
      ['1', '2', '3'],
    ]);
  });

  it('names blank headers and deduplicates repeated ones', async () => {
    const table = openUpload(bytesSource('\n\n Name ,,Name,name,IP\nx,y,z,w,1.2.3.4\n'), 'h.csv');
    const headers = (await table.profile()).columns.map((c) => c.header);
    expect(headers).toEqual(['Name', 'Column 2', 'Name (2)', 'name (3)', 'IP']);
  });

  it('streams a 200k-row CSV with the right count and values', async () => {
    const rows = 200_000;
    async function* source(): AsyncGenerator<Uint8Array> {
      const enc = new TextEncoder();
      yield enc.encode('id,host,ip\n');
      for (let start = 0; start < rows; start += 5_000) {
        let chunk = '';
        for (let i = start; i < start + 5_000; i++)
          chunk += `${i},"host-${i}",10.0.${(i >> 8) & 255}.${i & 255}\n`;
        yield enc.encode(chunk);
      }
    }
    const table = openUpload(source, 'big.csv');
    let count = 0;
    let last: readonly string[] = [];
    let at100k: readonly string[] = [];
    for await (const batch of table.rows()) {
      for (const row of batch) {
        if (count === 100_000) at100k = row;
        count++;
        last = row;
      }
    }
    expect(count).toBe(rows);
    expect(at100k).toEqual(['100000', 'host-100000', '10.0.134.160']);
    expect(last).toEqual(['199999', 'host-199999', '10.0.13.63']);
    expect((await table.profile()).rows).toBe(rows);
  });
});

describe('CSV leniency', () => {
  it('reads a quoted field preceded by spaces as quoted', async () => {
    const table = openUpload(bytesSource('name, os\nweb1, "Linux, RHEL 8"\n'), 's.csv');
    expect(await allRows(table)).toEqual([['web1', 'Linux, RHEL 8']]);
  });

  it('keeps a stray quote inside an unquoted field as text', async () => {
    const table = openUpload(bytesSource('item,size\nmonitor 24" wide,24\n'), 's.csv');
    expect(await allRows(table)).toEqual([['monitor 24" wide', '24']]);
  });

  it('reads a file from disk through fs.createReadStream', async () => {
    const path = new URL('../../fixtures/import/cmdb-semicolon.csv', import.meta.url);
    const table = openUpload(() => createReadStream(path, { highWaterMark: 16 }), 'cmdb.csv');
    const profile = await table.profile();
    expect(profile).toMatchObject({ delimiter: ';', rows: 2, encoding: 'utf-8' });
    expect(profile.columns.map((c) => [c.header, c.inferredType])).toEqual([
      ['Hostname', 'fqdn'],
      ['IP Address', 'ip'],
      ['OS', 'text'],
      ['Notes', 'text'],
    ]);
    expect((await allRows(table))[1]).toEqual([
      'db01.corp.example.com',
      '10.0.0.12',
      'RHEL 8',
      'line one\r\nline two',
    ]);
  });
});
