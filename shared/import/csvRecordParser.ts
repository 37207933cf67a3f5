/**
 * A streaming RFC 4180 record parser over decoded text chunks. Lines without quotes take a
 * fast path (indexOf + split, both native); only records containing a quote are walked
 * character by character. Memory is bounded by the longest record, which is capped.
 */
import { formatBytes, MalformedFileError } from './errors.ts';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;

/** A record that is only an empty line. */
const EMPTY_RECORD: readonly string[] = Object.freeze(['']);

/**
 * Receives what {@link CsvRecordParser.scan} finds: quote-free lines as ranges of the text (so a caller that
 * only counts can look at cells in place), records with quotes as parsed cells.
 */
export interface CsvLineSink {
  /** A record without quotes: `text[start, end)`, cells separated by the delimiter, line break excluded. */
  line(text: string, start: number, end: number): void;
  /** A record parsed cell by cell (it had quotes), or an empty line as `['']`. */
  record(fields: readonly string[]): void;
}

/** Parses CSV text pushed in chunks into records (arrays of raw cell strings). */
export class CsvRecordParser {
  private readonly delimiter: string;
  private readonly delimiterCode: number;
  private readonly newline: string;
  private readonly maxRecordChars: number;
  private rest = '';
  /** Physical line number (1-based) where `rest` starts. */
  private line = 1;
  private slowFields: string[] = [];
  private slowEnd = 0;

  /**
   * @param delimiter one character: `,` `;` `\t` or `|`.
   * @param newline `\n` for LF and CRLF files, `\r` for old Mac CR-only files.
   * @param maxRecordChars longest record accepted; longer means broken quoting or a non-table file.
   */
  constructor(delimiter: string, newline: '\n' | '\r', maxRecordChars: number) {
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
    this.newline = newline;
    this.maxRecordChars = maxRecordChars;
  }

  /** The physical line the parser has reached (for messages). */
  get currentLine(): number {
    return this.line;
  }

  /**
   * Parses as many complete records as `chunk` (after what was left over) holds, appending them
   * to `out`. With `final`, the remainder is the last record and an unclosed quote is an error.
   */
  push(chunk: string, final: boolean, out: (readonly string[])[]): void {
    const buf = this.rest.length > 0 ? this.rest + chunk : chunk;
    const len = buf.length;
    const nl = this.newline;
    const delimiter = this.delimiter;
    const crlf = nl === '\n';
    const max = this.maxRecordChars;
    let pos = 0;
    let nextQuote = -1;
    while (pos < len) {
      let end = buf.indexOf(nl, pos);
      if (end === -1) {
        if (!final) break;
        end = len;
      }
      if (nextQuote !== len && nextQuote < pos) {
        nextQuote = buf.indexOf('"', pos);
        if (nextQuote === -1) nextQuote = len;
      }
      if (nextQuote >= end) {
        if (end - pos > max) this.tooLong(this.line, false);
        let lineEnd = end;
        if (crlf && lineEnd > pos && buf.charCodeAt(lineEnd - 1) === CR) lineEnd--;
        out.push(lineEnd > pos ? buf.slice(pos, lineEnd).split(delimiter) : EMPTY_RECORD);
        pos = end + 1;
        this.line++;
        continue;
      }
      if (!this.parseSlow(buf, pos, final)) break;
      // A quoted record held whole in one chunk is only measured here.
      if (this.slowEnd - pos > max) this.tooLong(this.line, true);
      out.push(this.slowFields);
      this.line += countNewlines(buf, pos, this.slowEnd, nl);
      pos = this.slowEnd;
    }
    this.rest = pos < len ? buf.slice(pos) : '';
    if (this.rest.length > max) this.tooLong(this.line, this.rest.includes('"'));
  }

