/**
 * XLSX writer for the exports (exceljs): one sheet per table with a bold frozen header row, an
 * auto-filter and sensible column widths. Text cells pass through `safeCell`, and no cell is
 * ever written as a formula.
 */
import { safeCell } from './cellSafety.ts';
import type { ExportTable } from './exportTables.ts';

/** Builds a workbook holding the tables (sheet names are the tables' titles, made unique and legal). */
export async function toXlsx(tables: readonly ExportTable[]): Promise<Uint8Array> {
  // Loaded only when an XLSX export is asked for (exceljs is ~600 KB of a bundle).
  const excel = (await import('exceljs')).default;
  const workbook = new excel.Workbook();
  workbook.creator = 'Modernize';
  const used = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title, used), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.addRow(table.columns.map((c) => safeCell(c)));
    for (const row of table.rows) sheet.addRow(row.map((v) => safeCell(v)));
    sheet.getRow(1).font = { bold: true };
    if (table.columns.length > 0) {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
    }
    table.columns.forEach((name, i) => {
      const longest = table.rows.reduce((n, r) => Math.max(n, String(r[i] ?? '').length), name.length);
      sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]*?/\\:]/g, ' ').slice(0, 28) || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  used.add(name.toLowerCase());
  return name;
}
