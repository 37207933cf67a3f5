import fs from 'node:fs';
import ExcelJS from 'exceljs';
const bytes = fs.readFileSync(process.argv[2]!);
const abort = process.argv[3] === 'abort';
for (let k = 0; k < 6; k++) {
  const { Readable } = await import('node:stream');
  const input = Readable.from((async function* () { yield bytes; })());
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' } as any);
  try {
    let sheets = 0;
    for await (const ws of reader as any) {
      let n = 0; sheets++;
      for await (const row of ws) { n++; if (abort && n > 50) throw new Error('LIMIT ' + ws.name); }
    }
    console.log(k, 'ok', sheets);
  } catch (e) { console.log(k, 'caught', (e as Error).message); }
}
