// The Lambda data source (AppSync's AWS_LAMBDA data source with JS resolvers): Invoke and
// BatchInvoke through the real @aws-sdk/client-lambda client, against a local stand-in of the
// Lambda service that speaks the Invoke API's wire protocol (@appsync-lambda/test-support's startLambdaService).
import { util, type Context } from '@aws-appsync/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaDataSource, NONE, fn, pipeline, unit, type DataSourceRef } from '@appsync-lambda/engine';
import { startLambdaService, type LambdaService } from '@appsync-lambda/test-support';
import { createRuntimeApi, json } from '../../../helpers/harness';

let release: () => void = () => undefined;
const hanging = new Promise<void>((resolve) => (release = resolve));

let service: LambdaService;
beforeAll(async () => {
  service = await startLambdaService({
    echo: (event) => ({ received: event }),
    greet: (event: { name: string }) => `hello ${event.name}`,
    nothing: () => undefined,
    fails: () => {
      throw Object.assign(new Error('The order cannot be placed'), { name: 'OrderRejected' });
    },
    names: (events: Array<{ id: string }>) => events.map((event) => `name of ${event.id}`),
    short: (events: unknown[]) => events.slice(1),
    slow: async () => {
      await hanging;
      return 'late';
    },
    ...Object.fromEntries(['throttled', 'reset', 'garbage', 'broken'].map((name) => [name, () => 'unreachable'])),
  });
  service.fault('throttled', 'throttle');
  service.fault('reset', 'reset');
  service.fault('garbage', 'garbage');
  service.fault('broken', 'server-error');
});
afterAll(async () => {
  release();
  await service.close();
});

const callsOf = (functionName: string) => service.calls.filter((call) => call.functionName === functionName);
const raise = (ctx: Context) => (ctx.error ? util.error(ctx.error.message, ctx.error.type) : ctx.result);

/** Query.probe invoking `functionName` with `request`. */
function probe(functionName: string, request: (ctx: Context) => unknown, response: (ctx: Context) => unknown = raise) {
  const api = createRuntimeApi({ lambda: service.invoker(), resolvers: { 'Query.probe': unit({ request, response }, lambdaDataSource(functionName)) } });
  return { api, run: () => api.graphql('{ probe(input: "x") }') };
}

/** Query.parents resolving to `n` parents p0..p(n-1) through the NONE data source. */
function parents(n: number) {
  const items = Array.from({ length: n }, (_, i) => ({ id: `p${i}` }));
  return unit({ request: () => ({ payload: items }), response: (ctx: Context) => ctx.result }, NONE);
}

function batched(functionName: string, dataSource: DataSourceRef = lambdaDataSource(functionName, { maxBatchSize: 2 })) {
  return createRuntimeApi({
    lambda: service.invoker(),
    resolvers: {
      'Query.parents': parents(5),
      'Parent.name': unit({ request: (ctx: Context) => ({ operation: 'BatchInvoke', payload: { id: ctx.source.id } }), response: raise }, dataSource),
    },
  });
}