  /**
   * Like {@link push}, but hands quote-free lines to `sink` as text ranges instead of splitting them: the
   * records found, in order, are the same. (The two loops are kept apart on purpose: a sink call per line
   * would cost the rows pass, which splits every line anyway.)
   */
  scan(chunk: string, final: boolean, sink: CsvLineSink): void {
    const buf = this.rest.length > 0 ? this.rest + chunk : chunk;
    const len = buf.length;
    const nl = this.newline;
    const crlf = nl === '\n';
    const max = this.maxRecordChars;
    let pos = 0;
    let nextQuote = -1;
    while (pos < len) {
      let end = buf.indexOf(nl, pos);
      if (end === -1) {
        if (!final) break;
        end = len;
      }
      if (nextQuote !== len && nextQuote < pos) {
        nextQuote = buf.indexOf('"', pos);
        if (nextQuote === -1) nextQuote = len;
      }
      if (nextQuote >= end) {
        if (end - pos > max) this.tooLong(this.line, false);
        let lineEnd = end;
        if (crlf && lineEnd > pos && buf.charCodeAt(lineEnd - 1) === CR) lineEnd--;
        if (lineEnd > pos) sink.line(buf, pos, lineEnd);
        else sink.record(EMPTY_RECORD);
        pos = end + 1;
        this.line++;
        continue;
      }
      if (!this.parseSlow(buf, pos, final)) break;
      // A quoted record held whole in one chunk is only measured here.
      if (this.slowEnd - pos > max) this.tooLong(this.line, true);
      sink.record(this.slowFields);
      this.line += countNewlines(buf, pos, this.slowEnd, nl);
      pos = this.slowEnd;
    }
    this.rest = pos < len ? buf.slice(pos) : '';
    if (this.rest.length > max) this.tooLong(this.line, this.rest.includes('"'));
  }

  private tooLong(line: number, quoted: boolean): never {
    const hint = quoted ? ' (an unclosed quote?)' : '';
    throw new MalformedFileError(
      `malformed CSV: the record at line ${line} is longer than ${formatBytes(this.maxRecordChars)}${hint}`,
    );
  }

  /** Parses one record that contains a quote. Returns false when more text is needed. */
  private parseSlow(buf: string, start: number, final: boolean): boolean {
    const len = buf.length;
    const d = this.delimiterCode;
    const fields: string[] = [];
    let i = start;
    while (true) {
      if (i - start > this.maxRecordChars) this.tooLong(this.line, true);
      // Tolerate spaces before an opening quote (`a, "b, c"`), a common hand-edited form.
      let s = i;
      while (s < len && buf.charCodeAt(s) === SPACE) s++;
      if (s > i && s < len && buf.charCodeAt(s) === QUOTE) i = s;
      if (i < len && buf.charCodeAt(i) === QUOTE) {
        let value = '';
        let j = i + 1;
        while (true) {
          const q = buf.indexOf('"', j);
          if (q === -1 || (q + 1 >= len && !final)) {
            if (!final) return false;
            const at = this.line + countNewlines(buf, start, i, this.newline);
            throw new MalformedFileError(`malformed CSV: unclosed quote starting at line ${at}`);
          }
          if (buf.charCodeAt(q + 1) === QUOTE) {
            value += buf.slice(j, q + 1);
            j = q + 2;
            continue;
          }
          value += buf.slice(j, q);
          j = q + 1;
          break;
        }
        let k = j;
        while (k < len) {
          const c = buf.charCodeAt(k);
          if (c === d || c === LF || c === CR) break;
          k++;
        }
        if (k > j) value += buf.slice(j, k);
        fields.push(value);
        i = k;
      } else {
        let k = i;
        while (k < len) {
          const c = buf.charCodeAt(k);
          if (c === d || c === LF || c === CR) break;
          k++;
        }
        fields.push(buf.slice(i, k));
        i = k;
      }
      if (i >= len) {
        if (!final) return false;
        break;
      }
      const c = buf.charCodeAt(i);
      if (c === d) {
        i++;
        continue;
      }
      if (c === CR) {
        if (i + 1 >= len && !final) return false;
        i += buf.charCodeAt(i + 1) === LF ? 2 : 1;
      } else i++;
      break;
    }
    this.slowFields = fields;
    this.slowEnd = i;
    return true;
  }
}

function countNewlines(buf: string, from: number, to: number, nl: string): number {
  let n = 0;
  let at = buf.indexOf(nl, from);
  while (at !== -1 && at < to) {
    n++;
    at = buf.indexOf(nl, at + 1);
  }
  return n;
}
