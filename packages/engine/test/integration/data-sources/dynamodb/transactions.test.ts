import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type DataSourceHarness } from './data-source';

let h: DataSourceHarness;
beforeAll(async () => {
  h = await createHarness();
});
beforeEach(() => h.intercept(undefined));

const id = () => randomUUID();
const key = (pk: string) => ({ PK: { S: pk }, SK: { S: 'META' } });
const plainKey = (pk: string) => ({ PK: pk, SK: 'META' });
const seed = (table: string, pk: string, extra: object = {}) => h.db.doc.send(new PutCommand({ TableName: table, Item: { ...plainKey(pk), ...extra } }));
const stored = async (table: string, pk: string) => (await h.db.doc.send(new GetCommand({ TableName: table, Key: plainKey(pk), ConsistentRead: true }))).Item;
const canceled = (reasons: object[]) =>
  Object.assign(new Error('Transaction cancelled, please refer cancellation reasons for specific reasons'), {
    name: 'TransactionCanceledException',
    CancellationReasons: reasons,
    $metadata: { httpStatusCode: 400, requestId: 'R3' },
  });

describe('DynamoDB TransactGetItems', () => {
  it('DDB-40 returns items in request order across tables, null for a missing item, with projections', async () => {
    const [a, c] = [id(), id()];
    await seed(h.db.tableName, a, { name: 'A', secret: 's' });
    await seed(h.otherTable, c, { name: 'C' });
    const { result, error } = await h.run({
      operation: 'TransactGetItems',
      transactItems: [
        { table: 'other', key: key(c) },
        { table: 'main', key: key('missing') },
        { table: h.db.tableName, key: key(a), projection: { expression: '#n', expressionNames: { '#n': 'name' } } },
      ],
    });
    expect(error).toBeUndefined();
    expect(result).toEqual({ items: [{ ...plainKey(c), name: 'C' }, null, { name: 'A' }], cancellationReasons: null });
  });

  it('DDB-40 reports a cancelled read with items null and the reasons in request order', async () => {
    h.intercept((command) => {
      if (command.constructor.name !== 'TransactGetCommand') return undefined;
      throw canceled([{ Code: 'None' }, { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }]);
    });
    const { result, error } = await h.run({ operation: 'TransactGetItems', transactItems: [{ table: 'main', key: key(id()) }, { table: 'main', key: key(id()) }] });
    expect(result).toEqual({
      items: null,
      cancellationReasons: [
        { type: 'None', message: null },
        { type: 'TransactionConflict', message: 'Transaction is ongoing for the item' },
      ],
    });
    expect(error).toMatchObject({ type: 'DynamoDB:TransactionCanceledException', message: expect.stringMatching(/\(Service: DynamoDb, Status Code: 400\)$/) });
  });
});

