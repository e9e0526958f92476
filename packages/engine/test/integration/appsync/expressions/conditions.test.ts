import { beforeAll, describe, expect, it } from 'vitest';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { operations } from '@aws-appsync/utils/dynamodb';
import { util } from '@aws-appsync/utils';
import { createExpressionHarness, type ExpressionHarness } from './harness';

// Condition objects on writes, single-item and transactional, evaluated by DynamoDB.
let h: ExpressionHarness;
beforeAll(async () => {
  h = await createExpressionHarness();
});

type Row = { PK: string; SK: string; owner?: string; title?: string };
const key = (SK: string) => ({ PK: h.pk, SK });

describe('conditions against DynamoDB', () => {
  it('MOD-02 put with attributeExists false creates once and refuses to overwrite a different item', async () => {
    const create = (title: string) =>
      h.run(ddb.put<Row>({ key: key('create'), item: { title }, condition: { PK: { attributeExists: false } } }));
    expect((await create('first')).error).toBeUndefined();
    const second = await create('second');
    expect(second.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
    expect((await h.stored('create'))?.title).toBe('first');
  });

  it('MOD-03 remove with an owner condition deletes only for the owner', async () => {
    await h.seed([{ SK: 'owned', owner: 'alice' }]);
    const byBob = await h.run(ddb.remove<Row>({ key: key('owned'), condition: { owner: { eq: 'bob' } } }));
    expect(byBob.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
    expect(await h.stored('owned')).toBeDefined();
    const byAlice = await h.run(ddb.remove<Row>({ key: key('owned'), condition: { owner: { eq: 'alice' } } }));
    expect(byAlice.error).toBeUndefined();
    expect(await h.stored('owned')).toBeUndefined();
  });

  it('UTIL-X2 GAP-02 the condition string from util.transform guards a raw PutItem', async () => {
    await h.seed([{ SK: 'raw', owner: 'alice' }]);
    const request = {
      operation: 'PutItem',
      key: util.dynamodb.toMapValues(key('raw')),
      attributeValues: util.dynamodb.toMapValues({ owner: 'carol' }),
      condition: util.transform.toDynamoDBConditionExpression({ owner: { eq: 'bob' } }),
    };
    expect((await h.run(request)).error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
    const parsed = { ...request, condition: JSON.parse(util.transform.toDynamoDBConditionExpression({ owner: { eq: 'alice' } })) };
    expect((await h.run(parsed)).error).toBeUndefined();
    expect((await h.stored('raw'))?.owner).toBe('carol');
  });

  it('MOD-09 transactWrite writes nothing when its conditionCheck fails, and everything when it holds', async () => {
    await h.seed([{ SK: 'lock', locked: true }, { SK: 'gone' }, { SK: 'hits', hits: 1 }]);
    const transaction = (locked: boolean) =>
      ddb.transactWrite({
        items: [
          { putItem: { table: 'main', key: key('tx-new'), item: { title: 'x' }, condition: { PK: { attributeExists: false } } } },
          { updateItem: { table: 'main', key: key('hits'), update: { hits: operations.increment() } } },
          { deleteItem: { table: 'main', key: key('gone') } },
          { conditionCheck: { table: 'main', key: key('lock'), condition: { locked: { eq: locked } } } },
        ] as never,
      });
    const failed = await h.run(transaction(false));
    expect(failed.error?.type).toBe('DynamoDB:TransactionCanceledException');
    expect(await h.stored('tx-new')).toBeUndefined();
    expect(await h.stored('gone')).toBeDefined();
    expect((await h.stored('hits'))?.hits).toBe(1);
    expect((await h.run(transaction(true))).error).toBeUndefined();
    expect((await h.stored('hits'))?.hits).toBe(2);
    expect(await h.stored('gone')).toBeUndefined();
  });

  it('MOD-09 transactWrite applies put, update and delete together', async () => {
    await h.seed([{ SK: 'counter', hits: 1 }, { SK: 'old' }, { SK: 'flag', open: true }]);
    const outcome = await h.run(
      ddb.transactWrite({
        items: [
          { putItem: { table: 'main', key: key('tx-put'), item: { title: 'y' } } },
          { updateItem: { table: 'main', key: key('counter'), update: { hits: operations.increment(2) } } },
          { deleteItem: { table: 'main', key: key('old') } },
          { conditionCheck: { table: 'main', key: key('flag'), condition: { open: { eq: true } } } },
        ] as never,
      }),
    );
    expect(outcome.error).toBeUndefined();
    expect((await h.stored('tx-put'))?.title).toBe('y');
    expect((await h.stored('counter'))?.hits).toBe(3);
    expect(await h.stored('old')).toBeUndefined();
  });

  it('MOD-08 batchPut, batchGet and batchDelete round-trip items', async () => {
    const keys = [key('batch-1'), key('batch-2')];
    const put = await h.run(ddb.batchPut({ tables: { main: keys.map((k, i) => ({ ...k, n: i })) } }));
    expect(put.error).toBeUndefined();
    const got = await h.run(ddb.batchGet({ tables: { main: { keys, consistentRead: true } } }));
    expect(got.result.data.main).toEqual([
      { ...keys[0], n: 0 },
      { ...keys[1], n: 1 },
    ]);
    await h.run(ddb.batchDelete({ tables: { main: keys } }));
    expect(await h.stored('batch-1')).toBeUndefined();
  });
});
