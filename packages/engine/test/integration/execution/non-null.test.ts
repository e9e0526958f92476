// Conformance: a null where the schema allows none gets AppSync's answer (EXE-09), not InternalFailure.
import { type Context } from '@aws-appsync/utils';
import { describe, expect, it } from 'vitest';
import { NONE, unit, type ResolverModule } from '@appsync-lambda/engine';
import { graphqlEvent } from '@appsync-lambda/test-support';
import { createRuntimeApi } from '../../helpers/harness';

const none = (module: ResolverModule) => unit(module, NONE);
const returning = (value: unknown) => none({ request: () => ({ payload: value }), response: (ctx: Context) => ctx.result });

const SDL = /* GraphQL */ `
  type Query {
    strict: String!
    text: String
    job(id: ID): Job
    jobs: [Job]
    tags: [String!]
    grid: [[Int!]]
    requiredJob: Job!
  }
  type Job {
    id: ID!
    title: String!
    company: Company
  }
  type Company {
    name: String!
  }
`;

/** AppSync's entry for a null in a non-null position: no errorType, no locations. */
function violation(path: Array<string | number>, message: string) {
  return { path, data: null, errorType: null, errorInfo: null, locations: null, message, extensions: { errorType: null, errorInfo: null, data: null } };
}

describe('null in a non-null field (EXE-09)', () => {
  it('EXE-09 answers a root field with AppSync’s message, data null, and reports it once as a warning with the coordinate', async () => {
    const api = createRuntimeApi({ sdl: SDL, resolvers: { 'Query.strict': returning(null), 'Query.text': returning('fine') } });
    const result = await api.invoke(graphqlEvent('{ text strict }'), 'req-non-null-1');
    const body = JSON.parse(String(result.body));
    expect(result.statusCode).toBe(200);
    // The root field is non-null: the null reaches the root and takes the whole data with it.
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([violation(['strict'], "Cannot return null for non-nullable type: 'String' within parent 'Query' (/strict)")]);
    expect(api.errors).toEqual([
      {
        kind: 'nonNull',
        severity: 'warn',
        message: 'A field that cannot be null resolved to null',
        coordinate: 'Query.strict',
        requestId: 'req-non-null-1',
        apiRequestId: expect.any(String),
        operationName: null,
        path: ['strict'],
        details: { type: 'String', parent: 'Query' },
      },
    ]);
  });

  it('EXE-09 propagates the null to the nearest nullable parent and keeps the partial data, aliases in the path', async () => {
    const api = createRuntimeApi({
      sdl: SDL,
      resolvers: {
        'Query.jobs': returning([
          { id: 'j1', title: 'Engineer', company: { name: 'Acme' } },
          { id: 'j2', title: null },
          { id: 'j3', title: 'Designer', company: {} },
        ]),
        'Query.text': returning('fine'),
      },
    });
    const { body } = await api.graphql('{ text list: jobs { id heading: title company { name } } }');
    expect(body.data).toEqual({
      text: 'fine',
      list: [{ id: 'j1', heading: 'Engineer', company: { name: 'Acme' } }, null, { id: 'j3', heading: 'Designer', company: null }],
    });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        violation(['list', 1, 'heading'], "Cannot return null for non-nullable type: 'String' within parent 'Job' (/list[1]/heading)"),
        violation(['list', 2, 'company', 'name'], "Cannot return null for non-nullable type: 'String' within parent 'Company' (/list[2]/company/name)"),
      ]),
    );
    expect(body.errors).toHaveLength(2);
    expect(api.errors.map((report) => [report.severity, report.coordinate]).sort()).toEqual([
      ['warn', 'Company.name'],
      ['warn', 'Job.title'],
    ]);
  });

  it('EXE-09 names the list type as the parent of a null item, nested lists included', async () => {
    const api = createRuntimeApi({ sdl: SDL, resolvers: { 'Query.tags': returning(['a', null]), 'Query.grid': returning([[1], [2, null]]) } });
    const { body } = await api.graphql('{ tags grid }');
    expect(body.data).toEqual({ tags: null, grid: [[1], null] });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        violation(['tags', 1], "Cannot return null for non-nullable type: 'String' within parent '[String!]' (/tags[1])"),
        violation(['grid', 1, 1], "Cannot return null for non-nullable type: 'Int' within parent '[Int!]' (/grid[1][1])"),
      ]),
    );
    expect(body.errors).toHaveLength(2);
  });

  it('EXE-09 names an object type that cannot be null', async () => {
    const api = createRuntimeApi({ sdl: SDL, resolvers: { 'Query.requiredJob': returning(null) } });
    const { body } = await api.graphql('{ requiredJob { id } }');
    expect(body).toEqual({ data: null, errors: [violation(['requiredJob'], "Cannot return null for non-nullable type: 'Job' within parent 'Query' (/requiredJob)")] });
  });

  it('EXE-09 keeps a resolver’s own error on a non-null field as the resolver raised it', async () => {
    const api = createRuntimeApi({
      sdl: SDL,
      resolvers: {
        'Query.strict': none({
          request: () => {
            throw new Error('Cannot return null for non-nullable field Query.strict.');
          },
          response: () => null,
        }),
      },
    });
    const { body } = await api.graphql('{ strict }');
    expect(body.data).toBeNull();
    expect(body.errors).toMatchObject([{ errorType: 'Code', message: 'Error: Cannot return null for non-nullable field Query.strict.', path: ['strict'] }]);
    expect(api.errors.map((report) => [report.severity, report.message])).toEqual([['error', 'Resolver code fault']]);
  });
});
