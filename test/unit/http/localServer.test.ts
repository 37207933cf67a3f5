import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalApi } from '#http/localServer.ts';

describe('local API server', () => {
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  it('hands the handler the caller address and user agent the way API Gateway does', async () => {
    // Prepare: a handler that remembers the event it was given.
    let seen: APIGatewayProxyEvent | undefined;
    const { url, server } = await startLocalApi(
      async (event) => {
        seen = event;
        return { statusCode: 204, body: '' };
      },
      { port: 0, maxBodyBytes: 1024 },
    );
    close = () => server.close();

    // Act
    const response = await fetch(`${url}/flows?x=1`, { headers: { 'user-agent': 'audit-check/1.0' } });

    // Assess
    expect(response.status).toBe(204);
    expect(seen?.requestContext.identity.sourceIp).toMatch(/127\.0\.0\.1/);
    expect(seen?.requestContext.identity.userAgent).toBe('audit-check/1.0');
    expect(seen?.queryStringParameters).toEqual({ x: '1' });
  });
});
