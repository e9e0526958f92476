// Direct Lambda resolvers on a remote function (a Lambda data source with no resolver code): the
// function gets the same Direct Lambda event an in-process handler gets, through the real Lambda
// client and a local stand-in of the Invoke API (@appsync-lambda/test-support's startLambdaService).
import type { Context } from '@aws-appsync/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remoteLambda, remoteLambdaFn, NONE, fn, lambda, pipeline, unit } from '@appsync-lambda/engine';
import { startLambdaService, type LambdaService } from '@appsync-lambda/test-support';
import { createRuntimeApi } from '../../../helpers/harness';

let service: LambdaService;
beforeAll(async () => {
  service = await startLambdaService({
    parent: (event: { arguments: { id: string } }) => ({ id: event.arguments.id, name: 'From Lambda' }),
    closed: () => {
      throw Object.assign(new Error('The job is closed'), { name: 'JobClosed' });
    },
    names: (events: Array<{ source: { id: string } }>) =>
      events.map((event) => (event.source.id === 'p1' ? { data: 'partial', errorMessage: 'No name for p1', errorType: 'NameMissing' } : `name of ${event.source.id}`)),
    step: (event: { prev: { result: string }; stash: { note: string } }) => `${event.prev.result} + ${event.stash.note}`,
  });
});
afterAll(() => service.close());

const lastEvent = (functionName: string) => service.calls.filter((call) => call.functionName === functionName).at(-1)?.event;
const QUERY = 'query ($id: ID) { parent(id: $id) { id name } }';
const OPTIONS = { authorizer: { lambda: { tenant: 't1' } }, headers: { 'x-trace': 'abc' } };

/** Query.parents resolving to `n` parents p0..p(n-1) through the NONE data source. */
function parents(n: number) {
  const items = Array.from({ length: n }, (_, i) => ({ id: `p${i}` }));
  return unit({ request: () => ({ payload: items }), response: (ctx: Context) => ctx.result }, NONE);
}

describe('remoteLambda() unit resolvers', () => {
  it('sends the function the Direct Lambda event an in-process handler gets, and resolves the field to its result', async () => {
    let inProcess: unknown;
    const local = createRuntimeApi({ resolvers: { 'Query.parent': lambda({ handler: (event) => ((inProcess = event), { id: 'x', name: 'y' }) }) } });
    await local.graphql(QUERY, { id: 'p1' }, OPTIONS);
    const remote = createRuntimeApi({ lambda: service.invoker(), resolvers: { 'Query.parent': remoteLambda('parent') } });
    const { body } = await remote.graphql(QUERY, { id: 'p1' }, OPTIONS);
    expect(body).toEqual({ data: { parent: { id: 'p1', name: 'From Lambda' } } });
    expect(lastEvent('parent')).toEqual(JSON.parse(JSON.stringify(inProcess)));
    expect(lastEvent('parent')).toMatchObject({ arguments: { id: 'p1' }, identity: { resolverContext: { tenant: 't1' } }, prev: null, info: { selectionSetList: ['id', 'name'] } });
  });

  it('fails the field with the function’s errorMessage and errorType', async () => {
    const api = createRuntimeApi({ lambda: service.invoker(), resolvers: { 'Query.text': remoteLambda('closed') } });
    const { body } = await api.graphql('{ text }');
    expect(body.data.text).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ path: ['text'], errorType: 'JobClosed', message: 'The job is closed', data: null })]);
  });

  it('EXE-16: with maxBatchSize sends arrays of events and fails only the item returned as { errorMessage, errorType, data }', async () => {
    const api = createRuntimeApi({ lambda: service.invoker(), resolvers: { 'Query.parents': parents(3), 'Parent.name': remoteLambda('names', { maxBatchSize: 2 }) } });
    const { body } = await api.graphql('{ parents { name } }');
    expect(body.data.parents).toEqual([{ name: 'name of p0' }, { name: null }, { name: 'name of p2' }]);
    expect(body.errors).toEqual([expect.objectContaining({ path: ['parents', 1, 'name'], message: 'No name for p1', errorType: 'NameMissing', data: 'partial' })]);
    const batches = service.calls.filter((call) => call.functionName === 'names').map((call) => (call.event as Array<{ source: { id: string } }>).map((event) => event.source.id));
    expect(batches).toEqual([['p0', 'p1'], ['p2']]);
  });
});

describe('remoteLambdaFn() pipeline functions', () => {
  it('gets prev.result and the stash; its result is the function’s result', async () => {
    const resolver = pipeline({ request: (ctx: Context) => ((ctx.stash.note = 'noted'), {}), response: (ctx: Context) => ctx.prev.result }, [
      fn('first', { request: () => ({ payload: 'first' }), response: (ctx: Context) => ctx.result }, NONE),
      remoteLambdaFn('second', 'step'),
    ]);
    const { body } = await createRuntimeApi({ lambda: service.invoker(), resolvers: { 'Query.text': resolver } }).graphql('{ text }');
    expect(body).toEqual({ data: { text: 'first + noted' } });
    expect(lastEvent('step')).toMatchObject({ prev: { result: 'first' }, stash: { note: 'noted' }, info: { fieldName: 'text', parentTypeName: 'Query' } });
  });
});
