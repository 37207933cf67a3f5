import fs, { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FileTooLargeError, openUpload, UploadReadError } from '../../../shared/import/index.ts';
import { declaredUncompressedSize } from '../../../shared/import/xlsxBufferedReader.ts';
import { allRows, bytesSource } from './sources.ts';

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('XLSX uploads', () => {
  it('profiles every sheet and picks the asset-like sheet with the most rows', async () => {
    // Prepare
    const bytes = await workbookBytes((wb) => {
      const notes = wb.addWorksheet('Notes');
      notes.addRow(['Remark']);
      for (let i = 0; i < 10; i++) notes.addRow([`note ${i}`]);
      const servers = wb.addWorksheet('Servers');
      servers.addRow(['Server Name', 'IP Address', 'Installed', 'Cores', 'Label', 'Managed', 'Err', 'Link']);
      servers.addRow([
        'web01',
        '10.1.1.1',
        new Date(Date.UTC(2021, 2, 4)),
        { formula: '2*2', result: 4 },
        { richText: [{ text: 'Front' }, { text: 'end' }] },
        true,
        { error: '#DIV/0!' },
        { text: 'portal', hyperlink: 'https://portal.example.com' },
      ]);
      servers.addRow([]);
      servers.addRow([
        'db01',
        '10.1.1.2',
        new Date(Date.UTC(2022, 11, 31, 13, 5)),
        2.5,
        'Back',
        false,
        null,
        null,
      ]);
      servers.addRow([]);
      servers.addRow([]);
      const empty = wb.addWorksheet('Empty');
      empty.addRow([]);
    });
    // Act
    const table = openUpload(bytesSource(bytes, 4096), 'servers.csv');
    const profile = await table.profile();
    // Assess
    expect(profile.format).toBe('xlsx');
    expect(profile.sheets.map((s) => [s.name, s.rows])).toEqual([
      ['Notes', 10],
      ['Servers', 2],
      ['Empty', 0],
    ]);
    expect(profile.rows).toBe(2);
    expect(profile.columns.map((c) => c.header)[0]).toBe('Server Name');
    expect(profile.columns.find((c) => c.header === 'Installed')?.inferredType).toBe('date');
    expect(await allRows(table)).toEqual([
      ['web01', '10.1.1.1', '2021-03-04', '4', 'Frontend', 'true', '', 'portal'],
      ['db01', '10.1.1.2', '2022-12-31T13:05:00.000Z', '2.5', 'Back', 'false', '', ''],
    ]);
  });

  it('composes an RVTools-like workbook from vInfo, vNetwork, vPartition and vHost', async () => {
    const bytes = await workbookBytes((wb) => {
      const info = wb.addWorksheet('vInfo');
      info.addRow(['VM', 'Powerstate', 'Template', 'Host', 'VM UUID']);
      info.addRow(['app1', 'poweredOn', false, 'esx01.corp.local', 'u-1']);
      info.addRow(['app1', 'poweredOff', false, 'ESX02', 'u-2']);
      info.addRow(['tmpl', 'poweredOff', true, 'esx03', 'u-3']);
      const net = wb.addWorksheet('vNetwork');
      net.addRow(['VM', 'VM UUID', 'IPv4 Address', 'Mac Address']);
      net.addRow(['app1', 'u-1', '10.0.0.1', '00:50:56:aa:bb:01']);
      net.addRow(['app1', 'u-1', '10.0.1.1, 10.0.0.1', '00:50:56:aa:bb:02']);
      net.addRow(['app1', 'u-2', '10.9.9.9', '00:50:56:aa:bb:03']);
      const part = wb.addWorksheet('vPartition');
      part.addRow(['VM', 'VM UUID', 'Disk', 'Capacity MiB', 'Consumed MiB']);
      part.addRow(['app1', 'u-1', 'C:\\', 1000, 400]);
      part.addRow(['app1', 'u-1', 'D:\\', 500.5, 100]);
      const host = wb.addWorksheet('vHost');
      host.addRow(['Host', 'ESX Version', 'Vendor', 'Model']);
      host.addRow(['esx01', 'VMware ESXi 7.0.3', 'Dell Inc.', 'PowerEdge R640']);
      host.addRow(['esx02.corp.local', 'VMware ESXi 6.7.0', 'HPE', 'DL360']);
    });
    const table = openUpload(bytesSource(bytes, 4096), 'export.xlsx');
    const profile = await table.profile();
    expect(profile.composition).toBe('rvtools: vInfo + vNetwork + vPartition + vHost');
    expect(profile.rows).toBe(3);
    expect(profile.columns.map((c) => c.header)).toEqual([
      'VM',
      'Powerstate',
      'Template',
      'Host',
      'VM UUID',
      'IPv4 Address',
      'Mac Address',
      'Partition Capacity MiB',
      'Partition Consumed MiB',
      'Host ESX Version',
      'Host Vendor',
      'Host Model',
      'Virtualization Platform',
    ]);
    expect(await allRows(table)).toEqual([
      [
        'app1',
        'poweredOn',
        'false',
        'esx01.corp.local',
        'u-1',
        '10.0.0.1, 10.0.1.1',
        '00:50:56:aa:bb:01, 00:50:56:aa:bb:02',
        '1500.5',
        '500',
        'VMware ESXi 7.0.3',
        'Dell Inc.',
        'PowerEdge R640',
        'VMware vSphere',
      ],
      [
        'app1',
        'poweredOff',
        'false',
        'ESX02',
        'u-2',
        '10.9.9.9',
        '00:50:56:aa:bb:03',
        '',
        '',
        'VMware ESXi 6.7.0',
        'HPE',
        'DL360',
        'VMware vSphere',
      ],
      ['tmpl', 'poweredOff', 'true', 'esx03', 'u-3', '', '', '', '', '', '', '', 'VMware vSphere'],
    ]);
  });

  it('stops oversized sheets and workbooks, and reports truncated ones clearly', async () => {
    const bytes = await workbookBytes((wb) => {
      for (let s = 1; s <= 5; s++) {
        const sheet = wb.addWorksheet(`Sheet${s}`);
        sheet.addRow(['a', 'b']);
        for (let i = 0; i < 90; i++) sheet.addRow([i, i]);
      }
    });
    const tooManyRows = openUpload(bytesSource(bytes, 4096), 'big.xlsx', { maxRows: 50 });
    await expect(tooManyRows.profile()).rejects.toThrow('sheet Sheet1 has more than 50 data rows');
    const bomb = openUpload(bytesSource(bytes, 4096), 'bomb.xlsx', { maxRows: 100, maxColumns: 2 });
    await expect(bomb.profile()).rejects.toThrow(
      'workbook expands to more than 200 cells; split it or export CSV',
    );
    await expect(bomb.profile()).rejects.toBeInstanceOf(FileTooLargeError);
    const truncated = openUpload(bytesSource(bytes.slice(0, 2000)), 'c.xlsx').profile();
    await expect(truncated).rejects.toThrow(
      'malformed XLSX: the file ends early or is not a valid workbook (a truncated upload?)',
    );
  });
});