describe('DynamoDB TransactWriteItems', () => {
  it('DDB-41 applies Put, Update, Delete and ConditionCheck atomically and returns the keys in order', async () => {
    const [p, u, d, c] = [id(), id(), id(), id()];
    await seed(h.db.tableName, u, { n: 1 });
    await seed(h.otherTable, d);
    await seed(h.db.tableName, c, { status: 'OPEN' });
    const { result, error } = await h.run({
      operation: 'TransactWriteItems',
      transactItems: [
        { table: 'main', operation: 'PutItem', key: key(p), attributeValues: { name: { S: 'new' } }, condition: { expression: 'attribute_not_exists(PK)' } },
        { table: 'main', operation: 'UpdateItem', key: key(u), update: { expression: 'SET n = n + :one', expressionValues: { ':one': { N: 1 } } } },
        { table: '#OTHER_TABLE#', operation: 'DeleteItem', key: key(d) },
        {
          table: 'main',
          operation: 'ConditionCheck',
          key: key(c),
          condition: JSON.stringify({ expression: '#s = :open', expressionNames: { '#s': 'status' }, expressionValues: { ':open': { S: 'OPEN' } } }),
        },
      ],
    });
    expect(error).toBeUndefined();
    expect(result).toEqual({ keys: [plainKey(p), plainKey(u), plainKey(d), plainKey(c)], cancellationReasons: null });
    expect(await stored(h.db.tableName, p)).toEqual({ ...plainKey(p), name: 'new' });
    expect((await stored(h.db.tableName, u))?.n).toBe(2);
    expect(await stored(h.otherTable, d)).toBeUndefined();
  });

  it('DDB-41 cancels on a failed condition: keys null, reasons in order with the current item, nothing written', async () => {
    const [p, c] = [id(), id()];
    await seed(h.db.tableName, c, { status: 'CLOSED' });
    const { result, error } = await h.run({
      operation: 'TransactWriteItems',
      transactItems: [
        { table: 'main', operation: 'PutItem', key: key(p), attributeValues: { name: { S: 'new' } } },
        { table: 'main', operation: 'ConditionCheck', key: key(c), condition: { expression: '#s = :open', expressionNames: { '#s': 'status' }, expressionValues: { ':open': { S: 'OPEN' } } } },
      ],
    });
    expect(error?.type).toBe('DynamoDB:TransactionCanceledException');
    expect(result.keys).toBeNull();
    expect(result.cancellationReasons).toEqual([
      { type: 'None', message: null },
      { type: 'ConditionalCheckFailed', message: expect.stringContaining('conditional request failed'), item: { ...plainKey(c), status: 'CLOSED' } },
    ]);
    expect(await stored(h.db.tableName, p)).toBeUndefined();
  });

  it('DDB-41 leaves the item out of a reason when returnValuesOnConditionCheckFailure is false', async () => {
    const c = id();
    await seed(h.db.tableName, c, { status: 'CLOSED' });
    const { result } = await h.run({
      operation: 'TransactWriteItems',
      transactItems: [
        { table: 'main', operation: 'DeleteItem', key: key(c), condition: { expression: 'attribute_not_exists(PK)', returnValuesOnConditionCheckFailure: false } },
      ],
    });
    expect(result.cancellationReasons).toEqual([{ type: 'ConditionalCheckFailed', message: expect.stringContaining('conditional request failed') }]);
    expect(result.cancellationReasons[0]).not.toHaveProperty('item');
    expect(await stored(h.db.tableName, c)).toBeDefined();
  });

  it("GAP-03 passes DynamoDB's reason code ConditionalCheckFailed through, not the doc example's ConditionCheckFailed", async () => {
    const c = id();
    await seed(h.db.tableName, c);
    const { result } = await h.run({
      operation: 'TransactWriteItems',
      transactItems: [{ table: 'main', operation: 'ConditionCheck', key: key(c), condition: { expression: 'attribute_not_exists(PK)' } }],
    });
    expect(result.cancellationReasons[0].type).toBe('ConditionalCheckFailed');
    expect(result.cancellationReasons[0].type).not.toBe('ConditionCheckFailed');
  });

  it('DDB-41 rejects malformed transaction items as MappingTemplate before calling DynamoDB', async () => {
    const before = h.calls.length;
    const bad = [
      { table: 'main', operation: 'ConditionCheck', key: key('x') },
      { table: 'main', operation: 'Explode', key: key('x') },
      { table: 'main', operation: 'UpdateItem', key: key('x') },
      { table: 'nowhere', operation: 'DeleteItem', key: key('x') },
      { table: 'main', operation: 'DeleteItem' },
    ];
    for (const item of bad) {
      await expect(h.run({ operation: 'TransactWriteItems', transactItems: [item] })).rejects.toMatchObject({ errorType: 'MappingTemplate' });
    }
    expect(h.calls.length).toBe(before);
  });

  it('LIM-11 rejects empty transactions and more than 100 items as MappingTemplate before calling DynamoDB', async () => {
    const before = h.calls.length;
    const reads = Array.from({ length: 101 }, (_, i) => ({ table: 'main', key: key(`k${i}`) }));
    await expect(h.run({ operation: 'TransactGetItems', transactItems: reads })).rejects.toMatchObject({ errorType: 'MappingTemplate' });
    await expect(h.run({ operation: 'TransactWriteItems', transactItems: [] })).rejects.toMatchObject({ errorType: 'MappingTemplate' });
    expect(h.calls.length).toBe(before);
    const { result } = await h.run({ operation: 'TransactGetItems', transactItems: reads.slice(0, 100) });
    expect(result.items).toHaveLength(100);
  });
});
