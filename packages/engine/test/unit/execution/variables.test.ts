// Variable values are checked before anything runs (EXE-17: a request-level failure, 400 with no
// data): invalid ones, however many, answer one small ValidationError naming the first by its path,
// never one error per key and never InternalFailure.
import { NONE, unit } from '@appsync-lambda/engine';
import type { Context } from '@appsync-lambda/engine/appsync-utils';
import { describe, expect, it } from 'vitest';
import { createTestEngine } from '../../helpers/engine';

const SDL = /* GraphQL */ `
  type Query {
    search(filter: Filter, limit: Int = 20): AWSJSON
    byId(id: ID!): AWSJSON
  }
  input Filter {
    name: String
    tags: [String!]
    within: Filter
  }
`;

const echo = unit({ request: (ctx: Context) => ({ payload: ctx.args }), response: (ctx: Context) => ctx.result }, NONE);
const engine = createTestEngine({ sdl: SDL, resolvers: { 'Query.search': echo, 'Query.byId': echo } });
const SEARCH = 'query ($filter: Filter, $limit: Int) { search(filter: $filter, limit: $limit) }';

/** An object with `count` keys the input type does not define. */
const unknownKeys = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`k${index}`, 1]));

/** Asserts a 400 with one ValidationError and no data, nothing reported; returns the error. */
async function refused(query: string, variables: Record<string, unknown>) {
  engine.reports.length = 0;
  const { status, body, text } = await engine.graphql(query, variables);
  expect(status).toBe(400);
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  expect(body.errors![0]).toMatchObject({ errorType: 'ValidationError', extensions: { code: 'BAD_USER_INPUT' } });
  expect(engine.reports).toEqual([]);
  return { error: body.errors![0]!, bytes: Buffer.byteLength(text) };
}

describe('variable values', () => {
  it('an input object with 60 or 20,000 unknown keys is one ValidationError of under 1 KB naming the first key', async () => {
    for (const count of [60, 20_000]) {
      const { error, bytes } = await refused(SEARCH, { filter: unknownKeys(count) });
      expect(bytes).toBeLessThan(1024);
      expect(error.message).toBe('Variable "$filter" got invalid value; Field "k0" is not defined by type "Filter". Other variable values are invalid too; fix this one first.');
      expect(error.locations).toEqual([{ line: 1, column: 8, sourceName: null }]);
    }
  });

  it('one invalid value is named by its path, without the rest of the value', async () => {
    const { error } = await refused(SEARCH, { filter: { name: 'a', within: { tags: ['x', 5, 'z'.repeat(1000)] } } });
    expect(error.message).toBe('Variable "$filter" got invalid value at "filter.within.tags[1]"; String cannot represent a non string value: 5');
  });

  it('a message quoting a huge key or value is cut to 1,000 characters', async () => {
    const key = `k${'😀'.repeat(50_000)}`;
    const { error } = await refused(SEARCH, { filter: { [key]: 1 } });
    expect(error.message.length).toBeLessThanOrEqual(1000);
    expect(error.message).toMatch(/^Variable "\$filter" got invalid value; Field "k😀+…$/u);
    const value = await refused(SEARCH, { limit: '9'.repeat(100_000) });
    expect(value.error.message.length).toBeLessThanOrEqual(1000);
  });

  it('a required variable missing or null, and a value of the wrong type, are each one ValidationError', async () => {
    expect((await refused('query ($id: ID!) { byId(id: $id) }', {})).error.message).toBe('Variable "$id" of required type "ID!" was not provided.');
    expect((await refused('query ($id: ID!) { byId(id: $id) }', { id: null })).error.message).toBe('Variable "$id" of non-null type "ID!" must not be null.');
    expect((await refused('query ($id: ID!) { byId(id: $id) }', { id: { nested: 1 } })).error.message).toMatch(/^Variable "\$id" got invalid value; ID cannot represent value/);
  });

  it('valid variables run as graphql-js coerces them: defaults applied, unknown variables ignored', async () => {
    const { status, body } = await engine.graphql('query ($filter: Filter, $limit: Int = 5) { search(filter: $filter, limit: $limit) }', { filter: { tags: ['a'] }, unused: 1 });
    expect(status).toBe(200);
    expect(JSON.parse(body.data!.search as string)).toEqual({ filter: { tags: ['a'] }, limit: 5 });
  });
});
