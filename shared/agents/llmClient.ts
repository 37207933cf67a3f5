/**
 * The chat model connection: the `openai` client pointed at the configured OpenAI-compatible
 * endpoint, with its own per-request timeout and retries (exponential backoff with jitter,
 * honouring Retry-After on 429/5xx). No key means no model: the agents run in degraded mode.
 */
import type OpenAI from 'openai';
import type { LlmConfig } from '#config/config.ts';
import { CircuitOpenError } from '#reliability/errors.ts';
import { retryWithBackoff } from '#reliability/retry.ts';

/** A ready chat model: client, model name and limits. */
export interface ChatModel {
  readonly client: OpenAI;
  readonly model: string;
  /** Identifies the endpoint for the circuit breaker and usage records. */
  readonly endpoint: string;
  readonly config: LlmConfig;
}

/** The openai package and its zod helpers, loaded together on first use. */
export interface OpenAISdk {
  readonly sdk: typeof import('openai');
  readonly zod: typeof import('openai/helpers/zod');
}

let sdkLoading: Promise<OpenAISdk> | undefined;
let sdkLoaded: OpenAISdk | undefined;

/**
 * The openai package, imported on first use only: it is ~440 KB of a Lambda bundle, and a handler
 * without an LLM key (degraded mode) or one that never calls a model must not pay for it at init.
 */
export function loadOpenAI(): Promise<OpenAISdk> {
  sdkLoading ??= Promise.all([import('openai'), import('openai/helpers/zod')]).then(([sdk, zod]) => {
    sdkLoaded = { sdk, zod };
    return sdkLoaded;
  });
  return sdkLoading;
}

/**
 * The openai package when it is loaded, else undefined. An openai error can only exist once the
 * package is loaded, so error checks that find it absent know the error is not one of its own.
 */
export function loadedOpenAI(): OpenAISdk['sdk'] | undefined {
  return sdkLoaded?.sdk;
}

/** Reads the key: the local setting, else the Secrets Manager secret when an ARN is set, else none. */
export async function resolveApiKey(config: LlmConfig): Promise<string | undefined> {
  if (config.apiKey) return config.apiKey;
  if (!config.secretArn) return undefined;
  const arn = config.secretArn;
  const { getSecret } = await import('@aws-lambda-powertools/parameters/secrets');
  const secret = await retryWithBackoff(() => getSecret(arn, { maxAge: 300 }), { attempts: 3 });
  if (typeof secret !== 'string' || secret === '') return undefined;
  return parseSecret(secret);
}

/** A secret is the bare key or a JSON object with `apiKey` / `api_key`. */
function parseSecret(secret: string): string | undefined {
  if (!secret.trimStart().startsWith('{')) return secret.trim();
  const parsed = JSON.parse(secret) as Record<string, unknown>;
  const key = parsed.apiKey ?? parsed.api_key ?? parsed.MODERNIZE_LLM_API_KEY;
  return typeof key === 'string' && key !== '' ? key : undefined;
}

/** Builds the chat model for `config`, or null when there is no key (degraded mode). */
export async function createChatModel(config: LlmConfig): Promise<ChatModel | null> {
  const apiKey = await resolveApiKey(config);
  if (!apiKey) return null;
  const { sdk } = await loadOpenAI();
  const client = new sdk.OpenAI({
    apiKey,
    baseURL: config.baseUrl,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
  });
  return { client, model: config.model, endpoint: config.baseUrl, config };
}

/**
 * True when an error means the model cannot answer now (endpoint down, timed out, rate
 * limited or failing past the client's retries, key refused, circuit open): a fallback
 * agent on the same endpoint would fail the same way, so the task goes to the rules.
 */
export function isModelUnavailable(error: unknown): boolean {
  const sdk = loadedOpenAI();
  if (error instanceof CircuitOpenError) return true;
  return sdk !== undefined && (error instanceof sdk.APIConnectionError || error instanceof sdk.APIError);
}

/** Failures that say the endpoint is unhealthy (they count toward opening its circuit). */
export function isEndpointFailure(error: unknown): boolean {
  const sdk = loadedOpenAI();
  if (!sdk) return false;
  if (error instanceof sdk.APIConnectionError) return true;
  if (error instanceof sdk.APIError)
    return error.status === 429 || (error.status ?? 0) >= 500 || error.status === 408;
  return false;
}
