import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openUpload } from '../../../shared/import/index.ts';
import { allRows, bytesSource } from './sources.ts';

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function addSheet(wb: ExcelJS.Workbook, name: string, rows: readonly unknown[][]): void {
  const sheet = wb.addWorksheet(name);
  for (const row of rows) sheet.addRow([...row]);
}

const VINFO = [
  ['VM', 'Powerstate', 'Host', 'VM UUID', 'Created'],
  ['web01', 'poweredOn', 'esx01.corp.local', 'u-1', new Date(Date.UTC(2020, 0, 2))],
  ['db01', 'poweredOff', 'esx02', 'u-2', new Date(Date.UTC(2021, 5, 7, 8, 30))],
];

/** An RVTools-like export whose join sheets sit among sheets the composition never uses. */
async function rvtoolsExport(): Promise<Uint8Array> {
  return workbookBytes((wb) => {
    addSheet(wb, 'vInfo', VINFO);
    addSheet(wb, 'vCPU', [
      ['VM', 'CPUs'],
      ['web01', 4],
      ['db01', 8],
    ]);
    addSheet(wb, 'vNetwork', [
      ['VM', 'VM UUID', 'IPv4 Address'],
      ['web01', 'u-1', '10.0.0.1'],
      ['db01', 'u-2', '10.0.0.2'],
    ]);
    addSheet(wb, 'vTools', [
      ['VM', 'Tools'],
      ['web01', 'toolsOk'],
    ]);
    addSheet(wb, 'vHost', [
      ['Host', 'ESX Version'],
      ['esx01', 'VMware ESXi 7.0.3'],
      ['esx02', 'VMware ESXi 8.0.1'],
    ]);
  });
}

describe('XLSX rows passes', () => {
  it('gives an RVTools export the same composed rows whether or not it was profiled first, every time', async () => {
    // Prepare
    const bytes = await rvtoolsExport();
    const profiled = openUpload(bytesSource(bytes, 4096), 'rv.xlsx');
    const profile = await profiled.profile();
    // Act
    const afterProfile = await allRows(profiled);
    const again = await allRows(profiled);
    const fresh = await allRows(openUpload(bytesSource(bytes, 4096), 'rv.xlsx'));
    // Assess
    expect(profile.composition).toBe('rvtools: vInfo + vNetwork + vHost');
    expect(profile.sheets.map((s) => [s.name, s.rows])).toEqual([
      ['vInfo', 2],
      ['vCPU', 2],
      ['vNetwork', 2],
      ['vTools', 1],
      ['vHost', 2],
    ]);
    expect(afterProfile).toEqual([
      [
        'web01',
        'poweredOn',
        'esx01.corp.local',
        'u-1',
        '2020-01-02',
        '10.0.0.1',
        'VMware ESXi 7.0.3',
        'VMware vSphere',
      ],
      [
        'db01',
        'poweredOff',
        'esx02',
        'u-2',
        '2021-06-07T08:30:00.000Z',
        '10.0.0.2',
        'VMware ESXi 8.0.1',
        'VMware vSphere',
      ],
    ]);
    expect(again).toEqual(afterProfile);
    expect(fresh).toEqual(afterProfile);
  });

  it('composes a vInfo whose only other sheets are unused ones the same way, profiled first or not', async () => {
    // Prepare: vCPU makes it an RVTools export, yet no joined sheet can tell the rows pass so.
    const bytes = await workbookBytes((wb) => {
      addSheet(wb, 'vInfo', VINFO);
      addSheet(wb, 'vCPU', [
        ['VM', 'CPUs'],
        ['web01', 4],
      ]);
    });
    const profiled = openUpload(bytesSource(bytes, 4096), 'rv.xlsx');
    // Act
    const profile = await profiled.profile();
    const afterProfile = await allRows(profiled);
    const fresh = await allRows(openUpload(bytesSource(bytes, 4096), 'rv.xlsx'));
    // Assess
    expect(profile.composition).toBe('rvtools: vInfo');
    expect(afterProfile.map((r) => r.at(-1))).toEqual(['VMware vSphere', 'VMware vSphere']);
    expect(fresh).toEqual(afterProfile);
  });

  it('reads a vInfo next to an empty v-sheet as a plain sheet, profiled first or not', async () => {
    // Prepare
    const bytes = await workbookBytes((wb) => {
      addSheet(wb, 'vInfo', VINFO);
      wb.addWorksheet('vCPU');
    });
    const profiled = openUpload(bytesSource(bytes, 4096), 'rv.xlsx');
    // Act
    const profile = await profiled.profile();
    const afterProfile = await allRows(profiled);
    const fresh = await allRows(openUpload(bytesSource(bytes, 4096), 'rv.xlsx'));
    // Assess
    expect(profile.composition).toBe('sheet vInfo of 2');
    expect(afterProfile).toEqual([
      ['web01', 'poweredOn', 'esx01.corp.local', 'u-1', '2020-01-02'],
      ['db01', 'poweredOff', 'esx02', 'u-2', '2021-06-07T08:30:00.000Z'],
    ]);
    expect(fresh).toEqual(afterProfile);
  });

  it('streams the chosen sheet of a plain workbook, profiled first or not', async () => {
    // Prepare
    const bytes = await workbookBytes((wb) => {
      addSheet(wb, 'Notes', [['Remark'], ['exported Monday']]);
      addSheet(wb, 'Servers', [
        ['Server Name', 'IP Address'],
        ['web01', '10.1.1.1'],
        ['db01', '10.1.1.2'],
      ]);
      addSheet(wb, 'Apps', [['Application'], ['billing']]);
    });
    const profiled = openUpload(bytesSource(bytes, 4096), 'servers.xlsx');
    // Act
    const profile = await profiled.profile();
    const afterProfile = await allRows(profiled);
    const fresh = await allRows(openUpload(bytesSource(bytes, 4096), 'servers.xlsx'));
    // Assess
    expect(profile.composition).toBe('sheet Servers of 3');
    expect(afterProfile).toEqual([
      ['web01', '10.1.1.1'],
      ['db01', '10.1.1.2'],
    ]);
    expect(fresh).toEqual(afterProfile);
  });

  it('refuses an RVTools export without VM rows when only its rows are read', async () => {
    // Prepare
    const bytes = await workbookBytes((wb) => {
      addSheet(wb, 'vInfo', [VINFO[0] as unknown[]]);
      addSheet(wb, 'vNetwork', [
        ['VM', 'IPv4 Address'],
        ['web01', '10.0.0.1'],
      ]);
    });
    // Act
    const fresh = allRows(openUpload(bytesSource(bytes, 4096), 'rv.xlsx'));
    // Assess
    await expect(fresh).rejects.toThrow('RVTools vInfo sheet has no VM rows');
  });
});
