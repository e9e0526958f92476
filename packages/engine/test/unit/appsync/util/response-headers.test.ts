// util.http.addResponseHeader(s) through the real Lambda handler (NONE data source, no I/O).
import { util, type Context } from '@aws-appsync/utils';
import { describe, expect, it } from 'vitest';
import { NONE, unit } from '@appsync-lambda/engine';
import { graphqlEvent } from '@appsync-lambda/test-support';
import { createRuntimeApi } from '../../../helpers/harness';

const withHeaders = (add: (ctx: Context) => void) =>
  unit(
    {
      request: (ctx: Context) => {
        add(ctx);
        return { payload: 'ok' };
      },
      response: (ctx: Context) => ctx.result,
    },
    NONE,
  );

describe('util.http response headers', () => {
  it('UTIL-H1 headers added by every resolver of the request reach the HTTP response', async () => {
    const api = createRuntimeApi({
      resolvers: {
        'Query.probe': withHeaders(() => {
          util.http.addResponseHeader('itemsCount', 7);
          util.http.addResponseHeader('x-render', 'first');
        }),
        'Query.text': withHeaders(() => util.http.addResponseHeaders({ 'x-render': 'last', headerObject: { field1: 7 } })),
      },
    });
    const result = await api.invoke(graphqlEvent('{ probe text }'));
    expect(JSON.parse(String(result.body)).data).toEqual({ probe: 'ok', text: 'ok' });
    expect(result.headers).toMatchObject({ itemscount: '7', 'x-render': 'last', headerobject: '{"field1":7}' });
  });

  it('UTIL-H1 a restricted header name fails the field with a Code error and sets nothing', async () => {
    const api = createRuntimeApi({ resolvers: { 'Query.text': withHeaders(() => util.http.addResponseHeader('x-amzn-RequestId', 'forged')) } });
    const result = await api.invoke(graphqlEvent('{ text }'));
    const body = JSON.parse(String(result.body));
    expect(body.data).toEqual({ text: null });
    expect(body.errors).toMatchObject([{ errorType: 'Code', path: ['text'], message: expect.stringContaining("'x-amzn-RequestId' is restricted") }]);
    expect(Object.keys(result.headers ?? {}).map((name) => name.toLowerCase())).not.toContain('x-amzn-requestid');
  });
});
