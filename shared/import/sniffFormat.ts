/**
 * Decides what an upload is from its first bytes, never from its name: files lie about
 * their type (a CSV saved as .xlsx, an .xls renamed .csv).
 */
import { BinaryFileError, EmptyFileError, UnsupportedFormatError } from './errors.ts';

/** Text encodings the CSV and JSON readers decode. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1';

/** What the first bytes say the upload is. */
export type SniffedFormat =
  | { readonly format: 'xlsx' }
  | { readonly format: 'json' | 'csv'; readonly encoding: TextEncodingName; readonly bomLength: number };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function latin1Text(bytes: Uint8Array, limit: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, limit)).toString('latin1');
}

function sniffZip(head: Uint8Array): { readonly format: 'xlsx' } {
  // Local file header: name length at offset 26, name at 30.
  const nameLength = (head[26] ?? 0) | ((head[27] ?? 0) << 8);
  const firstName = latin1Text(head.subarray(30, 30 + nameLength), nameLength);
  const text = latin1Text(head, head.length);
  if (firstName === 'mimetype' && text.includes('opendocument')) {
    throw new UnsupportedFormatError('file is an OpenDocument spreadsheet (ODS); save it as XLSX or CSV');
  }
  if (text.includes('xl/') || firstName === '[Content_Types].xml') return { format: 'xlsx' };
  throw new UnsupportedFormatError(
    'file is a ZIP archive but not an XLSX workbook; upload CSV, XLSX or JSON',
  );
}

/** Detects UTF-16 without a byte-order mark from the NUL bytes that ASCII text has in every other byte. */
function sniffBomlessUtf16(head: Uint8Array): TextEncodingName | undefined {
  const n = Math.min(head.length, 1024) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.1) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.1) return 'utf-16be';
  return undefined;
}

/** Text is binary when it has NUL bytes or many control characters in its first KB. */
function looksBinary(head: Uint8Array, from: number): boolean {
  const end = Math.min(head.length, from + 1024);
  let control = 0;
  for (let i = from; i < end; i++) {
    const b = head[i] as number;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > (end - from) * 0.05;
}

/** Control characters (other than tab, newlines, form feed) in decoded UTF-16 text mean binary content. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) return true;
  }
  return false;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function firstNonSpace(text: string): string {
  const match = /\S/.exec(text);
  return match ? match[0] : '';
}

/**
 * Sniffs format and text encoding from the head of an upload.
 * Throws EmptyFileError, BinaryFileError or UnsupportedFormatError for what cannot be imported.
 */
export function sniffFormat(head: Uint8Array): SniffedFormat {
  if (head.length === 0) throw new EmptyFileError();
  if (startsWith(head, ZIP_MAGIC)) return sniffZip(head);
  if (startsWith(head, OLE_MAGIC)) {
    throw new UnsupportedFormatError('file is an old Excel 97-2003 workbook (.xls); save it as XLSX or CSV');
  }
  let encoding: TextEncodingName;
  let bomLength = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    encoding = 'utf-8';
    bomLength = 3;
  } else if (head[0] === 0xff && head[1] === 0xfe) {
    encoding = 'utf-16le';
    bomLength = 2;
  } else if (head[0] === 0xfe && head[1] === 0xff) {
    encoding = 'utf-16be';
    bomLength = 2;
  } else {
    const utf16 = sniffBomlessUtf16(head);
    if (utf16) encoding = utf16;
    else {
      if (looksBinary(head, 0)) throw new BinaryFileError();
      encoding = isUtf8(head) ? 'utf-8' : 'latin1';
    }
  }
  const sample = decodeSample(head.subarray(bomLength, bomLength + 4096), encoding);
  const first = firstNonSpace(sample.replace(/^\uFEFF/, ''));
  if (first === '') {
    if (head.length - bomLength < 4096) throw new EmptyFileError();
  }
  if (encoding.startsWith('utf-16') && hasControlCharacters(sample)) {
    throw new BinaryFileError();
  }
  return { format: first === '[' || first === '{' ? 'json' : 'csv', encoding, bomLength };
}

/** The WHATWG decoder label for an encoding ('latin1' decodes as Windows-1252, its superset). */
export function decoderLabel(encoding: TextEncodingName): string {
  return encoding === 'latin1' ? 'windows-1252' : encoding;
}

function decodeSample(bytes: Uint8Array, encoding: TextEncodingName): string {
  return new TextDecoder(decoderLabel(encoding)).decode(bytes, { stream: true });
}
