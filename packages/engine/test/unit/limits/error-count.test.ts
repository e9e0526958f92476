// A response lists at most MAX_RESPONSE_ERRORS errors (EXE-09 entries), whatever made them: failing
// list items, appended errors (EXE-07), validation; the last entry counts what was left out.
import { MAX_RESPONSE_ERRORS, NONE, unit } from '@appsync-lambda/engine';
import { util, type Context } from '@appsync-lambda/engine/appsync-utils';
import { describe, expect, it } from 'vitest';
import { createTestEngine } from '../../helpers/engine';

const SDL = /* GraphQL */ `
  type Query {
    items(count: Int!): [Item]
    appended(count: Int!): String
  }
  type Item {
    id: Int
    broken: String
    faulty: String
  }
`;

const passThrough = (ctx: Context) => ctx.result;

const engine = createTestEngine({
  sdl: SDL,
  resolvers: {
    'Query.items': unit({ request: (ctx: Context) => ({ payload: Array.from({ length: ctx.args.count }, (_, id) => ({ id })) }), response: passThrough }, NONE),
    'Item.broken': unit({ request: (ctx: Context) => util.error(`Item ${ctx.source.id} is broken`, 'Broken'), response: passThrough }, NONE),
    'Item.faulty': unit(
      {
        request: (ctx: Context) => ({ payload: (ctx.source as { missing?: { field: string } }).missing!.field }),
        response: passThrough,
      },
      NONE,
    ),
    'Query.appended': unit(
      {
        request: () => ({ payload: 'done' }),
        response: (ctx: Context) => {
          for (let index = 0; index < ctx.args.count; index += 1) util.appendError(`Problem ${index}`, 'Appended');
          return ctx.result;
        },
      },
      NONE,
    ),
  },
});

/** The entry that ends a response with too many errors. */
const tooMany = (actual: number) => ({
  errorType: 'TooManyErrors',
  errorInfo: { limit: 'responseErrors', maximum: MAX_RESPONSE_ERRORS, actual },
  message: `This response lists the first ${MAX_RESPONSE_ERRORS - 1} of ${actual} errors; the other ${actual - MAX_RESPONSE_ERRORS + 1} were left out.`,
  path: null,
  data: null,
});

describe('the number of errors in a response', () => {
  it('a list of 500 items whose field fails keeps its data and lists the first 99 errors, then one TooManyErrors counting 500', async () => {
    const { status, body } = await engine.graphql('{ items(count: 500) { id broken } }');
    expect(status).toBe(200);
    expect(body.data!.items).toHaveLength(500);
    expect(body.data!.items[499]).toEqual({ id: 499, broken: null });
    expect(body.errors).toHaveLength(MAX_RESPONSE_ERRORS);
    expect(body.errors!.slice(0, -1).map((error) => error.path)).toEqual(Array.from({ length: MAX_RESPONSE_ERRORS - 1 }, (_, index) => ['items', index, 'broken']));
    expect(body.errors!.slice(0, -1).every((error) => error.errorType === 'Broken')).toBe(true);
    expect(body.errors!.at(-1)).toMatchObject(tooMany(500));
    expect(body.errors!.at(-1)!.extensions).toMatchObject({ errorType: 'TooManyErrors', code: 'TOO_MANY_ERRORS' });
  });

  it('leaves a response with exactly 100 errors as it is, and shortens one with 101', async () => {
    const exact = await engine.graphql(`{ items(count: ${MAX_RESPONSE_ERRORS}) { broken } }`);
    expect(exact.body.errors).toHaveLength(MAX_RESPONSE_ERRORS);
    expect(exact.body.errors!.every((error) => error.errorType === 'Broken')).toBe(true);
    const over = await engine.graphql(`{ items(count: ${MAX_RESPONSE_ERRORS + 1}) { broken } }`);
    expect(over.body.errors).toHaveLength(MAX_RESPONSE_ERRORS);
    expect(over.body.errors!.at(-1)).toMatchObject(tooMany(MAX_RESPONSE_ERRORS + 1));
  });

  it('counts errors appended with util.appendError with the rest, and keeps the field value', async () => {
    const { body } = await engine.graphql('{ appended(count: 300) items(count: 2) { broken } }');
    expect(body.data!.appended).toBe('done');
    expect(body.errors).toHaveLength(MAX_RESPONSE_ERRORS);
    expect(body.errors!.at(-1)).toMatchObject(tooMany(302));
  });

  it('stops validation at the limit: a document with 300 unknown fields answers at most 100 ValidationErrors', async () => {
    const fields = Array.from({ length: 300 }, (_, index) => `unknown${index}`).join(' ');
    const { status, body } = await engine.graphql(`{ ${fields} }`);
    expect(status).toBe(400);
    expect(body.errors!.length).toBeLessThanOrEqual(MAX_RESPONSE_ERRORS);
    expect(body.errors!.every((error) => error.errorType === 'ValidationError')).toBe(true);
    expect(body.errors!.at(-1)!.message).toMatch(/Too many validation errors/);
  });

  it('reports resolver code faults to the hooks no more often than a response lists errors', async () => {
    engine.reports.length = 0;
    const { body } = await engine.graphql('{ items(count: 500) { faulty } }');
    expect(body.errors).toHaveLength(MAX_RESPONSE_ERRORS);
    expect(body.errors!.slice(0, -1).every((error) => error.errorType === 'Code')).toBe(true);
    expect(engine.reports.filter((report) => report.kind === 'code')).toHaveLength(MAX_RESPONSE_ERRORS);
  });
});
