import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { safeCell } from '../../../shared/reports/cellSafety.ts';
import { toCsv } from '../../../shared/reports/csv.ts';
import { EXPORT_DATASETS, exportTable } from '../../../shared/reports/exportTables.ts';
import { toXlsx } from '../../../shared/reports/xlsx.ts';
import { engagementFixture } from './engagementFixture.ts';

describe('formula-injection safety', () => {
  it('prefixes text a spreadsheet would evaluate and leaves everything else alone', () => {
    // Prepare
    const risky = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx'];
    const harmless = ['web-01', 'a=b', '', 'Payroll'];

    // Act / Assess
    expect(risky.map((v) => safeCell(v))).toEqual(risky.map((v) => `'${v}`));
    expect(harmless.map((v) => safeCell(v))).toEqual(harmless);
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(null)).toBeNull();
  });

  it('every CSV export carries no cell that starts a formula', () => {
    // Prepare
    const data = engagementFixture();

    for (const dataset of EXPORT_DATASETS) {
      // Act
      const csv = toCsv(exportTable(dataset, data));

      // Assess: no field (start of line or after a comma, quoted or not) starts with a formula character
      expect(csv).not.toMatch(/(^|[\r\n,])"?[=+@]/);
    }
    const inventory = toCsv(exportTable('inventory', data));
    expect(inventory).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(inventory).toContain("'+SUM(A1:A9)");
  });

  it('the XLSX export keeps injected text as text, with a header row and one row per asset', async () => {
    // Prepare
    const data = engagementFixture();

    // Act
    const bytes = await toXlsx([exportTable('inventory', data)]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);

    // Assess
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Inventory');
    expect(sheet?.rowCount).toBe(1 + data.assets.length);
    const values: unknown[] = [];
    sheet?.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.formula).toBeFalsy();
        values.push(cell.value);
      });
    });
    expect(values).toContain('\'=HYPERLINK("http://evil.example","click")');
    expect(values.some((v) => typeof v === 'string' && /^[=+\-@]/.test(v))).toBe(false);
  });
});

describe('export tables', () => {
  it('the inventory keeps custom attributes as their own columns and states the worst lifecycle status', () => {
    const table = exportTable('inventory', engagementFixture());

    expect(table.columns).toContain('custom: Rack Unit');
    const status = table.columns.indexOf('techDebtStatus');
    const name = table.columns.indexOf('name');
    const web = table.rows.find((r) => r[name] === 'pay-web-01');
    expect(web?.[status]).toBe('eol');
  });

  it('recommendations and waves are empty before an assessment, and filled after', () => {
    const before = engagementFixture({ assessed: false });
    const after = engagementFixture();

    expect(exportTable('recommendations', before).rows).toEqual([]);
    expect(exportTable('waves', before).rows).toEqual([]);
    const recs = exportTable('recommendations', after);
    const apps = recs.rows.map((r) => r[0]).sort();
    expect(apps).toEqual(['CRM', 'Payroll']);
    expect(exportTable('waves', after).rows.length).toBeGreaterThan(0);
  });

  it('dependencies name the move group of each end', () => {
    const table = exportTable('dependencies', engagementFixture());

    const first = table.rows[0];
    expect(first?.slice(0, 2)).toEqual(['pay-web-01', 'pay-db-01']);
    expect(first?.slice(-2)).toEqual(['mg-payroll', 'mg-payroll']);
  });
});
