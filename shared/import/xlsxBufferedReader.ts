/**
 * The fallback XLSX reader: loads a whole (size-checked) workbook with exceljs' in-memory
 * reader, for workbooks whose ZIP layout the streaming reader mishandles. A ZIP bomb is
 * refused from the central directory's declared sizes before anything is inflated.
 */
import type ExcelJS from 'exceljs';
import { FileTooLargeError, formatBytes } from './errors.ts';
import type { ImportLimits } from './limits.ts';
import {
  asXlsxError,
  type SheetFilter,
  sheetEvents,
  WorkbookBudget,
  type WorkbookEvent,
} from './xlsxReader.ts';

/** Largest upload read whole by the fallback reader. */
export const XLSX_BUFFERED_MAX_BYTES = 128 * 1024 ** 2;
/** Largest total uncompressed size the fallback reader inflates. */
export const XLSX_BUFFERED_MAX_UNCOMPRESSED = 1024 ** 3;

/** Sums the uncompressed sizes the ZIP central directory declares (Infinity for ZIP64 or unreadable). */
export function declaredUncompressedSize(zip: Uint8Array): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return Number.POSITIVE_INFINITY;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) return Number.POSITIVE_INFINITY;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

async function readCapped(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > XLSX_BUFFERED_MAX_BYTES) {
      throw new FileTooLargeError(
        `this workbook's layout must be read whole and it is over ${formatBytes(XLSX_BUFFERED_MAX_BYTES)}; save it from Excel or export CSV`,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/** Reads every sheet `wanted` accepts of a workbook, loaded whole, as the same events the streaming reader yields. */
export async function* readBufferedWorkbook(
  stream: AsyncIterable<Uint8Array>,
  limits: ImportLimits,
  wanted: SheetFilter = () => true,
): AsyncGenerator<WorkbookEvent> {
  const zip = await readCapped(stream);
  const uncompressed = declaredUncompressedSize(zip);
  if (uncompressed > XLSX_BUFFERED_MAX_UNCOMPRESSED) {
    throw new FileTooLargeError(
      `workbook expands to more than ${formatBytes(XLSX_BUFFERED_MAX_UNCOMPRESSED)}; split it or export CSV`,
    );
  }
  const excel = (await import('exceljs')).default;
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(zip as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw asXlsxError(error);
  }
  const budget = new WorkbookBudget(limits, () => zip.length);
  for (const worksheet of workbook.worksheets) {
    if (!wanted(worksheet.name)) continue;
    const rows: ExcelJS.Row[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      rows.push(row);
    });
    yield* sheetEvents(worksheet.name, rows, budget);
  }
}
