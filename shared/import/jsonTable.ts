/**
 * Reads a JSON upload as a table: an array of objects, or an object with one array-of-objects
 * property (e.g. `{"rows":[...]}`). Nested objects flatten to dotted keys, arrays of scalars
 * join with `, `; headers are the union of keys in first-seen order.
 */
import {
  EmptyFileError,
  HeaderOnlyError,
  MalformedFileError,
  TooManyColumnsError,
  TooManyRowsError,
  UnsupportedFormatError,
} from './errors.ts';
import { normaliseHeaders } from './headers.ts';
import { type ImportLimits, JSON_MAX_DEPTH } from './limits.ts';
import { decoderLabel, type TextEncodingName } from './sniffFormat.ts';

/** A JSON upload turned into a table. */
export interface JsonTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isRecord(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalarText(value: Json): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  return String(value);
}

function flatten(value: Json, prefix: string, out: Map<string, string>, depth: number): void {
  if (depth > JSON_MAX_DEPTH) {
    throw new UnsupportedFormatError(
      `JSON is nested more than ${JSON_MAX_DEPTH} levels deep; upload flat records`,
    );
  }
  if (Array.isArray(value)) {
    if (value.every((v) => !isRecord(v) && !Array.isArray(v))) {
      out.set(prefix, value.map(scalarText).join(', '));
    } else {
      checkDepth(value, depth);
      out.set(prefix, JSON.stringify(value));
    }
  } else if (isRecord(value)) {
    for (const [key, child] of Object.entries(value))
      flatten(child, prefix ? `${prefix}.${key}` : key, out, depth + 1);
  } else out.set(prefix, scalarText(value));
}

function checkDepth(value: Json, depth: number): void {
  if (depth > JSON_MAX_DEPTH) {
    throw new UnsupportedFormatError(
      `JSON is nested more than ${JSON_MAX_DEPTH} levels deep; upload flat records`,
    );
  }
  if (Array.isArray(value)) for (const v of value) checkDepth(v, depth + 1);
  else if (isRecord(value)) for (const v of Object.values(value)) checkDepth(v, depth + 1);
}

/** Finds the array of records: the document itself, or its single array-of-objects property. */
function findRecords(doc: Json): Json[] {
  if (Array.isArray(doc)) return doc;
  if (isRecord(doc)) {
    const arrays = Object.entries(doc).filter(
      ([, v]) => Array.isArray(v) && v.length > 0 && v.every(isRecord),
    );
    if (arrays.length === 1) return (arrays[0] as [string, Json[]])[1];
    if (Object.values(doc).some((v) => Array.isArray(v) && v.length === 0) && arrays.length === 0) return [];
  }
  throw new UnsupportedFormatError(
    'JSON is not a list of records (expected [{...}, ...] or {"rows": [{...}]})',
  );
}

/** Reads JSON Lines (one object per line), or returns undefined when the text is not that. */
function jsonLines(text: string): Json[] | undefined {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2 || !lines.every((l) => l.trimStart().startsWith('{'))) return undefined;
  try {
    return lines.map((l) => JSON.parse(l) as Json);
  } catch {
    return undefined;
  }
}

/** Parses a whole JSON upload (already size-checked) into a table. */
export function readJsonTable(
  bytes: Uint8Array,
  encoding: TextEncodingName,
  bomLength: number,
  limits: ImportLimits,
): JsonTable {
  const text = new TextDecoder(decoderLabel(encoding))
    .decode(bytes.subarray(bomLength))
    .replace(/^\uFEFF/, '');
  let records: Json[];
  try {
    records = findRecords(JSON.parse(text) as Json);
  } catch (error) {
    if (error instanceof UnsupportedFormatError) throw error;
    const lines = jsonLines(text);
    if (!lines) {
      const detail =
        error instanceof RangeError ? 'nested too deeply' : (error as Error).message.split('\n')[0];
      throw new MalformedFileError(`malformed JSON: ${detail}`, { cause: error });
    }
    records = lines;
  }
  if (records.length === 0) throw new EmptyFileError('JSON contains no records');
  if (!records.every(isRecord)) {
    throw new UnsupportedFormatError('JSON is not a list of records: every item must be an object');
  }
  if (records.length > limits.maxRows) {
    throw new TooManyRowsError(`file has more than ${limits.maxRows.toLocaleString('en-US')} data rows`);
  }
  const keyIndex = new Map<string, number>();
  const flat: Map<string, string>[] = [];
  for (const record of records) {
    const row = new Map<string, string>();
    flatten(record, '', row, 1);
    for (const key of row.keys()) {
      if (!keyIndex.has(key)) {
        keyIndex.set(key, keyIndex.size);
        if (keyIndex.size > limits.maxColumns) {
          throw new TooManyColumnsError(
            `file has more than ${limits.maxColumns} columns; the limit is ${limits.maxColumns}`,
          );
        }
      }
    }
    flat.push(row);
  }
  if (keyIndex.size === 0) throw new HeaderOnlyError('JSON records have no fields');
  const keys = [...keyIndex.keys()];
  const rows = flat.map((row) => keys.map((k) => row.get(k) ?? ''));
  return { headers: normaliseHeaders(keys), rows };
}
