// Direct Lambda resolvers (beyond AppSync's JS runtime): a module exporting `handler(event)` runs
// in-process with AppSync's Direct Lambda event; as a unit resolver and as a pipeline function.
import type { Context } from '@aws-appsync/utils';
import type { AppSyncResolverHandler } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { NONE, fn, lambda, lambdaFn, pipeline, unit } from '@appsync-lambda/engine';
import { createRuntimeApi, json } from '../../../helpers/harness';

describe('lambda() unit resolvers', () => {
  it('calls the handler with the Direct Lambda event and resolves the field to its value', async () => {
    let received: unknown;
    const handler: AppSyncResolverHandler<{ id: string }, { id: string; name: string }> = async (event) => {
      received = event;
      return { id: event.arguments.id, name: 'From Lambda' };
    };
    const api = createRuntimeApi({ resolvers: { 'Query.parent': lambda({ handler }) } });
    const { body } = await api.graphql('query ($id: ID) { parent(id: $id) { id name } }', { id: 'p1' }, {
      authorizer: { lambda: { tenant: 't1' } },
      headers: { 'x-trace': 'abc' },
    });
    expect(body).toEqual({ data: { parent: { id: 'p1', name: 'From Lambda' } } });
    expect(received).toMatchObject({
      arguments: { id: 'p1' },
      identity: { resolverContext: { tenant: 't1' } },
      source: null,
      request: { headers: { 'x-trace': 'abc' }, domainName: null },
      info: { fieldName: 'parent', parentTypeName: 'Query', variables: { id: 'p1' }, selectionSetList: ['id', 'name'], selectionSetGraphQL: '{\n  id\n  name\n}' },
      prev: null,
      stash: {},
    });
    // The event is plain JSON-like data: the selection properties are enumerable, unlike ctx.info.
    expect(Object.keys((received as { info: object }).info).sort()).toEqual(['fieldName', 'parentTypeName', 'selectionSetGraphQL', 'selectionSetList', 'variables']);
  });

  it('passes the parent value as source for nested fields', async () => {
    const api = createRuntimeApi({
      resolvers: {
        'Query.parent': unit({ request: () => ({ payload: { id: 'p2' } }), response: (ctx: Context) => ctx.result }, NONE),
        'Parent.name': lambda({ handler: async (event: { source: { id: string } }) => `name of ${event.source.id}` }),
      },
    });
    const { body } = await api.graphql('{ parent { name } }');
    expect(body.data.parent.name).toBe('name of p2');
  });

  it('turns a thrown Error into a GraphQL error typed with the error’s name, without stack', async () => {
    class JobClosedError extends Error {
      override name = 'JobClosed';
    }
    const api = createRuntimeApi({
      resolvers: {
        'Query.text': lambda({ handler: async () => { throw new JobClosedError('The job is closed'); } }),
        'Query.other': lambda({ handler: async () => { throw new Error('plain failure'); } }),
        'Query.probe': lambda({ handler: () => { throw 'a string'; } }),
      },
    });
    const { status, body } = await api.graphql('{ text other probe }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ text: null, other: null, probe: null });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['text'], errorType: 'JobClosed', message: 'The job is closed', data: null, errorInfo: null }),
        expect.objectContaining({ path: ['other'], errorType: 'Error', message: 'plain failure' }),
        expect.objectContaining({ path: ['probe'], errorType: 'Lambda:Unhandled', message: 'a string' }),
      ]),
    );
    expect(JSON.stringify(body)).not.toContain('direct-lambda.test.ts');
    expect(api.errors).toEqual([]);
  });

  it('accepts a synchronous handler returning a plain value', async () => {
    const api = createRuntimeApi({ resolvers: { 'Query.text': lambda({ handler: () => 'sync value' }) } });
    expect((await api.graphql('{ text }')).body.data.text).toBe('sync value');
  });
});

describe('lambdaFn() pipeline functions', () => {
  it('gets prev.result and a copy of the stash; its value is the function result', async () => {
    let event: { prev: unknown; stash: Record<string, unknown> } | undefined;
    const resolver = pipeline(
      {
        request: (ctx: Context) => ((ctx.stash.tenant = 't9'), { start: 1 }),
        response: (ctx: Context) => ({ result: ctx.prev.result, stash: ctx.stash }),
      },
      [
        lambdaFn('enrich', {
          handler: async (received) => {
            event = received;
            received.stash.leaked = true;
            return { enriched: received.prev?.result };
          },
        }),
        fn('after', { request: (ctx: Context) => ({ payload: ctx.prev.result }), response: (ctx: Context) => ctx.result }, NONE),
      ],
    );
    const { body } = await createRuntimeApi({ resolvers: { 'Query.probe': resolver } }).graphql('{ probe }');
    expect(event).toMatchObject({ prev: { result: { start: 1 } }, stash: { tenant: 't9' } });
    expect(json(body.data.probe)).toEqual({ result: { enriched: { start: 1 } }, stash: { tenant: 't9' } });
  });

  it('stops the pipeline when the handler throws: no later function, no after handler', async () => {
    const ran: string[] = [];
    const resolver = pipeline({ request: () => ({}), response: () => (ran.push('after'), 'unreached') }, [
      lambdaFn('check', { handler: async () => { throw new RangeError('out of range'); } }),
      fn('later', { request: () => (ran.push('later'), { payload: 1 }), response: () => 1 }, NONE),
    ]);
    const { body } = await createRuntimeApi({ resolvers: { 'Query.probe': resolver } }).graphql('{ probe }');
    expect(body.data.probe).toBeNull();
    expect(body.errors[0]).toMatchObject({ errorType: 'RangeError', message: 'out of range' });
    expect(ran).toEqual([]);
  });
});
