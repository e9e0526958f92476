// Conformance for the items docs/appsync-compatibility.md lists that no other test cites by ID:
// runtime.earlyReturn as imported (UTIL-R1), open-point decisions (GAP-04, GAP-05, GAP-10), and
// what the runtime does with JavaScript the APPSYNC_JS language rules (LANG-*) govern: strict mode,
// and JSON.parse failing as on AppSync.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { operations, update } from '@aws-appsync/utils/dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { NONE, TABLE, unit, type ResolverModule } from '@appsync-lambda/engine';
import { createExpressionHarness, type ExpressionHarness } from './appsync/expressions/harness';
import { createRuntimeApi, json } from '../helpers/harness';

const none = (module: ResolverModule) => unit(module, NONE);
const query = (module: ResolverModule, text = '{ probe }', dataSource = NONE) =>
  createRuntimeApi({ resolvers: { 'Query.probe': unit(module, dataSource) } }).graphql(text);

describe('runtime.earlyReturn (UTIL-R1)', () => {
  it('UTIL-R1 runtime imported from @aws-appsync/utils ends the request handler with its value', async () => {
    let responseRan = false;
    const module: ResolverModule = {
      request: (ctx: Context) => runtime.earlyReturn({ early: ctx.args.input }),
      response: () => ((responseRan = true), 'late'),
    };
    const { body } = await query(module, '{ probe(input: "x") }');
    expect(json(body.data.probe)).toEqual({ early: 'x' });
    expect(responseRan).toBe(false);
  });
});

describe('open points (GAP-04, GAP-05, GAP-10)', () => {
  let h: ExpressionHarness;
  beforeAll(async () => {
    h = await createExpressionHarness();
  });

  it('GAP-04 update() mixing SET and REMOVE with a nested path leaves the expected stored item', async () => {
    await h.seed([{ SK: 'gap04', count: 1, nick: 'n', address: { city: 'Lyon', zip: '69001' } }]);
    const outcome = await h.run(
      update({ key: { PK: h.pk, SK: 'gap04' }, update: { count: operations.increment(2), nick: operations.remove(), address: { city: 'Paris' } } } as never),
    );
    expect(outcome.error).toBeUndefined();
    expect(await h.stored('gap04')).toEqual({ PK: h.pk, SK: 'gap04', count: 3, address: { city: 'Paris', zip: '69001' } });
  });

  it('GAP-05 types a code fault Code and a request object the data source cannot run MappingTemplate', async () => {
    const fault = await query({ request: () => ({ payload: (null as unknown as { x: number }).x }), response: (ctx) => ctx.result });
    expect(fault.body.data.probe).toBeNull();
    expect(fault.body.errors[0]).toMatchObject({ errorType: 'Code', path: ['probe'] });
    const unparseable = await query({ request: () => ({ operation: 'GetItems', key: {} }), response: (ctx) => ctx.result }, '{ probe }', TABLE);
    expect(unparseable.body.data.probe).toBeNull();
    expect(unparseable.body.errors[0]).toMatchObject({ errorType: 'MappingTemplate', path: ['probe'] });
  });

  it('GAP-10 answers a resolver error with HTTP 200, data and errors in the body', async () => {
    const api = createRuntimeApi({
      resolvers: {
        'Query.probe': none({ request: () => ({ payload: 1 }), response: (ctx) => ctx.result }),
        'Query.text': none({ request: () => ({ payload: 1 }), response: () => util.error('no', 'Nope') }),
      },
    });
    const { status, body } = await api.graphql('{ probe text }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ probe: '1', text: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ errorType: 'Nope', path: ['text'] });
  });
});

describe('the APPSYNC_JS runtime (LANG-*)', () => {
  it('LANG-07 runs resolver modules in strict mode: a plain call has no this', async () => {
    const module: ResolverModule = {
      request: () => {
        function receiver(this: unknown) {
          return this === undefined ? 'strict' : 'sloppy';
        }
        return { payload: receiver() };
      },
      response: (ctx) => ctx.result,
    };
    const { body } = await query(module);
    expect(body.data.probe).toBe('strict');
  });

  it('LANG-08 JSON.parse of invalid text fails the field with Code instead of returning an empty string', async () => {
    const { body } = await query({ request: () => ({ payload: JSON.parse('{not json') as unknown }), response: (ctx) => ctx.result });
    expect(body.data.probe).toBeNull();
    expect(body.errors[0]).toMatchObject({ errorType: 'Code', path: ['probe'] });
  });
});
