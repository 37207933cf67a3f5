import ExcelJS from 'exceljs';
import { openUpload } from './shared/import/index.ts';
const wb = new ExcelJS.Workbook();
for (let s = 1; s <= 5; s++) { const sh = wb.addWorksheet(`Sheet${s}`); sh.addRow(['a','b']); for (let i=0;i<90;i++) sh.addRow([i,i]); }
const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
const e = await openUpload(async function*(){ for (let i=0;i<bytes.length;i+=4096) yield bytes.subarray(i,i+4096); }, 'c.xlsx').profile().then((p) => p.sheets.map(s=>s.rows), (e) => e.cause?.stack ?? e);
console.log(e);
const e2 = await openUpload(async function*(){ for (let i=0;i<bytes.length;i+=4096) yield bytes.subarray(i,i+4096); }, 'c.xlsx', {maxRows: 50}).profile().then((p) => p.sheets.map(s=>s.rows), (e) => e.cause?.stack ?? e);
console.log(e2);
