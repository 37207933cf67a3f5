/**
 * Lambda: the HTTP API behind API Gateway (REST proxy integration). The local server
 * (`modernize serve`) calls this same handler.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import '#flows/registerFlows.ts';
import { servicesFromEnvironment } from '#flows/services.ts';
import { handleApiEvent } from '#http/apiHandler.ts';

export const handler = middy<APIGatewayProxyEvent, APIGatewayProxyResult>().handler((event) =>
  handleApiEvent(event, servicesFromEnvironment()),
);
