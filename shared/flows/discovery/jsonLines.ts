/**
 * Newline-delimited JSON between phases: written as a stream (bounded memory), read back line by line.
 */

const CHUNK_BYTES = 1 << 20;

/** Encodes items as NDJSON in ~1 MB chunks. */
export async function* toJsonLines<T>(items: AsyncIterable<T> | Iterable<T>): AsyncGenerator<Uint8Array> {
  let buffer = '';
  for await (const item of items) {
    buffer += `${JSON.stringify(item)}\n`;
    if (buffer.length >= CHUNK_BYTES) {
      yield Buffer.from(buffer, 'utf8');
      buffer = '';
    }
  }
  if (buffer.length > 0) yield Buffer.from(buffer, 'utf8');
}

/** Decodes an NDJSON byte stream into items, one line at a time. */
export async function* fromJsonLines<T>(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<T> {
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of bytes) {
    rest += decoder.decode(chunk, { stream: true });
    let newline = rest.indexOf('\n');
    let start = 0;
    while (newline !== -1) {
      const line = rest.slice(start, newline);
      if (line.length > 0) yield JSON.parse(line) as T;
      start = newline + 1;
      newline = rest.indexOf('\n', start);
    }
    rest = rest.slice(start);
  }
  rest += decoder.decode();
  if (rest.trim().length > 0) yield JSON.parse(rest) as T;
}
