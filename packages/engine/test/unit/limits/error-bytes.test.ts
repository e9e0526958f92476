// The response budget (LIM-10) counts the bytes of a response's errors as well as its data: errors
// that take more than the data left answer one ResponseTooLarge, even before the HTTP adapter
// measures the serialised body.
import { NONE, unit } from '@appsync-lambda/engine';
import { util, type Context } from '@appsync-lambda/engine/appsync-utils';
import { describe, expect, it } from 'vitest';
import { createTestEngine } from '../../helpers/engine';

const MAX_RESPONSE_BYTES = 8 * 1024;

const engine = createTestEngine({
  sdl: 'type Query { noisy(count: Int!, size: Int!): String }',
  resolvers: {
    'Query.noisy': unit(
      {
        request: () => ({ payload: 'done' }),
        response: (ctx: Context) => {
          for (let index = 0; index < ctx.args.count; index += 1) util.appendError('x'.repeat(ctx.args.size), 'Noisy');
          return ctx.result;
        },
      },
      NONE,
    ),
  },
  maxResponseBytes: MAX_RESPONSE_BYTES,
});

describe('the response budget', () => {
  it('replaces a result whose errors pass the budget by one ResponseTooLarge counting them', async () => {
    const result = await engine.execute('{ noisy(count: 20, size: 500) }');
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ errorType: 'ResponseTooLarge', errorInfo: { limit: 'responseBytes', maximum: MAX_RESPONSE_BYTES } });
    expect(result.errors![0]!.errorInfo.actual).toBeGreaterThan(20 * 500);
  });

  it('keeps a result whose data and errors fit', async () => {
    const result = await engine.execute('{ noisy(count: 5, size: 500) }');
    expect(result.data).toEqual({ noisy: 'done' });
    expect(result.errors).toHaveLength(5);
  });

  it('answers the same over HTTP', async () => {
    const { body } = await engine.graphql('{ noisy(count: 20, size: 500) }');
    expect(body.errors).toEqual([expect.objectContaining({ errorType: 'ResponseTooLarge' })]);
  });
});
