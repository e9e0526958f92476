// Conformance: EXE-08a, what util.error, util.appendError, runtime.earlyReturn and an unhandled
// data-source error do at each stage of a unit or pipeline resolver (one test per cell).
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { runtime, util, type Context } from '@aws-appsync/utils';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NONE, TABLE, fn, pipeline, unit, type ResolverModule } from '@appsync-lambda/engine';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createRuntimeApi, json } from '../../helpers/harness';

let trace: string[] = [];
beforeEach(() => {
  trace = [];
});

type Handler = (ctx: Context) => unknown;

/** A module that records each call; by default request sends `<name>` as a NONE payload and response returns ctx.result. */
function traced(name: string, handlers: { request?: Handler; response?: Handler } = {}): ResolverModule {
  return {
    request(ctx) {
      trace.push(`${name}.request`);
      return handlers.request ? handlers.request(ctx) : { payload: name };
    },
    response(ctx) {
      trace.push(`${name}.response`);
      return handlers.response ? handlers.response(ctx) : ctx.result;
    },
  };
}

/** before → one → two → after, every module traced; overrides replace one module. */
function tracedPipeline(overrides: { before?: ResolverModule; one?: ResolverModule; two?: ResolverModule } = {}) {
  return pipeline(overrides.before ?? traced('before', { request: () => 'start', response: (ctx) => ({ final: ctx.prev.result }) }), [
    fn('one', overrides.one ?? traced('one'), NONE),
    fn('two', overrides.two ?? traced('two'), NONE),
  ]);
}

async function run(definition: ReturnType<typeof unit>) {
  const { body, status } = await createRuntimeApi({ resolvers: { 'Query.probe': definition } }).graphql('{ probe }');
  expect(status).toBe(200);
  return { value: body.data?.probe === null ? null : json(body.data?.probe), errors: (body.errors ?? []) as Array<Record<string, unknown>> };
}

const FULL_PIPELINE = ['before.request', 'one.request', 'one.response', 'two.request', 'two.response', 'before.response'];

describe('unit request handler (EXE-08a)', () => {
  it('EXE-08a util.error in a unit request stops: no data source, no response, field null with the error', async () => {
    const { value, errors } = await run(unit(traced('unit', { request: () => util.error('stop', 'Stopped') }), NONE));
    expect(trace).toEqual(['unit.request']);
    expect(value).toBeNull();
    expect(errors).toMatchObject([{ message: 'stop', errorType: 'Stopped', path: ['probe'] }]);
  });

  it('EXE-08a util.appendError in a unit request continues: data source and response run, the error is added', async () => {
    const { value, errors } = await run(
      unit(traced('unit', { request: () => (util.appendError('noted', 'Note'), { payload: { fromDataSource: true } }) }), NONE),
    );
    expect(trace).toEqual(['unit.request', 'unit.response']);
    expect(value).toEqual({ fromDataSource: true });
    expect(errors).toMatchObject([{ message: 'noted', errorType: 'Note', path: ['probe'] }]);
  });

  it('EXE-08a runtime.earlyReturn in a unit request skips the data source and response; the value is the field', async () => {
    const { value, errors } = await run(unit(traced('unit', { request: () => runtime.earlyReturn({ early: 1 }) }), NONE));
    expect(trace).toEqual(['unit.request']);
    expect(value).toEqual({ early: 1 });
    expect(errors).toEqual([]);
  });
});

describe('unit response handler (EXE-08a)', () => {
  it('EXE-08a util.error in a unit response stops: field null with the error', async () => {
    const { value, errors } = await run(unit(traced('unit', { response: () => util.error('bad result', 'BadResult') }), NONE));
    expect(trace).toEqual(['unit.request', 'unit.response']);
    expect(value).toBeNull();
    expect(errors).toMatchObject([{ message: 'bad result', errorType: 'BadResult' }]);
  });

  it('EXE-08a util.appendError in a unit response continues: field is the return value plus the error', async () => {
    const { value, errors } = await run(unit(traced('unit', { response: (ctx) => (util.appendError('partial', 'Partial'), { got: ctx.result }) }), NONE));
    expect(value).toEqual({ got: 'unit' });
    expect(errors).toMatchObject([{ message: 'partial', errorType: 'Partial', path: ['probe'] }]);
  });

  it('EXE-08a runtime.earlyReturn in a unit response makes its value the field', async () => {
    const { value, errors } = await run(unit(traced('unit', { response: () => runtime.earlyReturn({ fromResponse: true }) }), NONE));
    expect(value).toEqual({ fromResponse: true });
    expect(errors).toEqual([]);
  });
});

