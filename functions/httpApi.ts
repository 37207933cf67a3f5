/**
 * Lambda: the HTTP API behind API Gateway (REST proxy integration). The local server
 * (`modernize serve`) calls this same handler. A POST or PUT carrying an `Idempotency-Key` header
 * is idempotent (Powertools): a retry with the same key, caller and path gets the first answer.
 * The idempotency layer is imported on the first POST or PUT: a read never needs it.
 */
import type { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { idempotencyConfig, idempotencyStore, observed, registerInvocation } from '#config/powertools.ts';
import { type Services, servicesFromEnvironment } from '#flows/services.ts';
import { handleApiEvent } from '#http/apiHandler.ts';

const KEY = '(headers."Idempotency-Key" || headers."idempotency-key")';
/** Null (no idempotency) without the header; otherwise the key scoped to the caller's token and the path. */
const REQUEST_KEY = `${KEY} && [${KEY}, headers.Authorization || headers.authorization, httpMethod, path]`;

/** A 5xx answer is not stored: thrown through the idempotency layer so a retry runs again. */
class RetryableResponse extends Error {
  readonly code = 'retryable_response';
  readonly response: APIGatewayProxyResult;
  constructor(response: APIGatewayProxyResult) {
    super(`answered ${response.statusCode}`);
    this.name = 'RetryableResponse';
    this.response = response;
  }
}

type Run = (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;
type Idempotency = typeof import('@aws-lambda-powertools/idempotency');
interface IdempotentApi {
  readonly services: Services;
  readonly config: IdempotencyConfig;
  readonly run: Run;
  readonly errors: Pick<Idempotency, 'IdempotencyValidationError' | 'IdempotencyAlreadyInProgressError'>;
}
let idempotent: IdempotentApi | undefined;

async function idempotentApi(services: Services): Promise<IdempotentApi> {
  if (idempotent?.services !== services) {
    const idempotency = await import('@aws-lambda-powertools/idempotency');
    const config = await idempotencyConfig(REQUEST_KEY, { payloadValidationJmesPath: 'body' });
    const run = idempotency.makeIdempotent(
      async (event: APIGatewayProxyEvent) => {
        const response = await handleApiEvent(event, services);
        if (response.statusCode >= 500) throw new RetryableResponse(response);
        return response;
      },
      { persistenceStore: await idempotencyStore(services.config, 'httpApi'), config },
    );
    idempotent = { services, config, run, errors: idempotency };
  }
  return idempotent;
}

const conflict = (code: string, message: string): APIGatewayProxyResult => ({
  statusCode: code === 'idempotency_key_reused' ? 422 : 409,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ error: { code, message } }),
});

export const handler = observed(
  async (event: APIGatewayProxyEvent, context: Context): Promise<APIGatewayProxyResult> => {
    const services = servicesFromEnvironment();
    if (event.httpMethod !== 'POST' && event.httpMethod !== 'PUT') return handleApiEvent(event, services);
    const { config, run, errors } = await idempotentApi(services);
    try {
      registerInvocation(config, context);
      return await run(event);
    } catch (error) {
      if (error instanceof RetryableResponse) return error.response;
      if (error instanceof errors.IdempotencyValidationError)
        return conflict('idempotency_key_reused', 'Idempotency-Key was used for a different request');
      if (error instanceof errors.IdempotencyAlreadyInProgressError)
        return conflict('idempotency_in_progress', 'a request with this Idempotency-Key is still running');
      throw error;
    }
  },
);
