import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BATCH_RETRIES } from '@appsync-lambda/engine';
import { createHarness, type DataSourceHarness } from './data-source';

let h: DataSourceHarness;
beforeAll(async () => {
  h = await createHarness();
});
beforeEach(() => h.intercept(undefined));

const id = () => randomUUID();
const key = (pk: string) => ({ PK: { S: pk }, SK: { S: 'META' } });
const item = (pk: string, extra: object = {}) => ({ ...key(pk), name: { S: `name of ${pk}` }, ...extra });
const plain = (pk: string) => ({ PK: pk, SK: 'META', name: `name of ${pk}` });
const putItems = (table: string, pks: string[]) => h.run({ operation: 'BatchPutItem', tables: { [table]: pks.map((pk) => item(pk)) } });
const stored = async (table: string, pk: string) => (await h.db.doc.send(new GetCommand({ TableName: table, Key: { PK: pk, SK: 'META' }, ConsistentRead: true }))).Item;
const throughputError = () =>
  Object.assign(new Error('Throughput exceeds the current capacity of your table'), { name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400, requestId: 'R2' } });

describe('DynamoDB BatchGetItem', () => {
  it('DDB-30 BatchGetItem returns items in request order with null for missing keys, across tables', async () => {
    const [a, b, c] = [id(), id(), id()];
    await putItems('main', [a, b]);
    await putItems('other', [c]);
    const { result, error } = await h.run({
      operation: 'BatchGetItem',
      tables: { main: { keys: [key(b), key('missing'), key(a)] }, other: [key(c), key('missing')] },
    });
    expect(error).toBeUndefined();
    expect(result).toEqual({
      data: { main: [plain(b), null, plain(a)], other: [plain(c), null] },
      unprocessedKeys: { main: [], other: [] },
    });
    expect(h.calls.filter((name) => name === 'BatchGetCommand').length).toBeGreaterThan(0);
  });

  it('DDB-30 answers duplicate keys from one read and maps a projection without key attributes back to its keys', async () => {
    const [a, b] = [id(), id()];
    await putItems('main', [a, b]);
    h.commands.length = 0;
    const { result } = await h.run({
      operation: 'BatchGetItem',
      tables: { main: { keys: [key(b), key(a), key(b)], consistentRead: true, projection: { expression: '#n', expressionNames: { '#n': 'name' } } } },
    });
    expect(result.data.main).toEqual([{ name: `name of ${b}` }, { name: `name of ${a}` }, { name: `name of ${b}` }]);
    const [sent] = h.commands;
    expect(sent?.input.RequestItems[h.db.tableName]).toMatchObject({ ConsistentRead: true });
    expect(sent?.input.RequestItems[h.db.tableName].Keys).toHaveLength(2);
  });

  it('DDB-05 accepts logical names, placeholders and real names, and keys results by the name used', async () => {
    const [a, c] = [id(), id()];
    await putItems(h.db.tableName, [a]);
    await putItems('#OTHER_TABLE#', [c]);
    const { result } = await h.run({ operation: 'BatchGetItem', tables: { [h.db.tableName]: [key(a)], '#OTHER_TABLE#': [key(c)] } });
    expect(result.data).toEqual({ [h.db.tableName]: [plain(a)], '#OTHER_TABLE#': [plain(c)] });
    expect(await stored(h.otherTable, c)).toEqual(plain(c));
  });

  it('DDB-05 rejects an unconfigured table and a table named twice as MappingTemplate', async () => {
    await expect(h.run({ operation: 'BatchGetItem', tables: { elsewhere: [key('x')] } })).rejects.toMatchObject({ errorType: 'MappingTemplate' });
    await expect(h.run({ operation: 'BatchGetItem', tables: { other: [key('x')], [h.otherTable]: [key('y')] } })).rejects.toMatchObject({
      errorType: 'MappingTemplate',
    });
    await expect(h.run({ operation: 'BatchGetItem', tables: {} })).rejects.toMatchObject({ errorType: 'MappingTemplate' });
  });

  it('DDB-33 retries unprocessed keys with backoff until DynamoDB has processed them', async () => {
    const [a, b] = [id(), id()];
    await putItems('main', [a, b]);
    h.intercept((command, attempt) => {
      if (command.constructor.name !== 'BatchGetCommand' || attempt > 1) return undefined;
      const table = h.db.tableName;
      return { Responses: { [table]: [plain(a)] }, UnprocessedKeys: { [table]: { Keys: [{ PK: b, SK: 'META' }] } } };
    });
    const { result, error } = await h.run({ operation: 'BatchGetItem', tables: { main: [key(a), key(b)] } });
    expect(error).toBeUndefined();
    expect(result.data.main).toEqual([plain(a), plain(b)]);
    expect(h.commands.at(-1)?.input.RequestItems[h.db.tableName].Keys).toEqual([{ PK: b, SK: 'META' }]);
  });

  it('DDB-33 reports keys still unprocessed after the retries with null data and ctx.error', async () => {
    const [a, b] = [id(), id()];
    await putItems('main', [a, b]);
    let batchCalls = 0;
    h.intercept((command) => {
      if (command.constructor.name !== 'BatchGetCommand') return undefined;
      batchCalls += 1;
      const table = h.db.tableName;
      const keys = command.input.RequestItems[table].Keys as Array<{ PK: string }>;
      return {
        Responses: { [table]: keys.some((k) => k.PK === a) ? [plain(a)] : [] },
        UnprocessedKeys: { [table]: { Keys: [{ PK: b, SK: 'META' }] } },
      };
    });
    const { result, error } = await h.run({ operation: 'BatchGetItem', tables: { main: { keys: [key(b), key(a)] } } });
    expect(batchCalls).toBe(1 + MAX_BATCH_RETRIES);
    expect(result).toEqual({ data: { main: [null, plain(a)] }, unprocessedKeys: { main: [{ PK: b, SK: 'META' }] } });
    expect(error?.type).toBe('DynamoDB:ProvisionedThroughputExceededException');
  });

  it('DDB-33 turns a failed batch call into ctx.error with a null result', async () => {
    h.intercept((command) => {
      if (command.constructor.name === 'BatchGetCommand') throw throughputError();
      return undefined;
    });
    const outcome = await h.run({ operation: 'BatchGetItem', tables: { main: [key(id())] } });
    expect(outcome).toEqual({ result: null, error: { type: 'DynamoDB:ProvisionedThroughputExceededException', message: 'Throughput exceeds the current capacity of your table (Service: DynamoDb, Status Code: 400)' } });
  });
});