describe('pipeline before handler (EXE-08a)', () => {
  it('EXE-08a util.error in the before handler stops: no function, no after, field null with the error', async () => {
    const { value, errors } = await run(tracedPipeline({ before: traced('before', { request: () => util.error('denied', 'Denied') }) }));
    expect(trace).toEqual(['before.request']);
    expect(value).toBeNull();
    expect(errors).toMatchObject([{ message: 'denied', errorType: 'Denied' }]);
  });

  it('EXE-08a util.appendError in the before handler continues through every function and after', async () => {
    const before = traced('before', { request: () => (util.appendError('fyi', 'Info'), 'start'), response: (ctx) => ({ final: ctx.prev.result }) });
    const { value, errors } = await run(tracedPipeline({ before }));
    expect(trace).toEqual(FULL_PIPELINE);
    expect(value).toEqual({ final: 'two' });
    expect(errors).toMatchObject([{ message: 'fyi', errorType: 'Info' }]);
  });

  it('EXE-08a runtime.earlyReturn in the before handler skips all functions; after runs with prev.result = the value', async () => {
    const before = traced('before', { request: () => runtime.earlyReturn('skipped'), response: (ctx) => ({ final: ctx.prev.result }) });
    const { value } = await run(tracedPipeline({ before }));
    expect(trace).toEqual(['before.request', 'before.response']);
    expect(value).toEqual({ final: 'skipped' });
  });
});

describe('pipeline function request handler (EXE-08a)', () => {
  it('EXE-08a util.error in a function request stops the whole pipeline: no later function, no after', async () => {
    const { value, errors } = await run(tracedPipeline({ one: traced('one', { request: () => util.error('invalid', 'Invalid') }) }));
    expect(trace).toEqual(['before.request', 'one.request']);
    expect(value).toBeNull();
    expect(errors).toMatchObject([{ message: 'invalid', errorType: 'Invalid', path: ['probe'] }]);
  });

  it('EXE-08a util.appendError in a function request continues with its data source, response and the rest', async () => {
    const { value, errors } = await run(tracedPipeline({ one: traced('one', { request: () => (util.appendError('kept', 'Kept'), { payload: 'one' }) }) }));
    expect(trace).toEqual(FULL_PIPELINE);
    expect(value).toEqual({ final: 'two' });
    expect(errors).toMatchObject([{ message: 'kept', errorType: 'Kept' }]);
  });

  it('EXE-08a runtime.earlyReturn in a function request skips its data source and response; the value is its result', async () => {
    const one = traced('one', { request: () => runtime.earlyReturn('early one') });
    const two = traced('two', { request: (ctx) => ({ payload: `two after ${ctx.prev.result as string}` }) });
    const { value } = await run(tracedPipeline({ one, two }));
    expect(trace).toEqual(['before.request', 'one.request', 'two.request', 'two.response', 'before.response']);
    expect(value).toEqual({ final: 'two after early one' });
  });

  it("EXE-05 earlyReturn in a function request with skipTo END skips the remaining functions", async () => {
    const one = traced('one', { request: () => runtime.earlyReturn('ended', { skipTo: 'END' }) });
    const { value } = await run(tracedPipeline({ one }));
    expect(trace).toEqual(['before.request', 'one.request', 'before.response']);
    expect(value).toEqual({ final: 'ended' });
  });

  it("EXE-05 earlyReturn in a function request with skipTo NEXT goes on with the next function", async () => {
    const one = traced('one', { request: () => runtime.earlyReturn('next', { skipTo: 'NEXT' }) });
    const { value } = await run(tracedPipeline({ one, two: traced('two', { request: (ctx) => ({ payload: ctx.prev.result }) }) }));
    expect(trace).toEqual(['before.request', 'one.request', 'two.request', 'two.response', 'before.response']);
    expect(value).toEqual({ final: 'next' });
  });
});

