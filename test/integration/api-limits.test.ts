import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config';
import { createLambdaHandler, type LambdaOptions } from '../helpers/handler';
import { MAX_RESPONSE_BYTES, NONE, unit } from '@appsync-lambda/engine';
import { graphqlEvent } from '@appsync-lambda/test-support';

// Query.big: a string of n characters, from the NONE data source (no I/O).
const big = {
  request: (ctx: { args: { n: number } }) => ({ payload: 'x'.repeat(ctx.args.n) }),
  response: (ctx: { result: unknown }) => ctx.result,
};

function api(options: Partial<LambdaOptions> = {}) {
  const handler = createLambdaHandler({
    logger: new Logger({ serviceName: 'limits-test', logLevel: 'SILENT' }),
    runtime: { client: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' })), tables: { main: 'unused' }, tokenSecret: 's', env: {} },
    schema: { sdl: 'type Query { big(n: Int!): String }', resolvers: { 'Query.big': unit(big as never, NONE) } },
    ...options,
  });
  return async (query: string, variables?: Record<string, unknown>) => {
    const result = (await handler(graphqlEvent(query, variables), { awsRequestId: 't' } as Context, () => undefined)) as APIGatewayProxyStructuredResultV2;
    return { status: result.statusCode, body: JSON.parse(String(result.body)) };
  };
}

describe('API limits', () => {
  it('LIM-04 introspection is on by default and can be turned off per API (INTROSPECTION=false)', async () => {
    const open = await api()('{ __schema { queryType { name } } }');
    expect(open.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });

    expect(readConfig({ TABLE_NAME: 't', INTROSPECTION: 'false' }).introspection).toBe(false);
    expect(() => readConfig({ TABLE_NAME: 't', INTROSPECTION: 'no' })).toThrow(/INTROSPECTION/);
    const closed = await api({ introspection: false })('{ __schema { queryType { name } } }');
    expect(closed.body.data).toBeUndefined();
    expect(closed.body.errors[0]).toMatchObject({ errorType: 'ValidationError' });
    expect(closed.body.errors[0].message).toMatch(/introspection/i);
    // Ordinary queries still work with introspection off.
    expect((await api({ introspection: false })('{ big(n: 3) }')).body.data).toEqual({ big: 'xxx' });
  });

  it('LIM-10 a response larger than the function can return becomes a ResponseTooLarge error', async () => {
    const query = api({ maxResponseBytes: 10_000 });
    const small = await query('query ($n: Int!) { big(n: $n) }', { n: 9_000 });
    expect(small.body.data.big).toHaveLength(9_000);

    const large = await query('query ($n: Int!) { big(n: $n) }', { n: 20_000 });
    expect(large.status).toBe(200);
    expect(large.body.data).toBeUndefined();
    expect(large.body.errors).toEqual([
      expect.objectContaining({ errorType: 'ResponseTooLarge', extensions: expect.objectContaining({ errorType: 'ResponseTooLarge' }) }),
    ]);
  });

  it('LIM-10 the default limit stays under Lambda’s 6 MB response payload', async () => {
    expect(MAX_RESPONSE_BYTES).toBeLessThan(6 * 1024 * 1024);
    const large = await api()('query ($n: Int!) { big(n: $n) }', { n: 6 * 1024 * 1024 });
    expect(large.body.errors[0].errorType).toBe('ResponseTooLarge');
  });
});
