/**
 * Errors of the memory layer (embeddings, vector indexes, memory records), with stable codes
 * the API maps to a status.
 */
import { ModernizeError } from '#errors/errors.ts';

/** Base of the memory layer's errors. */
export class MemoryError extends ModernizeError {
  constructor(message: string, options: { code: string; status: number; cause?: unknown }) {
    super(message, options);
    this.name = 'MemoryError';
  }
}

/** The embeddings endpoint failed or answered something unusable: 503, the caller may retry or degrade. */
export class EmbeddingError extends MemoryError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: 'embedding_failed', status: 503, cause });
    this.name = 'EmbeddingError';
  }
}

/** A vector's dimension differs from its index's: never mixed, a model change needs a new index. */
export class VectorDimensionError extends MemoryError {
  constructor(expected: number, actual: number) {
    super(`vector has ${actual} dimensions, the index holds ${expected}`, {
      code: 'vector_dimension_mismatch',
      status: 500,
    });
    this.name = 'VectorDimensionError';
  }
}

/** The vector index (OpenSearch or the embedded file) failed: 503. */
export class VectorIndexError extends MemoryError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: 'vector_index_failed', status: 503, cause });
    this.name = 'VectorIndexError';
  }
}
