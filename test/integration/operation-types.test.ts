import { Logger } from '@aws-lambda-powertools/logger';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLambdaInvoker, LAMBDA_INVOKER_DEFAULTS } from '@appsync-lambda/engine';
import { httpRealtimePlugin } from '@appsync-lambda/engine/realtime';
import { schemaSdl as apiSdl } from '../../src/api';
import { createHiringApi, type HiringApi } from '../helpers/hiring';

let hiring: HiringApi;

beforeAll(async () => {
  // As src/handler.ts wires it, with publishing off: subscriptions are refused over HTTP all the same.
  hiring = await createHiringApi({
    plugins: () => [httpRealtimePlugin({ sdl: apiSdl, logger: new Logger({ logLevel: 'SILENT' }), lambda: createLambdaInvoker(LAMBDA_INVOKER_DEFAULTS) })],
  });
});

describe('operation types over HTTP', () => {
  it('answers a subscription with a 400 UnsupportedOperation naming the WebSocket protocol, before anything runs', async () => {
    const { status, body } = await hiring.api.graphql('subscription { onJobPublished { id } }', undefined, hiring.recruiter);
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({ errorType: 'UnsupportedOperation', errorInfo: { operation: 'subscription', protocol: 'graphql-transport-ws' } }),
    ]);
  });

  it('answers a subscription to an unknown field with a 400 ValidationError', async () => {
    const { status, body } = await hiring.api.graphql('subscription { onJob { id } }', undefined, hiring.recruiter);
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError' })]);
  });

  it('lets queries and mutations through', async () => {
    const { status, body } = await hiring.api.graphql('{ __typename }', undefined, hiring.recruiter);
    expect({ status, body }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    const created = await hiring.api.graphql('mutation { createCompany(input: { name: "Acme" }) { name } }', undefined, hiring.admin);
    expect(created.body).toEqual({ data: { createCompany: { name: 'Acme' } } });
  });
});
