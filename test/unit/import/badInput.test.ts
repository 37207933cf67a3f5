import { describe, expect, it } from 'vitest';
import {
  BinaryFileError,
  EmptyFileError,
  FileTooLargeError,
  HeaderOnlyError,
  ImportError,
  MalformedFileError,
  openUpload,
  TooManyColumnsError,
  TooManyRowsError,
  UnsupportedFormatError,
  UploadReadError,
} from '../../../shared/import/index.ts';
import { allRows, bytesSource } from './sources.ts';

async function profileError(bytes: Uint8Array | string, limits = {}, options = {}): Promise<ImportError> {
  const error = await openUpload(bytesSource(bytes, 1024), 'upload.csv', limits, options)
    .profile()
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('bad uploads are refused by profile() with one clear line', () => {
  it.each([
    ['0 bytes', new Uint8Array()],
    ['only whitespace', ' \r\n\t\n  '],
    ['only a BOM', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['only blank delimited lines', ',,,\n , ,\n'],
  ])('empty file: %s', async (_label, bytes) => {
    const error = await profileError(bytes);
    expect(error).toBeInstanceOf(EmptyFileError);
    expect(error.code).toBe('empty_file');
  });

  it('header only', async () => {
    const error = await profileError('hostname,ip\r\n\r\n');
    expect(error).toBeInstanceOf(HeaderOnlyError);
    expect(error.message).toBe('file has a header row but no data rows');
  });

  it('binary content (NUL bytes, control characters)', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    expect(await profileError(png)).toBeInstanceOf(BinaryFileError);
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    const error = await profileError(controls);
    expect(error.code).toBe('binary_file');
    expect(error.message).toBe('file looks binary (not CSV, XLSX or JSON)');
  });

  it('old .xls, ODS and plain ZIP are unsupported formats, whatever the name says', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await profileError(xls)).message).toMatch(/Excel 97-2003/);
    const header = (name: string) => {
      const bytes = new Uint8Array(30 + name.length);
      bytes.set([0x50, 0x4b, 0x03, 0x04]);
      bytes[26] = name.length;
      bytes.set(new TextEncoder().encode(name), 30);
      return bytes;
    };
    const ods = new Uint8Array([
      ...header('mimetype'),
      ...new TextEncoder().encode('application/vnd.oasis.opendocument.spreadsheet'),
    ]);
    const odsError = await profileError(ods);
    expect(odsError).toBeInstanceOf(UnsupportedFormatError);
    expect(odsError.message).toMatch(/ODS/);
    expect((await profileError(header('photos/cat.jpg'))).message).toMatch(/ZIP archive but not an XLSX/);
  });

  it('unclosed quote reports the line where the quote starts', async () => {
    const lines = ['a,b'];
    for (let i = 2; i <= 16; i++) lines.push(`${i},x`);
    lines.push('17,"never closed', '18,y');
    const error = await profileError(`${lines.join('\n')}\n`);
    expect(error).toBeInstanceOf(MalformedFileError);
    expect(error.message).toBe('malformed CSV: unclosed quote starting at line 17');
  });

  it('a line longer than maxLineBytes is malformed', async () => {
    const error = await profileError(`a,b\n1,${'x'.repeat(5000)}\n`, { maxLineBytes: 1024 });
    expect(error).toBeInstanceOf(MalformedFileError);
    expect(error.message).toBe('malformed CSV: the record at line 2 is longer than 1 KB');
  });

  it('oversize uploads: while streaming, and up front when the size is known', async () => {
    const csv = `a,b\n${'1,2\n'.repeat(2000)}`;
    const streamed = await profileError(csv, { maxBytes: 4096 });
    expect(streamed).toBeInstanceOf(FileTooLargeError);
    expect(streamed.message).toBe('upload is more than 4 KB; the limit is 4 KB');
    const known = await profileError(csv, { maxBytes: 2 * 1024 ** 3 }, { sizeBytes: 3.1 * 1024 ** 3 });
    expect(known.message).toBe('upload is 3.1 GB; the limit is 2 GB');
  });

  it('too many columns and too many rows', async () => {
    const wide = `${Array.from({ length: 12 }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(11)}1\n`;
    const columns = await profileError(wide, { maxColumns: 10 });
    expect(columns).toBeInstanceOf(TooManyColumnsError);
    expect(columns.message).toBe('file has 12 columns; the limit is 10');
    const rows = await profileError(`a\n${'1\n'.repeat(11)}`, { maxRows: 10 });
    expect(rows).toBeInstanceOf(TooManyRowsError);
  });

  it('rows() fails with the same error, never a raw exception', async () => {
    const table = openUpload(bytesSource('a,b\n1,"open\n'), 'bad.csv');
    await expect(allRows(table)).rejects.toBeInstanceOf(MalformedFileError);
  });
});

describe('a source that fails mid-way', () => {
  it('is a retryable read failure, not the user’s bad input', async () => {
    // Prepare
    async function* flaky(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode(`a,b\n${'1,2\n'.repeat(20_000)}`);
      throw new Error('socket hang up');
    }
    // Act
    const error = await openUpload(flaky, 'x.csv')
      .profile()
      .catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(UploadReadError);
    expect(error).not.toBeInstanceOf(ImportError);
    expect((error as UploadReadError).code).toBe('read_failed');
    expect((error as UploadReadError).message).toBe('could not read the upload: socket hang up');
  });
});