describe('Lambda data source: Invoke', () => {
  it('sends the request’s payload as the function’s event and gives its JSON result as ctx.result', async () => {
    const { run } = probe('echo', (ctx) => ({ operation: 'Invoke', payload: { field: ctx.info.fieldName, arguments: ctx.args } }));
    const { body } = await run();
    expect(body.errors).toBeUndefined();
    expect(json(body.data.probe)).toEqual({ received: { field: 'probe', arguments: { input: 'x' } } });
    expect(callsOf('echo').at(-1)).toEqual({ functionName: 'echo', invocationType: 'RequestResponse', event: { field: 'probe', arguments: { input: 'x' } } });
  });

  it('gives a string result and an undefined result (null) as the function returned them', async () => {
    const seen: unknown[] = [];
    const keep = (ctx: Context) => (seen.push(ctx.result), 'ok');
    await probe('greet', () => ({ operation: 'Invoke', payload: { name: 'Ada' } }), keep).run();
    await probe('nothing', () => ({ operation: 'Invoke', payload: null }), keep).run();
    expect(seen).toEqual(['hello Ada', null]);
  });

  it('runs as a pipeline function: its result is the next step’s ctx.prev.result', async () => {
    const resolver = pipeline({ request: () => ({}), response: (ctx: Context) => ctx.prev.result }, [
      fn('greet', { request: () => ({ operation: 'Invoke', payload: { name: 'Grace' } }), response: (ctx: Context) => ctx.result }, lambdaDataSource('greet')),
      fn('shout', { request: (ctx: Context) => ({ payload: `${ctx.prev.result as string}!` }), response: (ctx: Context) => ctx.result }, NONE),
    ]);
    const { body } = await createRuntimeApi({ lambda: service.invoker(), resolvers: { 'Query.text': resolver } }).graphql('{ text }');
    expect(body).toEqual({ data: { text: 'hello Grace!' } });
  });

  it('CTX-09: gives a function error as ctx.error with the function’s errorMessage and errorType', async () => {
    const seen: unknown[] = [];
    const { run } = probe('fails', () => ({ operation: 'Invoke', payload: {} }), (ctx) => (seen.push({ error: ctx.error, result: ctx.result ?? null }), raise(ctx)));
    const { body } = await run();
    expect(seen).toEqual([{ error: { message: 'The order cannot be placed', type: 'OrderRejected' }, result: null }]);
    expect(body.data.probe).toBeNull();
    expect(body.errors[0]).toMatchObject({ message: 'The order cannot be placed', errorType: 'OrderRejected', path: ['probe'] });
    expect(JSON.stringify(body)).not.toContain('trace');
  });

  it('invokes with invocationType Event without waiting for the function: ctx.result is null', async () => {
    const seen: unknown[] = [];
    const { run } = probe('slow', () => ({ operation: 'Invoke', invocationType: 'Event', payload: { job: 1 } }), (ctx) => (seen.push(ctx.result), { queued: true }));
    const { body } = await run();
    expect(json(body.data.probe)).toEqual({ queued: true });
    expect(seen).toEqual([null]);
    expect(callsOf('slow').at(-1)).toEqual({ functionName: 'slow', invocationType: 'Event', event: { job: 1 } });
  });

  it.each([
    [{ payload: {} }, /Unsupported Lambda operation undefined/],
    [{ operation: 'GetItem', payload: {} }, /Unsupported Lambda operation "GetItem"/],
    [{ operation: 'Invoke', invocationType: 'DryRun', payload: {} }, /Unsupported invocationType "DryRun"/],
    [{ operation: 'BatchInvoke', invocationType: 'Event', payload: {} }, /BatchInvoke needs the function's results/],
  ])('EXE-11: fails the field with MappingTemplate for the request %j', async (request, message) => {
    const before = service.calls.length;
    const { body } = await probe('echo', () => request).run();
    expect(body.data.probe).toBeNull();
    expect(body.errors[0]).toMatchObject({ errorType: 'MappingTemplate', message: expect.stringMatching(message) });
    expect(service.calls.length).toBe(before);
  });
});

describe('Lambda data source: BatchInvoke (EXE-16, LIM-08)', () => {
  it('EXE-16: sends the payloads of one resolver in batches of maxBatchSize and maps the results back in order', async () => {
    const before = callsOf('names').length;
    const { body } = await batched('names').graphql('{ parents { id name } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.parents).toEqual([0, 1, 2, 3, 4].map((i) => ({ id: `p${i}`, name: `name of p${i}` })));
    expect(callsOf('names').slice(before).map((call) => call.event)).toEqual([[{ id: 'p0' }, { id: 'p1' }], [{ id: 'p2' }, { id: 'p3' }], [{ id: 'p4' }]]);
  });

  it('EXE-16: sends every call issued together in one invoke without maxBatchSize', async () => {
    const before = callsOf('names').length;
    const { body } = await batched('names', lambdaDataSource('names')).graphql('{ parents { name } }');
    expect(body.data.parents).toHaveLength(5);
    expect(callsOf('names').slice(before).map((call) => (call.event as unknown[]).length)).toEqual([5]);
  });

  it('fails every call of a batch whose result is not an array of the batch’s length', async () => {
    const { body } = await batched('short').graphql('{ parents { id name } }');
    expect(body.data.parents.map((parent: { name: unknown }) => parent.name)).toEqual([null, null, null, null, null]);
    expect(body.errors).toHaveLength(5);
    expect(body.errors[0]).toMatchObject({ errorType: 'Lambda:BatchResultMismatch', message: 'The Lambda function returned 1 results for a batch of 2' });
  });

  it('CTX-09: gives a function error to every call of the batch', async () => {
    const { body } = await batched('fails').graphql('{ parents { name } }');
    expect(body.errors).toHaveLength(5);
    expect(new Set(body.errors.map((error: { errorType: string; message: string }) => `${error.errorType}: ${error.message}`))).toEqual(new Set(['OrderRejected: The order cannot be placed']));
  });

  it('rejects a maxBatchSize outside 1..2,000 (LIM-08)', () => {
    expect(() => lambdaDataSource('names', { maxBatchSize: 0 })).toThrow(/1 to 2000/);
    expect(() => lambdaDataSource('names', { maxBatchSize: 2001 })).toThrow(/1 to 2000/);
    expect(lambdaDataSource('names', { maxBatchSize: 2000 })).toEqual({ kind: 'LAMBDA', functionName: 'names', maxBatchSize: 2000 });
  });
});

describe('Lambda data source: faults are masked (GAP-11)', () => {
  it.each([
    ['missing', 'DataSourceUnavailable', 'error', 'ResourceNotFoundException'],
    ['broken', 'DataSourceUnavailable', 'error', 'ServiceException'],
    ['reset', 'DataSourceUnavailable', 'error', null],
    ['garbage', 'DataSourceUnavailable', 'error', null],
    ['throttled', 'Throttled', 'warn', 'TooManyRequestsException'],
  ])('gives the call to %s a generic %s error, its details reported once as %s', async (functionName, errorType, level, errorName) => {
    const { api, run } = probe(functionName, () => ({ operation: 'Invoke', payload: {} }));
    const { body } = await run();
    expect(body.data.probe).toBeNull();
    expect(body.errors[0]).toMatchObject({ errorType, path: ['probe'] });
    expect(body.errors[0].message).toMatch(/^The data source is (unavailable|busy); try again later$/);
    const reported = api.errors.filter((report) => report.severity === level);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ coordinate: 'Query.probe', details: { functionName, errorType } });
    if (errorName) expect(reported[0]!.details).toMatchObject({ errorName });
  });

  it('retries throttling with the client’s attempts before giving up', async () => {
    const before = callsOf('throttled').length;
    const api = createRuntimeApi({
      lambda: service.invoker({ maxAttempts: 2 }),
      resolvers: { 'Query.probe': unit({ request: () => ({ operation: 'Invoke', payload: {} }), response: raise }, lambdaDataSource('throttled')) },
    });
    const { body } = await api.graphql('{ probe }');
    expect(body.errors[0]).toMatchObject({ errorType: 'Throttled' });
    expect(callsOf('throttled').length - before).toBe(2);
    expect(api.errors.find((report) => report.severity === 'warn')?.details).toMatchObject({ attempts: 2 });
  });

  it('Timeout: aborts the call when the request’s deadline passes', async () => {
    const api = createRuntimeApi({
      // A client timeout far beyond the test's: only the deadline's signal can end the call.
      lambda: service.invoker({ requestTimeoutMs: 600_000 }),
      deadline: { maxMs: 100, marginMs: 0 },
      resolvers: { 'Query.probe': unit({ request: () => ({ operation: 'Invoke', payload: {} }), response: raise }, lambdaDataSource('slow')) },
    });
    const abandoned = service.abandoned('slow');
    const { body } = await api.graphql('{ probe }');
    expect(body.data.probe).toBeNull();
    expect(body.errors[0]).toMatchObject({ errorType: 'Timeout', path: ['probe'] });
    // The call itself is aborted (the deadline's signal reaches the SDK), not only the field.
    await abandoned;
    expect(JSON.stringify(body.errors)).not.toMatch(/127\.0\.0\.1|slow|Abort/);
  });
});