describe('DynamoDB BatchPutItem and BatchDeleteItem', () => {
  it('DDB-31 BatchPutItem writes every item and returns them in request order, per table', async () => {
    const [a, b, c] = [id(), id(), id()];
    const { result, error } = await h.run({
      operation: 'BatchPutItem',
      tables: { main: [item(a, { n: { N: 1 } }), item(b)], other: [item(c, { tags: { SS: ['x'] } })] },
    });
    expect(error).toBeUndefined();
    expect(result).toEqual({
      data: { main: [{ ...plain(a), n: 1 }, plain(b)], other: [{ ...plain(c), tags: ['x'] }] },
      unprocessedItems: { main: [], other: [] },
    });
    expect(await stored(h.db.tableName, a)).toEqual({ ...plain(a), n: 1 });
    expect(await stored(h.otherTable, c)).toEqual({ ...plain(c), tags: new Set(['x']) });
  });

  it('DDB-32 BatchDeleteItem deletes the keys and returns only the keys, from a bare list or { keys }', async () => {
    const [a, b, c] = [id(), id(), id()];
    await putItems('main', [a, b]);
    await putItems('other', [c]);
    const { result, error } = await h.run({ operation: 'BatchDeleteItem', tables: { main: [key(a), key(b)], other: { keys: [key(c)] } } });
    expect(error).toBeUndefined();
    expect(result).toEqual({
      data: { main: [{ PK: a, SK: 'META' }, { PK: b, SK: 'META' }], other: [{ PK: c, SK: 'META' }] },
      unprocessedKeys: { main: [], other: [] },
    });
    expect(await stored(h.db.tableName, a)).toBeUndefined();
    expect(await stored(h.otherTable, c)).toBeUndefined();
  });

  it('DDB-33 reports items DynamoDB never processes in unprocessedItems, with null data and ctx.error', async () => {
    const [a, b] = [id(), id()];
    const table = h.db.tableName;
    h.intercept(async (command) => {
      if (command.constructor.name !== 'BatchWriteCommand') return undefined;
      const requests = command.input.RequestItems[table] as Array<{ PutRequest: { Item: { PK: string } } }>;
      const kept = requests.filter((request) => request.PutRequest.Item.PK !== b);
      if (kept.length) await h.db.doc.send(new BatchWriteCommand({ RequestItems: { [table]: kept } }));
      return { UnprocessedItems: { [table]: requests.filter((request) => request.PutRequest.Item.PK === b) } };
    });
    const { result, error } = await h.run({ operation: 'BatchPutItem', tables: { main: [item(a), item(b)] } });
    expect(result).toEqual({ data: { main: [plain(a), null] }, unprocessedItems: { main: [plain(b)] } });
    expect(error?.type).toBe('DynamoDB:ProvisionedThroughputExceededException');
    expect(await stored(table, a)).toEqual(plain(a));
    expect(await stored(table, b)).toBeUndefined();
  });

  it('DDB-33 keeps what was written when a retry fails, reporting the rest as unprocessed with the retry error', async () => {
    const [a, b] = [id(), id()];
    const table = h.db.tableName;
    h.intercept(async (command, attempt) => {
      if (command.constructor.name !== 'BatchWriteCommand') return undefined;
      if (attempt > 1) throw throughputError();
      const requests = command.input.RequestItems[table] as Array<{ PutRequest: { Item: { PK: string } } }>;
      await h.db.doc.send(new BatchWriteCommand({ RequestItems: { [table]: requests.filter((r) => r.PutRequest.Item.PK === a) } }));
      return { UnprocessedItems: { [table]: requests.filter((r) => r.PutRequest.Item.PK === b) } };
    });
    const { result, error } = await h.run({ operation: 'BatchPutItem', tables: { main: [item(a), item(b)] } });
    expect(result).toEqual({ data: { main: [plain(a), null] }, unprocessedItems: { main: [plain(b)] } });
    expect(error).toMatchObject({ type: 'DynamoDB:ProvisionedThroughputExceededException', message: 'Throughput exceeds the current capacity of your table (Service: DynamoDb, Status Code: 400)' });
    expect(await stored(table, a)).toEqual(plain(a));
  });

  it('DDB-33 lists keys of a BatchDeleteItem left unprocessed under unprocessedKeys', async () => {
    const [a, b] = [id(), id()];
    await putItems('main', [a, b]);
    const table = h.db.tableName;
    h.intercept((command) => {
      if (command.constructor.name !== 'BatchWriteCommand') return undefined;
      return { UnprocessedItems: { [table]: [{ DeleteRequest: { Key: { SK: 'META', PK: b } } }] } };
    });
    const { result } = await h.run({ operation: 'BatchDeleteItem', tables: { main: [key(a), key(b)] } });
    expect(result).toEqual({ data: { main: [{ PK: a, SK: 'META' }, null] }, unprocessedKeys: { main: [{ PK: b, SK: 'META' }] } });
  });
});

