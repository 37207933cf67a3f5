/**
 * The upload importers (CSV, XLSX, JSON): format and encoding sniffing, streaming parsing,
 * column profiling and RVTools composition. See `openUpload`.
 */
export { CANDIDATE_DELIMITERS, type CsvDialect, sniffDialect } from './csvDialect.ts';
export {
  BinaryFileError,
  EmptyFileError,
  FileTooLargeError,
  HeaderOnlyError,
  ImportError,
  MalformedFileError,
  TooManyColumnsError,
  TooManyRowsError,
  UnsupportedFormatError,
  UploadReadError,
} from './errors.ts';
export { type ByteSourceOpener, DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits.ts';
export { openUpload, type UploadOptions, type UploadProfile, type UploadTable } from './openUpload.ts';
export { classifyValue } from './valueTypes.ts';
