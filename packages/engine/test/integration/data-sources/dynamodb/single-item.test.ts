import { randomUUID } from 'node:crypto';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type DataSourceHarness } from './data-source';

let h: DataSourceHarness;
beforeAll(async () => {
  h = await createHarness();
});
beforeEach(() => {
  h.intercept(undefined);
  h.commands.length = 0;
});

const key = (pk = randomUUID(), sk = 'META') => ({ PK: { S: pk }, SK: { S: sk } });
const put = (k: object, attributeValues: object = {}, extra: object = {}) => h.run({ operation: 'PutItem', key: k, attributeValues, ...extra });
const get = (k: object, extra: object = {}) => h.run({ operation: 'GetItem', key: k, ...extra });
const raw = async (k: { PK: { S: string }; SK: { S: string } }) =>
  (await h.db.client.send(new GetItemCommand({ TableName: h.db.tableName, Key: k, ConsistentRead: true }))).Item;
const CONDITION_FAILED = 'DynamoDB:ConditionalCheckFailedException';

describe('DynamoDB typed values', () => {
  it('DDB-01 converts every typed value of a request to the stored DynamoDB type', async () => {
    const k = key();
    const { error } = await put(k, {
      count: { N: 12 },
      price: { N: '12.5' },
      nothing: { NULL: null },
      blob: { B: 'aGVsbG8=' },
      blobs: { BS: ['AQ==', 'Ag=='] },
      tags: { SS: ['a', 'b'] },
      scores: { NS: ['1', 2] },
      list: { L: [{ S: 'x' }, { N: 3 }] },
      map: { M: { on: { BOOL: true } } },
    });
    expect(error).toBeUndefined();
    const stored = await raw(k);
    expect(stored).toMatchObject({
      count: { N: '12' },
      price: { N: '12.5' },
      nothing: { NULL: true },
      list: { L: [{ S: 'x' }, { N: '3' }] },
      map: { M: { on: { BOOL: true } } },
    });
    expect(Buffer.from(stored!.blob!.B!).toString()).toBe('hello');
    expect(stored!.blobs!.BS!.map((b) => [...b])).toEqual(expect.arrayContaining([[1], [2]]));
    expect([...stored!.tags!.SS!].sort()).toEqual(['a', 'b']);
    expect([...stored!.scores!.NS!].sort()).toEqual(['1', '2']);
  });

  it('DDB-01 rejects a typed value with two type keys as MappingTemplate and writes nothing', async () => {
    const k = key();
    await expect(put(k, { bad: { S: 'x', N: 1 } })).rejects.toMatchObject({ errorType: 'MappingTemplate' });
    await expect(put(k, { bad: { N: 'twelve' } })).rejects.toMatchObject({ errorType: 'MappingTemplate' });
    expect(await raw(k)).toBeUndefined();
  });

  it('DDB-02 converts stored values to plain JSON in the result', async () => {
    const k = key();
    await put(k, { count: { N: 7 }, nothing: { NULL: null }, blob: { B: 'aGk=' }, tags: { SS: ['a'] }, scores: { NS: [1.5] }, nested: { M: { l: { L: [{ N: 1 }] } } } });
    const { result } = await get(k);
    expect(result).toEqual({
      PK: k.PK.S,
      SK: 'META',
      count: 7,
      nothing: null,
      blob: 'aGk=',
      tags: ['a'],
      scores: [1.5],
      nested: { l: [1] },
    });
  });
});

describe('DynamoDB number precision', () => {
  it('GAP-07 stores the digits of a numeric string beyond 2^53 and reads it back as a number', async () => {
    const k = key();
    const { error } = await put(k, { big: { N: '12345678901234567890' }, huge: { N: 2 ** 60 }, ids: { NS: ['98765432109876543210'] } });
    expect(error).toBeUndefined();
    const stored = await raw(k);
    expect(stored?.big).toEqual({ N: '12345678901234567890' });
    expect(stored?.huge).toEqual({ N: String(2n ** 60n) });
    const { result } = await get(k);
    expect(result.big).toBe(Number('12345678901234567890'));
    expect(result.ids).toEqual([Number('98765432109876543210')]);
    expect(JSON.stringify(result)).toContain('"huge":1152921504606847000');
  });
});