const RVTOOLS = '/work/shared/data/rvtools-sizing-workshop.xlsx';

describe.runIf(existsSync(RVTOOLS))('the real RVTools sizing-workshop workbook', () => {
  it('composes 805 VMs with IPs from vNetwork, skipping the blank rows', async () => {
    // Prepare
    const table = openUpload(() => fs.createReadStream(RVTOOLS), 'SizingWorkshop-RVTools.xlsx');
    // Act
    const profile = await table.profile();
    const rows = await allRows(table);
    // Assess
    expect(profile.rows).toBe(805);
    expect(profile.composition).toMatch(/^rvtools: vInfo \+ vNetwork/);
    expect(profile.sheets.map((s) => s.name)).toEqual(['vInfo', 'vNetwork', 'vPartition', 'vHost']);
    expect(rows).toHaveLength(805);
    const headers = profile.columns.map((c) => c.header);
    const template = headers.indexOf('Template');
    const ip = headers.indexOf('IPv4 Address');
    expect(rows.filter((r) => r[template]?.toLowerCase() === 'true')).toHaveLength(10);
    expect(rows[0]?.[ip]).toBe('10.0.0.0');
    expect(profile.columns[ip]?.inferredType).toBe('ip');
    const withIp = rows.filter((r) => r[ip] !== '').length;
    expect(withIp).toBeGreaterThan(700);
    expect(rows.every((r) => r.length === headers.length)).toBe(true);
  });

  it('turns a source failing mid-way into a read failure, and caps the upload size', async () => {
    const bytes = fs.readFileSync(RVTOOLS);
    async function* flaky(): AsyncGenerator<Uint8Array> {
      yield bytes.subarray(0, 150_000);
      throw new Error('connection reset');
    }
    const failed = await openUpload(flaky, 'rv.xlsx')
      .profile()
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(UploadReadError);
    const capped = openUpload(() => fs.createReadStream(RVTOOLS), 'rv.xlsx', { maxBytes: 200_000 });
    await expect(capped.profile()).rejects.toThrow('upload is more than 195 KB; the limit is 195 KB');
  });
});

describe('workbooks whose xl/workbook.xml is the last ZIP entry (as exceljs writes them)', () => {
  it('reads every sheet with its name, every time', async () => {
    // Prepare: exceljs' streaming reader intermittently loses that last entry; the import must not.
    const bytes = await workbookBytes((wb) => {
      for (const name of ['Hosts', 'Apps', 'Links']) {
        const sheet = wb.addWorksheet(name);
        sheet.addRow(['Hostname', 'IP Address']);
        for (let i = 0; i < 40; i++) sheet.addRow([`${name.toLowerCase()}-${i}`, `10.0.0.${i}`]);
      }
    });
    for (let attempt = 0; attempt < 6; attempt++) {
      // Act
      const profile = await openUpload(bytesSource(bytes, 65_536), 'w.xlsx').profile();
      // Assess
      expect(profile.sheets.map((s) => [s.name, s.rows])).toEqual([
        ['Hosts', 40],
        ['Apps', 40],
        ['Links', 40],
      ]);
    }
  });

  it('reads the ZIP central directory to refuse bombs before inflating', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet('S').addRow(['a']);
    });
    const declared = declaredUncompressedSize(bytes);
    expect(declared).toBeGreaterThan(bytes.length);
    expect(declared).toBeLessThan(100_000);
    expect(declaredUncompressedSize(bytes.slice(0, 100))).toBe(Number.POSITIVE_INFINITY);
  });
});
