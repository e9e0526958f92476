// Conformance: the execution model (contract §2, EXE-01..EXE-17 besides the EXE-08a matrix).
import { runtime, util, type Context } from '@aws-appsync/utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NONE, fn, pipeline, unit, type ResolverModule } from '@appsync-lambda/engine';
import { createRuntimeApi, json } from '../../helpers/harness';

const none = (module: ResolverModule) => unit(module, NONE);
const query = (resolvers: Parameters<typeof createRuntimeApi>[0]['resolvers'], text: string) => createRuntimeApi({ resolvers }).graphql(text);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('module shape (EXE-01)', () => {
  it('EXE-01 runs modules exporting request/response as const arrows, with util and runtime also global', async () => {
    const globals = globalThis as unknown as { util: typeof util; runtime: typeof runtime };
    const module = {
      request: (ctx: Context) => globals.runtime.earlyReturn({ id: globals.util.autoId().length, arg: ctx.args.input }),
      response: () => 'never',
    };
    const { body } = await query({ 'Query.probe': none(module) }, '{ probe(input: "x") }');
    expect(json(body.data.probe)).toEqual({ id: 36, arg: 'x' });
  });

  it('EXE-01 fails the field with a Code error when the module lacks a handler', async () => {
    const { body } = await query({ 'Query.probe': none({ request: () => ({ payload: 1 }) } as unknown as ResolverModule) }, '{ probe }');
    expect(body.data.probe).toBeNull();
    expect(body.errors[0]).toMatchObject({ errorType: 'Code', path: ['probe'] });
  });
});

describe('unit resolvers (EXE-02)', () => {
  it('EXE-02 runs request, the data source, then response whose return value is the field', async () => {
    const { body } = await query(
      { 'Query.probe': none({ request: (ctx) => ({ payload: { echoed: ctx.args.input } }), response: (ctx) => ({ response: ctx.result }) }) },
      '{ probe(input: "hi") }',
    );
    expect(json(body.data.probe)).toEqual({ response: { echoed: 'hi' } });
  });

  it('EXE-02 resolves the field to null when the response handler returns undefined', async () => {
    const { body } = await query({ 'Query.text': none({ request: () => ({ payload: 'x' }), response: () => undefined }) }, '{ text }');
    expect(body).toEqual({ data: { text: null } });
  });
});

describe('pipeline resolvers (EXE-03)', () => {
  it('EXE-03 runs before, each function (request, data source, response) in order, then after', async () => {
    const order: string[] = [];
    const step = (name: string) =>
      fn(name, { request: () => (order.push(`${name}:request`), { payload: name }), response: (ctx) => (order.push(`${name}:response:${ctx.result as string}`), ctx.result) }, NONE);
    const resolver = pipeline({ request: () => (order.push('before'), {}), response: (ctx) => (order.push('after'), ctx.prev.result) }, [step('a'), step('b'), step('c')]);
    const { body } = await query({ 'Query.text': resolver }, '{ text }');
    expect(body.data.text).toBe('c');
    expect(order).toEqual(['before', 'a:request', 'a:response:a', 'b:request', 'b:response:b', 'c:request', 'c:response:c', 'after']);
  });
});

describe('NONE data source (EXE-04)', () => {
  it('EXE-04 hands the request payload to the response handler as ctx.result', async () => {
    const { body } = await query({ 'Query.probe': none({ request: () => ({ payload: [1, { two: 2 }] }), response: (ctx) => ctx.result }) }, '{ probe }');
    expect(json(body.data.probe)).toEqual([1, { two: 2 }]);
  });
});

describe('runtime.earlyReturn (EXE-05)', () => {
  it('EXE-05 ends the handler at once: code after earlyReturn never runs', async () => {
    let after = false;
    const module: ResolverModule = {
      request: () => {
        runtime.earlyReturn('done');
        after = true;
        return { payload: 'not this' };
      },
      response: (ctx) => ctx.result,
    };
    const { body } = await query({ 'Query.text': none(module) }, '{ text }');
    expect(body.data.text).toBe('done');
    expect(after).toBe(false);
  });

  it('EXE-05 resolves to null when earlyReturn gets no value', async () => {
    const { body } = await query({ 'Query.text': none({ request: () => runtime.earlyReturn(), response: () => 'unreached' }) }, '{ text }');
    expect(body).toEqual({ data: { text: null } });
  });
});

describe('util.error (EXE-06)', () => {
  it('EXE-06 aborts the handler; the field is null and the error carries message, errorType, data and errorInfo', async () => {
    const { body } = await query(
      { 'Query.probe': none({ request: () => util.error('Job is closed', 'Conflict', null, { jobId: 'j1' }), response: () => 'unreached' }) },
      '{ probe }',
    );
    expect(body.data).toEqual({ probe: null });
    expect(body.errors).toMatchObject([{ message: 'Job is closed', errorType: 'Conflict', errorInfo: { jobId: 'j1' }, data: null, path: ['probe'] }]);
  });

  it('EXE-06 keeps errors appended before a later util.error and reports the raised one too', async () => {
    const resolver = pipeline({ request: () => (util.appendError('first', 'A'), {}), response: () => 'unreached' }, [
      fn('check', { request: () => (util.appendError('second', 'B'), util.error('stop', 'C')), response: () => null }, NONE),
    ]);
    const { body } = await query({ 'Query.probe': resolver }, '{ probe }');
    expect(body.data.probe).toBeNull();
    expect(body.errors.map((error: { errorType: string }) => error.errorType).sort()).toEqual(['A', 'B', 'C']);
  });

  it('EXE-06 coerces non-string message and errorType with String() instead of ignoring the call (GAP-06)', async () => {
    const loose = util.error as unknown as (message: unknown, type?: unknown) => never;
    const { body } = await query({ 'Query.probe': none({ request: () => loose(404, 7), response: () => 'not ignored' }) }, '{ probe }');
    expect(body.data.probe).toBeNull();
    expect(body.errors[0]).toMatchObject({ message: '404', errorType: '7' });
  });
});