describe('DynamoDB request tolerance', () => {
  it('DDB-03 drops empty expressionNames/expressionValues and merges update and condition placeholders', async () => {
    const k = key();
    await put(k, { n: { N: 1 } });
    const { result, error } = await h.run({
      operation: 'UpdateItem',
      key: k,
      update: { expression: 'SET #n = #n + :one', expressionNames: { '#n': 'n' }, expressionValues: { ':one': { N: 1 } } },
      condition: { expression: 'attribute_exists(PK) AND #n = :one', expressionNames: { '#n': 'n' }, expressionValues: {} },
    });
    expect(error).toBeUndefined();
    expect(result.n).toBe(2);
    await expect(
      h.run({ operation: 'DeleteItem', key: k, condition: { expression: 'attribute_exists(PK)', expressionNames: {}, expressionValues: {} } }),
    ).resolves.toMatchObject({ result: { n: 2 } });
  });

  it('DDB-03 rejects a placeholder defined twice with different values', async () => {
    const k = key();
    await expect(
      h.run({
        operation: 'UpdateItem',
        key: k,
        update: { expression: 'SET #n = :v', expressionNames: { '#n': 'n' }, expressionValues: { ':v': { N: 1 } } },
        condition: { expression: '#n = :v', expressionNames: { '#n': 'n' }, expressionValues: { ':v': { N: 2 } } },
      }),
    ).rejects.toMatchObject({ errorType: 'MappingTemplate' });
  });

  it('DDB-04 ignores version and undefined fields and accepts a condition as a JSON string', async () => {
    const k = key();
    const first = await h.run({
      version: '2018-05-29',
      operation: 'PutItem',
      key: k,
      attributeValues: { a: { S: 'x' } },
      condition: JSON.stringify({ expression: 'attribute_not_exists(#pk)', expressionNames: { '#pk': 'PK' }, expressionValues: {} }),
      projection: undefined,
    });
    expect(first.error).toBeUndefined();
    const second = await put(k, { a: { S: 'y' } }, { condition: JSON.stringify({ expression: 'attribute_not_exists(PK)' }) });
    expect(second.error?.type).toBe(CONDITION_FAILED);
  });

  it('DDB-04 rejects a request without a known operation as MappingTemplate', async () => {
    await expect(h.run({ operation: 'Explode', key: key() })).rejects.toMatchObject({ errorType: 'MappingTemplate' });
    await expect(h.run(null)).rejects.toMatchObject({ errorType: 'MappingTemplate' });
  });
});

describe('DynamoDB single-item operations', () => {
  it('DDB-10 GetItem returns null for a missing item, honours projection and consistentRead', async () => {
    expect((await get(key())).result).toBeNull();
    const k = key();
    await put(k, { name: { S: 'Ada' }, secret: { S: 'x' } });
    const { result } = await get(k, { consistentRead: true, projection: { expression: '#n, PK', expressionNames: { '#n': 'name' } } });
    expect(result).toEqual({ name: 'Ada', PK: k.PK.S });
    expect(h.commands.at(-1)?.input).toMatchObject({ ConsistentRead: true });
  });

  it('DDB-11 PutItem stores key ∪ attributeValues, overwrites without a condition and returns the item', async () => {
    const k = key();
    await put(k, { a: { S: 'one' }, b: { N: 1 } });
    const { result } = await put(k, { a: { S: 'two' } });
    expect(result).toEqual({ PK: k.PK.S, SK: 'META', a: 'two' });
    expect((await get(k)).result).toEqual({ PK: k.PK.S, SK: 'META', a: 'two' });
  });

  it('DDB-12 UpdateItem returns the whole item after the update', async () => {
    const k = key();
    await put(k, { a: { S: 'keep' }, n: { N: 1 } });
    const { result } = await h.run({ operation: 'UpdateItem', key: k, update: { expression: 'SET n = n + :d', expressionValues: { ':d': { N: 4 } } } });
    expect(result).toEqual({ PK: k.PK.S, SK: 'META', a: 'keep', n: 5 });
  });

  it('DDB-13 DeleteItem returns the deleted item, or null when nothing was there', async () => {
    const k = key();
    await put(k, { a: { S: 'gone' } });
    expect((await h.run({ operation: 'DeleteItem', key: k })).result).toEqual({ PK: k.PK.S, SK: 'META', a: 'gone' });
    expect(await raw(k)).toBeUndefined();
    expect((await h.run({ operation: 'DeleteItem', key: k })).result).toBeNull();
  });
});

