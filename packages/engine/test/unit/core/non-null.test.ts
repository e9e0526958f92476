import { buildSchema, graphql, GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { appSyncPath, nonNullViolation } from '@appsync-lambda/engine/testing';

const schema = buildSchema(/* GraphQL */ `
  type Query {
    strict: String!
    loose: String
    tags: [String!]!
    grid: [[Int!]!]
    job: Job
  }
  type Job {
    title: String!
  }
`);

async function firstError(source: string, rootValue: Record<string, unknown>): Promise<GraphQLError> {
  const { errors } = await graphql({ schema, source, rootValue });
  expect(errors).toHaveLength(1);
  return errors![0]!;
}

describe('nonNullViolation (EXE-09)', () => {
  it('words graphql-js’s non-null error as AppSync does, for a field', async () => {
    const error = await firstError('{ s: strict }', { strict: null });
    expect(nonNullViolation(error, schema)).toEqual({
      coordinate: 'Query.strict',
      typeName: 'String',
      parentName: 'Query',
      path: ['s'],
      message: "Cannot return null for non-nullable type: 'String' within parent 'Query' (/s)",
    });
  });

  it('names the list type holding a null item, at any depth', async () => {
    expect(nonNullViolation(await firstError('{ tags }', { tags: ['a', null] }), schema)?.message).toBe(
      "Cannot return null for non-nullable type: 'String' within parent '[String!]' (/tags[1])",
    );
    expect(nonNullViolation(await firstError('{ grid }', { grid: [[1, null]] }), schema)?.message).toBe(
      "Cannot return null for non-nullable type: 'Int' within parent '[Int!]' (/grid[0][1])",
    );
    expect(nonNullViolation(await firstError('{ grid }', { grid: [null] }), schema)?.message).toBe(
      "Cannot return null for non-nullable type: '[Int!]' within parent '[[Int!]!]' (/grid[0])",
    );
  });

  it('does not take other errors for a violation', async () => {
    const thrown = await firstError('{ loose }', {
      loose: () => {
        throw new Error('Cannot return null for non-nullable field Query.loose.');
      },
    });
    // The message names a nullable field: the schema disproves it.
    expect(nonNullViolation(thrown, schema)).toBeUndefined();
    // A subclass of Error is not graphql-js's own error.
    class ResolverFault extends Error {}
    const subclass = new GraphQLError('x', { path: ['strict'], originalError: new ResolverFault('Cannot return null for non-nullable field Query.strict.') });
    expect(nonNullViolation(subclass, schema)).toBeUndefined();
    // No original error, no path, or a field the schema does not have.
    expect(nonNullViolation(new GraphQLError('Cannot return null for non-nullable field Query.strict.', { path: ['strict'] }), schema)).toBeUndefined();
    expect(nonNullViolation(new GraphQLError('x', { originalError: new Error('Cannot return null for non-nullable field Query.strict.') }), schema)).toBeUndefined();
    expect(nonNullViolation(new GraphQLError('x', { path: ['nope'], originalError: new Error('Cannot return null for non-nullable field Query.nope.') }), schema)).toBeUndefined();
    // A path that does not fit the field's type (an index into a field that is no list).
    expect(nonNullViolation(new GraphQLError('x', { path: ['strict', 0], originalError: new Error('Cannot return null for non-nullable field Query.strict.') }), schema)).toBeUndefined();
    expect(nonNullViolation(undefined, schema)).toBeUndefined();
  });
});

describe('appSyncPath', () => {
  it('renders fields with slashes and list indexes in brackets', () => {
    expect(appSyncPath(['listJobs', 'items', 3, 'title'])).toBe('/listJobs/items[3]/title');
  });
});