describe('util.appendError (EXE-07)', () => {
  it('EXE-07 returns partial data plus every appended error', async () => {
    const module: ResolverModule = {
      request: () => ({ payload: { ok: true } }),
      response: (ctx) => {
        util.appendError('one', 'First', { d: 1 }, { i: 1 });
        util.appendError('two');
        return ctx.result;
      },
    };
    const { body } = await query({ 'Query.probe': none(module) }, '{ probe }');
    expect(json(body.data.probe)).toEqual({ ok: true });
    expect(body.errors).toMatchObject([
      { message: 'one', errorType: 'First', errorInfo: { i: 1 }, path: ['probe'] },
      { message: 'two', errorType: null, data: null, errorInfo: null, path: ['probe'] },
    ]);
  });
});

describe('util.unauthorized (EXE-10)', () => {
  it('EXE-10 fails the field with Unauthorized and AppSync’s message naming field and type', async () => {
    const { body } = await query(
      { 'Query.parent': none({ request: () => ({ payload: { id: 'p' } }), response: (ctx) => ctx.result }), 'Parent.name': none({ request: () => util.unauthorized(), response: () => 'x' }) },
      '{ parent { id name } }',
    );
    expect(body.data).toEqual({ parent: { id: 'p', name: null } });
    expect(body.errors).toMatchObject([{ errorType: 'Unauthorized', message: 'Not Authorized to access name on type Parent', data: null, errorInfo: null, path: ['parent', 'name'] }]);
  });
});

describe('code faults (EXE-11)', () => {
  it('EXE-11 reports a thrown TypeError as errorType Code with no stack trace in the response', async () => {
    const module: ResolverModule = { request: (ctx) => ({ payload: (ctx.args as unknown as { missing: { deep: string } }).missing.deep }), response: () => null };
    const { body } = await query({ 'Query.probe': none(module) }, '{ probe }');
    expect(body.data.probe).toBeNull();
    expect(body.errors[0].errorType).toBe('Code');
    expect(body.errors[0].message).toMatch(/^TypeError: /);
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+/);
    expect(body.errors[0].extensions).not.toHaveProperty('stacktrace');
  });

  it('EXE-11 reports an async handler as a Code error: APPSYNC_JS handlers are synchronous', async () => {
    const module = { request: async () => ({ payload: 1 }), response: () => null } as unknown as ResolverModule;
    const { body } = await query({ 'Query.probe': none(module) }, '{ probe }');
    expect(body.errors[0]).toMatchObject({ errorType: 'Code', path: ['probe'] });
  });
});

describe('fields without resolvers (EXE-13)', () => {
  it('EXE-13 resolves nested fields by property lookup and a root field without resolver to null', async () => {
    const { body } = await query({ 'Query.parent': none({ request: () => ({ payload: { id: 'p1', name: 'Named' } }), response: (ctx) => ctx.result }) }, '{ noResolver parent { id name child { id } } }');
    expect(body).toEqual({ data: { noResolver: null, parent: { id: 'p1', name: 'Named', child: null } } });
  });
});

describe('abstract types (EXE-14)', () => {
  it('EXE-14 resolves union members and interface implementations from __typename', async () => {
    const resolvers = {
      'Query.search': none({ request: () => ({ payload: [{ __typename: 'Job', id: 'j', title: 'Dev' }, { __typename: 'Company', id: 'c', name: 'Acme' }] }), response: (ctx) => ctx.result }),
      'Query.node': none({ request: () => ({ payload: { __typename: 'Company', id: 'c2', name: 'Beta' } }), response: (ctx) => ctx.result }),
    };
    const { body } = await query(resolvers, '{ search { ... on Job { title } ... on Company { name } } node { id __typename ... on Company { name } } }');
    expect(body).toEqual({ data: { search: [{ title: 'Dev' }, { name: 'Acme' }], node: { id: 'c2', __typename: 'Company', name: 'Beta' } } });
  });
});

describe('console (EXE-15)', () => {
  it('EXE-15 lets handlers call console.log and console.error', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const module: ResolverModule = { request: () => (console.log('request', 1), { payload: 'ok' }), response: (ctx) => (console.error('response', ctx.result), ctx.result) };
    const { body } = await query({ 'Query.text': none(module) }, '{ text }');
    expect(body.data.text).toBe('ok');
    expect(log).toHaveBeenCalledWith('request', 1);
    expect(error).toHaveBeenCalledWith('response', 'ok');
  });
});

describe('HTTP status (EXE-17)', () => {
  it('EXE-17 returns resolver errors in a 200 response, and request-level failures with 400', async () => {
    const api = createRuntimeApi({ resolvers: { 'Query.text': none({ request: () => util.error('nope', 'Nope'), response: () => null }) } });
    const fieldError = await api.graphql('{ text }');
    expect(fieldError.status).toBe(200);
    expect(fieldError.body.errors[0].errorType).toBe('Nope');
    const invalid = await api.graphql('{ doesNotExist }');
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].errorType).toBe('ValidationError');
  });
});