describe('DynamoDB condition blocks', () => {
  const ifAbsent = { expression: 'attribute_not_exists(PK)' };

  it('DDB-14 treats re-putting an identical item as success and returns the current item', async () => {
    const k = key();
    await put(k, { a: { S: 'same' } }, { condition: ifAbsent });
    const again = await put(k, { a: { S: 'same' } }, { condition: ifAbsent });
    expect(again.error).toBeUndefined();
    expect(again.result).toEqual({ PK: k.PK.S, SK: 'META', a: 'same' });
  });

  it('DDB-14 ignores equalsIgnore attributes when comparing, and rejects a real difference with the current item', async () => {
    const k = key();
    await put(k, { a: { S: 'same' }, updatedAt: { S: '1' } });
    const ignored = await put(k, { a: { S: 'same' }, updatedAt: { S: '2' } }, { condition: { ...ifAbsent, equalsIgnore: ['updatedAt'] } });
    expect(ignored.error).toBeUndefined();
    expect(ignored.result.updatedAt).toBe('1');
    const rejected = await put(k, { a: { S: 'different' } }, { condition: ifAbsent });
    expect(rejected.error).toMatchObject({ type: CONDITION_FAILED, message: expect.stringContaining('(Service: DynamoDb, Status Code: 400') });
    expect(rejected.result).toEqual({ PK: k.PK.S, SK: 'META', a: 'same', updatedAt: '1' });
  });

  it('DDB-14 treats deleting an already missing item as success, but UpdateItem has no such check', async () => {
    const k = key();
    const deleted = await h.run({ operation: 'DeleteItem', key: k, condition: { expression: 'attribute_exists(PK)' } });
    expect(deleted).toEqual({ result: null });
    await put(k, { n: { N: 1 } });
    const updated = await h.run({
      operation: 'UpdateItem',
      key: k,
      update: { expression: 'SET n = :two', expressionValues: { ':two': { N: 2 } } },
      condition: { expression: 'n = :zero', expressionValues: { ':zero': { N: 0 } }, conditionalCheckFailedHandler: { strategy: 'Reject' } },
    });
    expect(updated.error?.type).toBe(CONDITION_FAILED);
    expect(updated.result).toEqual({ PK: k.PK.S, SK: 'META', n: 1 });
  });

  it('DDB-14 re-reads strongly consistent unless the condition says consistentRead false', async () => {
    const k = key();
    await put(k, { a: { S: 'x' } });
    await put(k, { a: { S: 'y' } }, { condition: ifAbsent });
    expect(h.calls.at(-1)).toBe('GetCommand');
    expect(h.commands.at(-1)?.input).toMatchObject({ ConsistentRead: true });
    await put(k, { a: { S: 'y' } }, { condition: { ...ifAbsent, consistentRead: false } });
    expect(h.calls.at(-1)).toBe('GetCommand');
    expect(h.commands.at(-1)?.input).toMatchObject({ ConsistentRead: false });
  });

  it('DDB-14 rejects the Custom conflict handler as Unsupported before writing', async () => {
    const k = key();
    const custom = { ...ifAbsent, conditionalCheckFailedHandler: { strategy: 'Custom', lambdaArn: 'arn:aws:lambda:x' } };
    await expect(put(k, { a: { S: 'x' } }, { condition: custom })).rejects.toMatchObject({ errorType: 'Unsupported' });
    expect(await raw(k)).toBeUndefined();
  });
});

describe('DynamoDB errors', () => {
  it('DDB-50 reports validation errors as DynamoDB:DynamoDbException with the service suffix, without the request id', async () => {
    const { result, error } = await get({ PK: { S: 'only-a-partition-key' } });
    expect(result).toBeNull();
    expect(error?.type).toBe('DynamoDB:DynamoDbException');
    expect(error?.message).toMatch(/\(Service: DynamoDb, Status Code: 400\)$/);
    expect(error?.message).not.toMatch(/Request ID/);
  });

  it('DDB-50 keeps the name of modelled exceptions such as ProvisionedThroughputExceededException', async () => {
    h.intercept(() => {
      throw Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400, requestId: 'R1' } });
    });
    const { error } = await get(key());
    expect(error).toEqual({ type: 'DynamoDB:ProvisionedThroughputExceededException', message: 'Rate exceeded (Service: DynamoDb, Status Code: 400)' });
  });

  it('DDB-51 rejects conflict-detection fields as MappingTemplate and writes nothing', async () => {
    const k = key();
    for (const field of [{ _version: 1 }, { customPartitionKey: 'x' }, { populateIndexFields: true }]) {
      await expect(put(k, { a: { S: 'x' } }, field)).rejects.toMatchObject({ errorType: 'MappingTemplate' });
    }
    expect(await raw(k)).toBeUndefined();
  });
});

describe('DynamoDB condition re-read failures', () => {
  it('DDB-14 reports the re-read’s own failure when the re-read after a failed condition fails, rather than a successful delete', async () => {
    const k = key();
    await put(k, { a: { S: 'x' } });
    h.intercept((command) => {
      if (command.constructor.name === 'GetCommand') throw Object.assign(new Error('Service unavailable'), { name: 'InternalServerErrorException', $metadata: { httpStatusCode: 500 } });
      return undefined;
    });
    const outcome = await h.run({ operation: 'DeleteItem', key: k, condition: { expression: 'attribute_not_exists(PK)' } });
    expect(outcome).toEqual({ result: null, error: { type: 'DataSourceUnavailable', message: 'The data source is unavailable; try again later' } });
    h.intercept(undefined);
    expect(await raw(k)).toBeDefined();
  });
});
