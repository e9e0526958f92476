// Conformance: data-source errors as resolvers see them (CTX-09, EXE-08) and request objects the
// data source cannot run (EXE-04, EXE-11 MappingTemplate), against DynamoDB Local.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { util, type Context } from '@aws-appsync/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { NONE, TABLE, fn, pipeline, unit } from '@appsync-lambda/engine';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createRuntimeApi, json } from '../../helpers/harness';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.doc.send(new PutCommand({ TableName: db.tableName, Item: { PK: 'TAKEN', SK: 'TAKEN', owner: 'first' } }));
});

/** Creates TAKEN again with another owner: the condition fails (ConditionalCheckFailedException). */
const conflictingPut = () => ({
  operation: 'PutItem',
  key: util.dynamodb.toMapValues({ PK: 'TAKEN', SK: 'TAKEN' }),
  attributeValues: util.dynamodb.toMapValues({ owner: 'second' }),
  condition: { expression: 'attribute_not_exists(PK)' },
});

describe('ctx.error (CTX-09)', () => {
  it('CTX-09 is { message, type } with type DynamoDB:<Exception> when the call failed', async () => {
    const resolver = unit({ request: conflictingPut, response: (ctx: Context) => ({ error: ctx.error, result: ctx.result ?? null }) }, TABLE);
    const { body } = await createRuntimeApi({ db, resolvers: { 'Query.probe': resolver } }).graphql('{ probe }');
    const { error } = json(body.data.probe);
    expect(Object.keys(error).sort()).toEqual(['message', 'type']);
    expect(error.type).toBe('DynamoDB:ConditionalCheckFailedException');
    expect(error.message).toEqual(expect.any(String));
  });
});

describe('unhandled data-source errors (EXE-08)', () => {
  it('EXE-08 produces no GraphQL error when the response handler does not raise it', async () => {
    const resolver = unit({ request: conflictingPut, response: () => ({ swallowed: true }) }, TABLE);
    const { body } = await createRuntimeApi({ db, resolvers: { 'Query.probe': resolver } }).graphql('{ probe }');
    expect(body.errors).toBeUndefined();
    expect(json(body.data.probe)).toEqual({ swallowed: true });
    const stored = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: { PK: 'TAKEN', SK: 'TAKEN' } }));
    expect(stored.Item?.owner).toBe('first');
  });

  it('EXE-08 becomes a GraphQL error when the response handler raises it with util.error', async () => {
    const resolver = unit(
      {
        request: conflictingPut,
        response: (ctx: Context) => (ctx.error ? util.error(ctx.error.message, ctx.error.type) : ctx.result),
      },
      TABLE,
    );
    const { body } = await createRuntimeApi({ db, resolvers: { 'Query.probe': resolver } }).graphql('{ probe }');
    expect(body.data.probe).toBeNull();
    expect(body.errors[0]).toMatchObject({ errorType: 'DynamoDB:ConditionalCheckFailedException', path: ['probe'] });
  });

  it('EXE-08 shows ctx.error in a pipeline only to the failing function’s response, and the pipeline continues', async () => {
    const seen: Record<string, unknown> = {};
    const resolver = pipeline(
      { request: () => ({}), response: (ctx: Context) => ((seen.after = ctx.error ?? null), ctx.prev.result) },
      [
        fn('claim', { request: conflictingPut, response: (ctx: Context) => ((seen.claim = ctx.error?.type ?? null), 'claimed?') }, TABLE),
        fn('next', { request: (ctx: Context) => ((seen.nextRequest = ctx.error ?? null), { payload: ctx.prev.result }), response: (ctx: Context) => ((seen.nextResponse = ctx.error ?? null), ctx.result) }, NONE),
      ],
    );
    const { body } = await createRuntimeApi({ db, resolvers: { 'Query.probe': resolver } }).graphql('{ probe }');
    expect(body.errors).toBeUndefined();
    expect(body.data.probe).toBe('claimed?');
    expect(seen).toEqual({ claim: 'DynamoDB:ConditionalCheckFailedException', nextRequest: null, nextResponse: null, after: null });
  });
});

describe('request objects the data source cannot run (EXE-04, EXE-11)', () => {
  it('EXE-11 fails the field with errorType MappingTemplate when the request has no operation', async () => {
    const resolver = unit({ request: () => ({ key: {} }), response: (ctx: Context) => ctx.result }, TABLE);
    const { body } = await createRuntimeApi({ db, resolvers: { 'Query.probe': resolver } }).graphql('{ probe }');
    expect(body.data.probe).toBeNull();
    expect(body.errors[0]).toMatchObject({ errorType: 'MappingTemplate', path: ['probe'] });
  });

  it('EXE-04 rejects a NONE-style { payload } request sent to the DynamoDB data source', async () => {
    const resolver = unit({ request: () => ({ payload: { a: 1 } }), response: (ctx: Context) => ctx.result }, TABLE);
    const { body } = await createRuntimeApi({ db, resolvers: { 'Query.probe': resolver } }).graphql('{ probe }');
    expect(body.data.probe).toBeNull();
    expect(body.errors[0].errorType).toBe('MappingTemplate');
  });
});
