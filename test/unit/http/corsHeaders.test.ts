import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import '#flows/registerFlows.ts';
import { loadConfig } from '#config/config.ts';
import { createServices } from '#flows/services.ts';
import { handleApiEvent } from '#http/apiHandler.ts';

const request = (origin?: string): APIGatewayProxyEvent =>
  ({
    httpMethod: 'GET',
    path: '/openapi.json',
    headers: origin ? { Origin: origin } : {},
    body: null,
    isBase64Encoded: false,
    queryStringParameters: null,
  }) as unknown as APIGatewayProxyEvent;

const servicesWith = (env: Record<string, string>) =>
  createServices(loadConfig({ MODERNIZE_HOME: '/tmp/x', ...env }));

describe('CORS headers on API responses', () => {
  it('echoes an allowed origin on a real response', async () => {
    // Prepare
    const services = servicesWith({
      MODERNIZE_CORS_ORIGIN: 'https://console.example.com, https://b.example',
    });

    // Act
    const response = await handleApiEvent(request('https://console.example.com'), services);

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['access-control-allow-origin']).toBe('https://console.example.com');
    expect(response.headers?.vary).toBe('Origin');
  });

  it('adds nothing for an origin that is not allowed, or when no origin is configured', async () => {
    // Prepare
    const configured = servicesWith({ MODERNIZE_CORS_ORIGIN: 'https://console.example.com' });
    const unconfigured = servicesWith({});

    // Act
    const foreign = await handleApiEvent(request('https://evil.example'), configured);
    const local = await handleApiEvent(request('https://console.example.com'), unconfigured);

    // Assess
    expect(foreign.headers?.['access-control-allow-origin']).toBeUndefined();
    expect(local.headers?.['access-control-allow-origin']).toBeUndefined();
  });
});
