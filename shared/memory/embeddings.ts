/**
 * Embeddings: an OpenAI-compatible endpoint when a model is configured, otherwise a
 * deterministic local embedder (hashed words and character n-grams, no downloads). Every
 * batch says which model and dimension produced it, so vectors of different models are
 * never mixed in one index.
 */
import type OpenAI from 'openai';
import { EmbeddingError } from './errors.ts';

/** Vectors for a batch of texts, in input order, with the model and dimension that made them. */
export interface EmbeddingBatch {
  readonly model: string;
  readonly dimensions: number;
  readonly vectors: Float32Array[];
}

export interface Embedder {
  embed(texts: readonly string[]): Promise<EmbeddingBatch>;
}

/** Dimension of the local embedder unless configured otherwise. */
export const LOCAL_EMBEDDING_DIMENSIONS = 256;

/**
 * Splits identifiers and prose into lowercase words: `CPUCount`, `cpu_count` and
 * `CPU Count (MB)` all start with `cpu`, `count`.
 */
export function embeddingWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** FNV-1a, 32 bits: a fast, stable hash for feature hashing. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The deterministic default: signed feature hashing of word tokens (weight 1), character
 * trigrams of each word with boundary marks (0.5 each) and trigrams of the words run together
 * (0.35 each, so `hostname` meets `host name`), L2-normalised. Good at "similar header"
 * similarity (`Server Name` ~ `ServerName` ~ `server_name`); it knows no synonyms.
 */
export class LocalHashEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number;

  constructor(options: { dimensions?: number } = {}) {
    this.dimensions = options.dimensions ?? LOCAL_EMBEDDING_DIMENSIONS;
    this.model = `local-hash-ngram-v1-${this.dimensions}`;
  }

  async embed(texts: readonly string[]): Promise<EmbeddingBatch> {
    return { model: this.model, dimensions: this.dimensions, vectors: texts.map((t) => this.embedOne(t)) };
  }

  /** The vector of one text (synchronous: the local embedder does no I/O). */
  embedOne(text: string): Float32Array {
    const v = new Float32Array(this.dimensions);
    const add = (feature: string, weight: number) => {
      const h = fnv1a(feature);
      v[h % this.dimensions] = (v[h % this.dimensions] as number) + (h & 0x80000000 ? -weight : weight);
    };
    const words = embeddingWords(text);
    for (const word of words) {
      add(`w:${word}`, 1);
      const marked = `#${word}#`;
      for (let i = 0; i + 3 <= marked.length; i++) add(`g:${marked.slice(i, i + 3)}`, 0.5);
    }
    const joined = `^${words.join('')}$`;
    for (let i = 0; i + 3 <= joined.length; i++) add(`j:${joined.slice(i, i + 3)}`, 0.35);
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / norm;
    return v;
  }
}

/** Settings of a remote embeddings model. */
export interface OpenAiEmbedderOptions {
  readonly client: OpenAI;
  readonly model: string;
  /** Asks the model for this many dimensions (models that support shortening). */
  readonly dimensions?: number;
  /** Texts per request. */
  readonly batchSize?: number;
}

/**
 * An OpenAI-compatible embeddings endpoint. Asks for `encoding_format: 'float'` (the client
 * would otherwise ask for base64), checks that every vector has the same dimension.
 */
export class OpenAiEmbedder implements Embedder {
  private readonly options: OpenAiEmbedderOptions;

  constructor(options: OpenAiEmbedderOptions) {
    this.options = options;
  }

  async embed(texts: readonly string[]): Promise<EmbeddingBatch> {
    const { client, model, dimensions } = this.options;
    const size = this.options.batchSize ?? 64;
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += size) {
      const input = texts.slice(start, start + size).map((t) => (t === '' ? ' ' : t));
      let data: { index: number; embedding: number[] }[];
      try {
        const out = await client.embeddings.create({
          model,
          input,
          encoding_format: 'float',
          ...(dimensions ? { dimensions } : {}),
        });
        data = out.data as { index: number; embedding: number[] }[];
      } catch (error) {
        throw new EmbeddingError(`embeddings model ${model} failed: ${(error as Error).message}`, error);
      }
      if (!Array.isArray(data) || data.length !== input.length)
        throw new EmbeddingError(
          `embeddings model ${model} answered ${data?.length ?? 0} of ${input.length}`,
        );
      for (const item of [...data].sort((a, b) => a.index - b.index)) {
        if (!Array.isArray(item.embedding) || item.embedding.length === 0)
          throw new EmbeddingError(`embeddings model ${model} answered a vector that is not a float list`);
        vectors.push(Float32Array.from(item.embedding));
      }
    }
    const dims = vectors[0]?.length ?? dimensions ?? 0;
    if (vectors.some((v) => v.length !== dims))
      throw new EmbeddingError(`embeddings model ${model} answered vectors of different dimensions`);
    return { model, dimensions: dims, vectors };
  }
}

/** What `createEmbedder` reads from the configuration. */
export interface EmbedderSettings {
  /** MODERNIZE_EMBEDDINGS_MODEL; unset selects the local embedder. */
  readonly model?: string;
  readonly baseUrl: string;
  readonly dimensions?: number;
  readonly localDimensions: number;
  readonly timeoutMs: number;
  readonly maxRetries: number;
}

/**
 * The configured embedder: the remote model when one is configured and a key resolves (the key
 * is read on first use, locally or from Secrets Manager), else the local embedder. A remote
 * model that fails raises EmbeddingError rather than silently switching models.
 */
export function createEmbedder(
  settings: EmbedderSettings,
  apiKey: () => Promise<string | undefined>,
): Embedder {
  const local = new LocalHashEmbedder({ dimensions: settings.localDimensions });
  const model = settings.model;
  if (!model) return local;
  let chosen: Promise<Embedder> | undefined;
  const choose = async (): Promise<Embedder> => {
    const key = await apiKey();
    if (!key) return local;
    // Loaded only now: the openai package is ~440 KB of a Lambda bundle's cold start.
    const { default: OpenAIClient } = await import('openai');
    const client = new OpenAIClient({
      apiKey: key,
      baseURL: settings.baseUrl,
      timeout: settings.timeoutMs,
      maxRetries: settings.maxRetries,
    });
    return new OpenAiEmbedder({ client, model, dimensions: settings.dimensions });
  };
  return {
    async embed(texts) {
      chosen ??= choose().catch((error: unknown) => {
        chosen = undefined;
        throw new EmbeddingError('could not read the embeddings API key', error);
      });
      return (await chosen).embed(texts);
    },
  };
}
