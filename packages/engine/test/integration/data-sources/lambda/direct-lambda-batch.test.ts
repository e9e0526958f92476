// Batched Direct Lambda resolvers (AppSync's BatchInvoke): with maxBatchSize, the calls of one
// resolver within one request reach the handler as arrays of events, results mapped back in order.
import type { Context } from '@aws-appsync/utils';
import type { AppSyncBatchResolverHandler, AppSyncResolverEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { NONE, lambda, unit, typedRoutes, type LambdaBatchResolverModule } from '@appsync-lambda/engine';
import { createRuntimeApi } from '../../../helpers/harness';

type ParentEvent = AppSyncResolverEvent<Record<string, never>, { id: string }>;

/** Query.parents resolving to `n` parents p0..p(n-1) through the NONE data source. */
function parents(n: number) {
  const items = Array.from({ length: n }, (_, i) => ({ id: `p${i}` }));
  return unit({ request: () => ({ payload: items }), response: (ctx: Context) => ctx.result }, NONE);
}

/** A batched handler recording the events of every call. */
function recording(answer: (events: ParentEvent[]) => unknown) {
  const calls: ParentEvent[][] = [];
  const module: LambdaBatchResolverModule = {
    handler: async (events: ParentEvent[]) => {
      calls.push(events);
      return answer(events);
    },
  };
  return { calls, module };
}

const names = (events: ParentEvent[]) => events.map((event) => `name of ${event.source.id}`);

describe('lambda(module, { maxBatchSize }) — EXE-16, LIM-08', () => {
  it('EXE-16: calls the handler ceil(N / maxBatchSize) times with the events in list order (5 items, size 2: 3 calls)', async () => {
    const { calls, module } = recording(names);
    const api = createRuntimeApi({ resolvers: { 'Query.parents': parents(5), 'Parent.name': lambda(module, { maxBatchSize: 2 }) } });
    const { body } = await api.graphql('{ parents { id name } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.parents).toEqual([0, 1, 2, 3, 4].map((i) => ({ id: `p${i}`, name: `name of p${i}` })));
    expect(calls.map((events) => events.map((event) => event.source.id))).toEqual([['p0', 'p1'], ['p2', 'p3'], ['p4']]);
  });

  it('EXE-16: sends 30 items in one call when maxBatchSize is 100', async () => {
    const { calls, module } = recording(names);
    const api = createRuntimeApi({ resolvers: { 'Query.parents': parents(30), 'Parent.name': lambda(module, { maxBatchSize: 100 }) } });
    const { body } = await api.graphql('{ parents { name } }');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toHaveLength(30);
    expect(body.data.parents.map((parent: { name: string }) => parent.name)).toEqual(Array.from({ length: 30 }, (_, i) => `name of p${i}`));
  });

  it('EXE-16: gives each event its own arguments, source, identity, request and info', async () => {
    const calls: AppSyncResolverEvent<{ id: string }, null>[][] = [];
    const handler: AppSyncBatchResolverHandler<{ id: string }, { id: string; name: string }, null> = async (events) => {
      calls.push(events);
      return events.map((event) => ({ id: event.arguments.id, name: `${event.info.fieldName} ${event.arguments.id}` }));
    };
    const api = createRuntimeApi({ resolvers: { 'Query.parent': lambda({ handler }, { maxBatchSize: 10 }) } });
    const { body } = await api.graphql('query ($b: ID) { a: parent(id: "one") { id name } b: parent(id: $b) { name } }', { b: 'two' }, {
      authorizer: { lambda: { tenant: 't1' } },
      headers: { 'x-trace': 'abc' },
    });
    expect(body.data).toEqual({ a: { id: 'one', name: 'parent one' }, b: { name: 'parent two' } });
    expect(calls).toHaveLength(1);
    const [first, second] = calls[0]!;
    const shared = { source: null, identity: { resolverContext: { tenant: 't1' } }, request: { headers: { 'x-trace': 'abc' } }, prev: null, stash: {} };
    expect(first).toMatchObject({ ...shared, arguments: { id: 'one' }, info: { fieldName: 'parent', parentTypeName: 'Query', selectionSetList: ['id', 'name'], variables: { b: 'two' } } });
    expect(second).toMatchObject({ ...shared, arguments: { id: 'two' }, info: { fieldName: 'parent', selectionSetList: ['name'] } });
  });

  it('EXE-16: fails only the item whose result is { errorMessage, errorType, data }, keeping data in its error', async () => {
    const { module } = recording((events) =>
      events.map((event) => (event.source.id === 'p1' ? { data: 'partial', errorMessage: 'No name for p1', errorType: 'NameMissing' } : `name of ${event.source.id}`)),
    );
    const api = createRuntimeApi({ resolvers: { 'Query.parents': parents(3), 'Parent.name': lambda(module, { maxBatchSize: 10 }) } });
    const { status, body } = await api.graphql('{ parents { name } }');
    expect(status).toBe(200);
    expect(body.data.parents).toEqual([{ name: 'name of p0' }, { name: null }, { name: 'name of p2' }]);
    expect(body.errors).toEqual([expect.objectContaining({ path: ['parents', 1, 'name'], message: 'No name for p1', errorType: 'NameMissing', data: 'partial', errorInfo: null })]);
  });

  it('EXE-16: types a per-item error without errorType Lambda:Unhandled', async () => {
    const { module } = recording((events) => events.map(() => ({ errorMessage: 'untyped' })));
    const api = createRuntimeApi({ resolvers: { 'Query.parents': parents(1), 'Parent.name': lambda(module, { maxBatchSize: 10 }) } });
    const { body } = await api.graphql('{ parents { name } }');
    expect(body.errors).toEqual([expect.objectContaining({ path: ['parents', 0, 'name'], message: 'untyped', errorType: 'Lambda:Unhandled', data: null })]);
  });

  it('EXE-16: fails every field of a batch whose result has the wrong length or is no array (Lambda:BatchResultMismatch)', async () => {
    const short = recording((events) => names(events).slice(1));
    const notArray = recording(() => ({ names: [] }));
    const api = createRuntimeApi({
      resolvers: {
        'Query.parents': parents(3),
        'Parent.name': lambda(short.module, { maxBatchSize: 10 }),
        'Parent.probe': lambda(notArray.module, { maxBatchSize: 10 }),
      },
    });
    const { status, body } = await api.graphql('{ parents { name probe } }');
    expect(status).toBe(200);
    expect(body.data.parents).toEqual([0, 1, 2].map(() => ({ name: null, probe: null })));
    expect(body.errors).toHaveLength(6);
    for (const i of [0, 1, 2]) {
      expect(body.errors).toContainEqual(expect.objectContaining({ path: ['parents', i, 'name'], errorType: 'Lambda:BatchResultMismatch', message: 'The batched Lambda handler returned 2 results for 3 events' }));
      expect(body.errors).toContainEqual(expect.objectContaining({ path: ['parents', i, 'probe'], errorType: 'Lambda:BatchResultMismatch', message: 'The batched Lambda handler returned object for 3 events' }));
    }
  });

  it('EXE-16: fails every field of the batch whose handler throws, typed with the error’s name; other batches resolve', async () => {
    class UpstreamError extends Error {
      override name = 'UpstreamDown';
    }
    const { calls, module } = recording((events) => {
      if (events.some((event) => event.source.id === 'p0')) throw new UpstreamError('upstream is down');
      return names(events);
    });
    const api = createRuntimeApi({ resolvers: { 'Query.parents': parents(3), 'Parent.name': lambda(module, { maxBatchSize: 2 }) } });
    const { body } = await api.graphql('{ parents { name } }');
    expect(calls).toHaveLength(2);
    expect(body.data.parents).toEqual([{ name: null }, { name: null }, { name: 'name of p2' }]);
    expect(body.errors).toEqual([
      expect.objectContaining({ path: ['parents', 0, 'name'], errorType: 'UpstreamDown', message: 'upstream is down', data: null }),
      expect.objectContaining({ path: ['parents', 1, 'name'], errorType: 'UpstreamDown', message: 'upstream is down', data: null }),
    ]);
    expect(JSON.stringify(body)).not.toContain('direct-lambda-batch.test.ts');
  });

  it('EXE-16: batches within one request only: concurrent requests get their own calls', async () => {
    const { calls, module } = recording(names);
    const api = createRuntimeApi({ resolvers: { 'Query.parents': parents(2), 'Parent.name': lambda(module, { maxBatchSize: 100 }) } });
    const [one, two] = await Promise.all([api.graphql('{ parents { name } }'), api.graphql('{ parents { name } }')]);
    expect(one.body.data).toEqual(two.body.data);
    expect(calls.map((events) => events.length)).toEqual([2, 2]);
  });

  it('EXE-16: without maxBatchSize the handler still gets one event per field', async () => {
    const events: unknown[] = [];
    const api = createRuntimeApi({
      resolvers: {
        'Query.parents': parents(3),
        'Parent.name': lambda({ handler: async (event: ParentEvent) => (events.push(event), `name of ${event.source.id}`) }),
      },
    });
    const { body } = await api.graphql('{ parents { name } }');
    expect(body.data.parents).toEqual([{ name: 'name of p0' }, { name: 'name of p1' }, { name: 'name of p2' }]);
    expect(events).toHaveLength(3);
    expect(events.every((event) => !Array.isArray(event))).toBe(true);
  });

  it('LIM-08: accepts maxBatchSize 1 to 2,000 and throws at definition for anything else', () => {
    const module: LambdaBatchResolverModule = { handler: async (events) => events };
    expect(lambda(module, { maxBatchSize: 1 })).toMatchObject({ kind: 'LAMBDA', maxBatchSize: 1 });
    expect(lambda(module, { maxBatchSize: 2000 })).toMatchObject({ kind: 'LAMBDA', maxBatchSize: 2000 });
    for (const maxBatchSize of [0, -1, 2001, 1.5, Number.NaN]) {
      expect(() => lambda(module, { maxBatchSize }), String(maxBatchSize)).toThrow(/maxBatchSize must be an integer from 1 to 2000/);
    }
    const typed = typedRoutes<{ 'Query.job': { args: { id: string }; source: undefined; result: { id: string } | null } }>();
    expect(() => typed.lambda('Query.job', { handler: async (events) => events.map(() => null) }, { maxBatchSize: 2001 })).toThrow(/from 1 to 2000/);
    expect(typed.lambda('Query.job', { handler: async (events) => events.map(() => null) }, { maxBatchSize: 2000 })).toMatchObject({ maxBatchSize: 2000 });
  });

  it('LIM-08: with maxBatchSize 1 every item is its own call', async () => {
    const { calls, module } = recording(names);
    const api = createRuntimeApi({ resolvers: { 'Query.parents': parents(3), 'Parent.name': lambda(module, { maxBatchSize: 1 }) } });
    const { body } = await api.graphql('{ parents { name } }');
    expect(body.data.parents).toEqual([{ name: 'name of p0' }, { name: 'name of p1' }, { name: 'name of p2' }]);
    expect(calls.map((events) => events.length)).toEqual([1, 1, 1]);
  });
});
