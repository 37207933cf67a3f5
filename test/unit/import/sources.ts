/** Test helpers: byte sources built in memory, and collecting an upload's rows. */
import type { ByteSourceOpener, UploadTable } from '../../../shared/import/index.ts';

/** An opener that replays `bytes` in chunks of `chunkSize` (small chunks exercise record splits). */
export function bytesSource(bytes: Uint8Array | string, chunkSize = 7): ByteSourceOpener {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return async function* () {
    for (let i = 0; i < data.length; i += chunkSize) yield data.subarray(i, i + chunkSize);
  };
}

/** Encodes text as UTF-16 (LE or BE), optionally with a byte-order mark. */
export function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  if (endian === 'be') body.swap16();
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), body]) : body;
}

/** All data rows of an upload, flattened from its batches. */
export async function allRows(table: UploadTable): Promise<string[][]> {
  const out: string[][] = [];
  for await (const batch of table.rows()) for (const row of batch) out.push([...row]);
  return out;
}