describe('pipeline function response handler (EXE-08a)', () => {
  it('EXE-08a util.error in a function response stops the whole pipeline: no later function, no after', async () => {
    const { value, errors } = await run(tracedPipeline({ one: traced('one', { response: () => util.error('failed', 'Failed') }) }));
    expect(trace).toEqual(['before.request', 'one.request', 'one.response']);
    expect(value).toBeNull();
    expect(errors).toMatchObject([{ message: 'failed', errorType: 'Failed' }]);
  });

  it('EXE-08a util.appendError in a function response does not change control flow', async () => {
    const { value, errors } = await run(tracedPipeline({ one: traced('one', { response: (ctx) => (util.appendError('odd', 'Odd'), ctx.result) }) }));
    expect(trace).toEqual(FULL_PIPELINE);
    expect(value).toEqual({ final: 'two' });
    expect(errors).toMatchObject([{ message: 'odd', errorType: 'Odd' }]);
  });

  it('EXE-08a runtime.earlyReturn in a function response makes the value its result and the pipeline goes on', async () => {
    const one = traced('one', { response: () => runtime.earlyReturn('from response', { skipTo: 'END' }) });
    const two = traced('two', { request: (ctx) => ({ payload: `two saw ${ctx.prev.result as string}` }) });
    const { value } = await run(tracedPipeline({ one, two }));
    expect(trace).toEqual(FULL_PIPELINE);
    expect(value).toEqual({ final: 'two saw from response' });
  });
});

describe('pipeline after handler (EXE-08a)', () => {
  const afterWith = (response: Handler) => tracedPipeline({ before: traced('before', { request: () => 'start', response }) });

  it('EXE-08a util.error in the after handler nulls the field with the error', async () => {
    const { value, errors } = await run(afterWith(() => util.error('late', 'Late')));
    expect(trace).toEqual(FULL_PIPELINE);
    expect(value).toBeNull();
    expect(errors).toMatchObject([{ message: 'late', errorType: 'Late' }]);
  });

  it('EXE-08a util.appendError in the after handler keeps the return value and adds the error', async () => {
    const { value, errors } = await run(afterWith((ctx) => (util.appendError('warn', 'Warn'), { final: ctx.prev.result })));
    expect(value).toEqual({ final: 'two' });
    expect(errors).toMatchObject([{ message: 'warn', errorType: 'Warn' }]);
  });

  it('EXE-08a runtime.earlyReturn in the after handler makes its value the field', async () => {
    const { value, errors } = await run(afterWith(() => runtime.earlyReturn({ fromAfter: true })));
    expect(value).toEqual({ fromAfter: true });
    expect(errors).toEqual([]);
  });
});

describe('unhandled data-source errors (EXE-08a, against DynamoDB Local)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.doc.send(new PutCommand({ TableName: db.tableName, Item: { PK: 'MATRIX', SK: 'MATRIX', v: 1 } }));
  });

  /** A PutItem whose condition fails against the seeded item: ctx.error is DynamoDB:ConditionalCheckFailedException. */
  const failingPut = () => ({
    operation: 'PutItem',
    key: { PK: { S: 'MATRIX' }, SK: { S: 'MATRIX' } },
    attributeValues: { v: { N: 2 } },
    condition: { expression: 'attribute_not_exists(PK)' },
  });

  it('EXE-08a an unhandled data-source error in a unit response is swallowed: the return value, no error', async () => {
    const resolver = unit(traced('unit', { request: failingPut, response: (ctx) => ({ returned: true, sawError: ctx.error?.type }) }), TABLE);
    const { body } = await createRuntimeApi({ db, resolvers: { 'Query.probe': resolver } }).graphql('{ probe }');
    expect(body.errors).toBeUndefined();
    expect(json(body.data.probe)).toEqual({ returned: true, sawError: 'DynamoDB:ConditionalCheckFailedException' });
  });

  it('EXE-08a an unhandled data-source error in a function response is swallowed and the pipeline continues', async () => {
    const resolver = pipeline(traced('before', { request: () => ({}), response: (ctx) => ({ final: ctx.prev.result }) }), [
      fn('one', traced('one', { request: failingPut, response: () => 'one ignored the error' }), TABLE),
      fn('two', traced('two', { request: (ctx) => ({ payload: { prev: ctx.prev.result, errorInTwo: ctx.error ?? null } }) }), NONE),
    ]);
    const { body } = await createRuntimeApi({ db, resolvers: { 'Query.probe': resolver } }).graphql('{ probe }');
    expect(body.errors).toBeUndefined();
    expect(trace).toEqual(FULL_PIPELINE);
    expect(json(body.data.probe)).toEqual({ final: { prev: 'one ignored the error', errorInTwo: null } });
  });
});
