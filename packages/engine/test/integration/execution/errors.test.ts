// Conformance: GraphQL error entries (EXE-09, GAP-08) and masking of unexpected failures.
import { util, type Context } from '@aws-appsync/utils';
import { describe, expect, it } from 'vitest';
import { NONE, unit, type ResolverModule } from '@appsync-lambda/engine';
import { graphqlEvent } from '@appsync-lambda/test-support';
import { createRuntimeApi } from '../../helpers/harness';

const none = (module: ResolverModule) => unit(module, NONE);
const returning = (value: unknown) => none({ request: () => ({ payload: value }), response: (ctx: Context) => ctx.result });

describe('error entries (EXE-09, GAP-08)', () => {
  it('EXE-09 has AppSync’s fields at the top level and under extensions, locations with sourceName null', async () => {
    const api = createRuntimeApi({
      resolvers: { 'Query.parent': none({ request: () => util.error('Gone', 'NotFound', null, { id: 'p9' }), response: () => null }) },
    });
    const { body } = await api.graphql('query Q {\n  parent(id: "p9") { id }\n}');
    expect(body.data).toEqual({ parent: null });
    expect(body.errors).toEqual([
      {
        path: ['parent'],
        data: null,
        errorType: 'NotFound',
        errorInfo: { id: 'p9' },
        locations: [{ line: 2, column: 3, sourceName: null }],
        message: 'Gone',
        extensions: { errorType: 'NotFound', errorInfo: { id: 'p9' }, data: null },
      },
    ]);
  });

  it('EXE-09 filters error data through the field’s selection set and passes errorInfo through unfiltered', async () => {
    const data = { id: 'p1', name: 'Secretless', secret: 'hidden', children: [{ id: 'c1', name: 'kid', extra: 1 }] };
    const info = { anything: { nested: ['kept'] } };
    const api = createRuntimeApi({ resolvers: { 'Query.parent': none({ request: () => util.error('Partial', 'Partial', data, info), response: () => null }) } });
    const { body } = await api.graphql('{ parent { id alias: name children { id } } }');
    expect(body.errors[0].data).toEqual({ id: 'p1', alias: 'Secretless', children: [{ id: 'c1' }] });
    expect(body.errors[0].errorInfo).toEqual(info);
  });

  it('EXE-09 keeps partial data and propagates null to the nearest nullable parent for non-null fields', async () => {
    const api = createRuntimeApi({
      resolvers: {
        'Query.parents': returning([{ id: 'a' }, { id: 'b' }]),
        'Parent.required': none({ request: (ctx: Context) => ((ctx.source as { id: string }).id === 'b' ? util.error('no b', 'Nope') : { payload: 'ok' }), response: (ctx: Context) => ctx.result }),
        'Query.text': returning('still here'),
      },
    });
    const { body } = await api.graphql('{ text parents { id required } }');
    expect(body.data).toEqual({ text: 'still here', parents: [{ id: 'a', required: 'ok' }, null] });
    expect(body.errors).toMatchObject([{ errorType: 'Nope', path: ['parents', 1, 'required'] }]);
  });

  it('GAP-08 gives request-level errors the same flat shape with path null', async () => {
    const api = createRuntimeApi({ resolvers: {} });
    const { status, body } = await api.graphql('{ text(unknown: 1) }');
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ path: null, data: null, errorType: 'ValidationError', errorInfo: null, locations: [{ line: 1, column: 8, sourceName: null }] });
  });
});

describe('unexpected failures', () => {
  it('masks an internal failure as "Internal server error" / InternalFailure and reports it once with the request id', async () => {
    // A union value without __typename is a server-side fault graphql-js cannot resolve (EXE-14).
    const api = createRuntimeApi({ resolvers: { 'Query.search': returning([{ id: 'x', title: 'no typename' }]), 'Query.text': returning('fine') } });
    const result = await api.invoke(graphqlEvent('{ text search { ... on Job { id } } }'), 'req-masked-1');
    const body = JSON.parse(String(result.body));
    expect(body.data).toEqual({ text: 'fine', search: [null] });
    expect(body.errors).toEqual([
      {
        path: ['search', 0],
        data: null,
        errorType: 'InternalFailure',
        errorInfo: null,
        locations: [{ line: 1, column: 8, sourceName: null }],
        message: 'Internal server error',
        extensions: { errorType: 'InternalFailure', errorInfo: null, data: null, code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    const reported = api.errors.filter((report) => report.severity === 'error');
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ requestId: 'req-masked-1', coordinate: 'Query.search', path: ['search', 0], error: expect.any(Error) });
    // The report keeps the fault itself, not the masked error the caller got.
    expect((reported[0]?.error as Error).message).not.toBe('Internal server error');
  });

  it('masks a failure before the GraphQL request ran as a JSON 500 InternalFailure and reports it once with the request id', async () => {
    const failure = new Error('the route could not read /var/task/pages');
    const api = createRuntimeApi({
      resolvers: { 'Query.text': returning('never asked') },
      routes: [
        async () => {
          throw failure;
        },
      ],
    });
    const result = await api.invoke(graphqlEvent('{ text }'), 'req-route-fault');
    expect(result.statusCode).toBe(500);
    expect(result.headers?.['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(String(result.body)).errors).toEqual([expect.objectContaining({ errorType: 'InternalFailure', message: 'Internal server error' })]);
    expect(String(result.body)).not.toContain('/var/task');
    const reported = api.errors.filter((report) => report.severity === 'error');
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ requestId: 'req-route-fault', error: failure });
  });

  it('does not report errors meant for the caller (resolver errors, validation errors)', async () => {
    const api = createRuntimeApi({ resolvers: { 'Query.text': none({ request: () => util.error('expected', 'Expected'), response: () => null }) } });
    await api.graphql('{ text }');
    await api.graphql('{ nope }');
    expect(api.errors).toEqual([]);
  });

  it('EXE-11 reports a resolver code fault once with the request id while the caller gets errorType Code', async () => {
    const api = createRuntimeApi({ resolvers: { 'Query.text': none({ request: () => JSON.parse('{'), response: () => null }) } });
    const result = await api.invoke(graphqlEvent('{ text }'), 'req-code-1');
    expect(JSON.parse(String(result.body)).errors[0].errorType).toBe('Code');
    expect(api.errors).toHaveLength(1);
    expect(api.errors[0]).toMatchObject({ requestId: 'req-code-1', path: ['text'] });
  });
});