describe('DynamoDB batch limits', () => {
  it('LIM-11 rejects more than 100 keys in BatchGetItem and more than 25 items in BatchPut/DeleteItem before calling DynamoDB', async () => {
    const before = h.calls.length;
    const keys = (n: number) => Array.from({ length: n }, (_, i) => key(`k${i}`));
    await expect(h.run({ operation: 'BatchGetItem', tables: { main: keys(60), other: keys(41) } })).rejects.toMatchObject({ errorType: 'MappingTemplate' });
    await expect(h.run({ operation: 'BatchPutItem', tables: { main: keys(20).map((k) => ({ ...k })), other: keys(6) } })).rejects.toMatchObject({
      errorType: 'MappingTemplate',
    });
    await expect(h.run({ operation: 'BatchDeleteItem', tables: { main: { keys: keys(26) } } })).rejects.toMatchObject({ errorType: 'MappingTemplate' });
    expect(h.calls.length).toBe(before);
    const { result } = await h.run({ operation: 'BatchGetItem', tables: { main: keys(100) } });
    expect(result.data.main).toHaveLength(100);
  });

  it('GAP-01 accepts BatchGetItem and BatchDeleteItem keys as { keys } or a bare list, and rejects anything else', async () => {
    const a = id();
    await putItems('main', [a]);
    const wrapped = await h.run({ operation: 'BatchGetItem', tables: { main: { keys: [key(a)] } } });
    const bare = await h.run({ operation: 'BatchGetItem', tables: { main: [key(a)] } });
    expect(wrapped.result).toEqual(bare.result);
    await expect(h.run({ operation: 'BatchGetItem', tables: { main: key(a) } })).rejects.toMatchObject({ errorType: 'MappingTemplate' });
    await expect(h.run({ operation: 'BatchDeleteItem', tables: { main: 'nope' } })).rejects.toMatchObject({ errorType: 'MappingTemplate' });
  });
});

