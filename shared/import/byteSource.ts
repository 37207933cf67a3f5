/**
 * Reading an upload's bytes: peeking at the head (for sniffing) without losing it, and
 * enforcing the size limit while streaming so an oversize upload stops early.
 */
import { FileTooLargeError, formatBytes, ImportError, UploadReadError } from './errors.ts';
import type { ByteSourceOpener } from './limits.ts';

/** An opened upload: the first bytes for sniffing, and the whole byte stream (head included). */
export interface PeekedSource {
  readonly head: Uint8Array;
  /** True when `head` is the whole upload. */
  readonly complete: boolean;
  readonly stream: AsyncIterable<Uint8Array>;
  /** Releases the underlying source without reading the rest (e.g. aborts an S3 GetObject). */
  close(): Promise<void>;
}

/** Bytes read ahead for sniffing format, encoding and delimiter. */
export const SNIFF_BYTES = 64 * 1024;

function tooLarge(seen: number, maxBytes: number, exact: boolean): FileTooLargeError {
  const size = exact ? formatBytes(seen) : `more than ${formatBytes(maxBytes)}`;
  return new FileTooLargeError(`upload is ${size}; the limit is ${formatBytes(maxBytes)}`);
}

/** Throws before reading anything when the stored size is already known to be over the limit. */
export function checkKnownSize(sizeBytes: number | undefined, maxBytes: number): void {
  if (sizeBytes !== undefined && sizeBytes > maxBytes) throw tooLarge(sizeBytes, maxBytes, true);
}

function readFailed(error: unknown): Error {
  if (error instanceof ImportError || error instanceof UploadReadError) return error;
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new UploadReadError(`could not read the upload: ${detail}`, { cause: error });
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Opens the upload, reads at least `peekBytes` (or all of it), and returns those bytes plus a
 * stream that replays them and continues, counting bytes against `maxBytes`.
 */
export async function openPeeked(
  open: ByteSourceOpener,
  maxBytes: number,
  peekBytes = SNIFF_BYTES,
): Promise<PeekedSource> {
  let iterator: AsyncIterator<Uint8Array>;
  try {
    iterator = (await open())[Symbol.asyncIterator]();
  } catch (error) {
    throw readFailed(error);
  }
  const next = async (): Promise<IteratorResult<Uint8Array>> => {
    try {
      return await iterator.next();
    } catch (error) {
      throw readFailed(error);
    }
  };
  const headChunks: Uint8Array[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < peekBytes) {
    const result = await next();
    if (result.done) {
      done = true;
      break;
    }
    const chunk = result.value;
    if (chunk.length === 0) continue;
    headChunks.push(chunk);
    headLength += chunk.length;
    if (headLength > maxBytes) {
      await iterator.return?.();
      throw tooLarge(headLength, maxBytes, false);
    }
  }
  const head = concat(headChunks, headLength);
  // The head is yielded inside the try: a reader that stops after it still releases the source.
  async function* replay(): AsyncGenerator<Uint8Array> {
    let seen = headLength;
    try {
      if (headLength > 0) yield head;
      if (done) return;
      while (true) {
        const result = await next();
        if (result.done) return;
        seen += result.value.length;
        if (seen > maxBytes) throw tooLarge(seen, maxBytes, false);
        yield result.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  let closed = false;
  const close = async (): Promise<void> => {
    if (done || closed) return;
    closed = true;
    try {
      await iterator.return?.();
    } catch {
      // Releasing an already failed source is best effort.
    }
  };
  return { head, complete: done, stream: replay(), close };
}

/** Reads a whole stream into one buffer, refusing more than `maxBytes`. */
export async function readAll(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge(total, maxBytes, false);
    chunks.push(chunk);
  }
  return concat(chunks, total);
}
