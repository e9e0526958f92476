import { describe, expect, it } from 'vitest';
import * as ddb from '@aws-appsync/utils/dynamodb';

// (O) marks outputs recorded from AppSync with EvaluateCode; other tests pin our structure (I).
const key = { id: { S: 'test' } };

describe('@aws-appsync/utils/dynamodb request builders', () => {
  it('MOD-01 get builds a GetItem request with the key converted (O)', () => {
    expect(ddb.get({ key: { id: 'id' } })).toStrictEqual({ operation: 'GetItem', key: { id: { S: 'id' } } });
  });

  it('MOD-01 get turns projection paths into a projection expression with names per segment', () => {
    expect(ddb.get({ key: { id: 'a' }, consistentRead: true, projection: ['id', 'nested.list[1]', 'nested'] })).toEqual({
      operation: 'GetItem',
      key: { id: { S: 'a' } },
      consistentRead: true,
      projection: {
        expression: '#projection_0, #projection_1.#projection_2[1], #projection_1',
        expressionNames: { '#projection_0': 'id', '#projection_1': 'nested', '#projection_2': 'list' },
      },
    });
  });

  it('MOD-02 put converts the key and the item into attributeValues (O)', () => {
    expect(ddb.put<{ id: string; value: number }>({ key: { id: 'abc' }, item: { value: 10 } })).toStrictEqual({
      operation: 'PutItem',
      key: { id: { S: 'abc' } },
      attributeValues: { value: { N: 10 } },
    });
  });

  it('MOD-02 put renders its condition as an expression object, not a string', () => {
    const request = ddb.put<{ id: string; v: number }>({ key: { id: 'abc' }, item: { v: 1 }, condition: { id: { attributeExists: false } } });
    expect(request.condition).toEqual({ expression: '(attribute_not_exists(#id))', expressionNames: { '#id': 'id' }, expressionValues: {} });
  });

  it('MOD-03 remove builds a DeleteItem request (O) and carries a condition', () => {
    expect(ddb.remove({ key: { id: 'test' } })).toStrictEqual({ operation: 'DeleteItem', key });
    expect(ddb.remove({ key: { id: 'test' }, condition: { owner: { eq: 'me' } } }).condition).toEqual({
      expression: '(#owner = :owner_eq)',
      expressionNames: { '#owner': 'owner' },
      expressionValues: { ':owner_eq': { S: 'me' } },
    });
  });

  it('MOD-06 scan keeps exactly the given fields (O)', () => {
    expect(ddb.scan({ limit: 10, nextToken: 'abc' })).toStrictEqual({ operation: 'Scan', limit: 10, nextToken: 'abc' });
  });

  it('MOD-06 scan omits null and undefined inputs and renders its filter', () => {
    expect(ddb.scan({ limit: null, nextToken: undefined, filter: { done: { eq: true } }, segment: 0, totalSegments: 2 })).toStrictEqual({
      operation: 'Scan',
      segment: 0,
      totalSegments: 2,
      filter: { expression: '(#done = :done_eq)', expressionNames: { '#done': 'done' }, expressionValues: { ':done_eq': { BOOL: true } } },
    });
  });

  it('MOD-05 query compiles the key condition and keeps the paging options', () => {
    const request = ddb.query<{ PK: string; SK: string }>({
      query: { PK: { eq: 'COMPANY#1' }, SK: { beginsWith: 'JOB#' } },
      index: 'GSI1',
      limit: 5,
      scanIndexForward: false,
      select: 'ALL_ATTRIBUTES',
    });
    expect(request).toStrictEqual({
      operation: 'Query',
      query: {
        expression: '#PK = :PK_eq AND begins_with(#SK, :SK_beginsWith)',
        expressionNames: { '#PK': 'PK', '#SK': 'SK' },
        expressionValues: { ':PK_eq': { S: 'COMPANY#1' }, ':SK_beginsWith': { S: 'JOB#' } },
      },
      index: 'GSI1',
      limit: 5,
      scanIndexForward: false,
      select: 'ALL_ATTRIBUTES',
    });
  });

  it('MOD-05 query renders between and the comparisons on the sort key, and rejects other operators', () => {
    expect(ddb.query<{ PK: string; n: number }>({ query: { PK: { eq: 'a' }, n: { between: [1, 5] } } }).query.expression).toBe(
      '#PK = :PK_eq AND #n BETWEEN :n_between_start AND :n_between_end',
    );
    expect(ddb.query<{ PK: string; n: number }>({ query: { PK: { eq: 'a' }, n: { ge: 2 } } }).query.expression).toBe('#PK = :PK_eq AND #n >= :n_ge');
    expect(() => ddb.query({ query: { PK: { contains: 'a' } } } as never)).toThrow(/unsupported key condition PK.contains/);
  });

  it('MOD-07 sync returns the Sync request object', () => {
    expect(ddb.sync({ limit: 10, nextToken: 'abc', lastSync: 1 })).toStrictEqual({ operation: 'Sync', limit: 10, nextToken: 'abc', lastSync: 1 });
  });

  it('MOD-08 batchGet, batchPut and batchDelete convert keys and items per table', () => {
    expect(ddb.batchGet({ tables: { post: { keys: [{ id: '1' }, { id: '2' }], consistentRead: true } } })).toStrictEqual({
      operation: 'BatchGetItem',
      tables: { post: { keys: [{ id: { S: '1' } }, { id: { S: '2' } }], consistentRead: true } },
    });
    expect(ddb.batchPut({ tables: { post: [{ id: 'one', value: 1 }] } })).toStrictEqual({
      operation: 'BatchPutItem',
      tables: { post: [{ id: { S: 'one' }, value: { N: 1 } }] },
    });
    expect(ddb.batchDelete({ tables: { post: [{ id: 'one' }] } })).toStrictEqual({ operation: 'BatchDeleteItem', tables: { post: [{ id: { S: 'one' } }] } });
  });

  it('MOD-09 transactGet lists the items with converted keys and projections', () => {
    expect(ddb.transactGet({ items: [{ table: 'post', key: { id: '1' }, projection: ['name'] }] })).toStrictEqual({
      operation: 'TransactGetItems',
      transactItems: [{ table: 'post', key: { id: { S: '1' } }, projection: { expression: '#projection_0', expressionNames: { '#projection_0': 'name' } } }],
    });
  });

  it('MOD-09 transactWrite sets operation per kind, item → attributeValues and compiles updates', () => {
    const request = ddb.transactWrite({
      items: [
        { putItem: { table: 'post', key: { id: '1' }, item: { title: 'x' }, condition: { id: { attributeExists: false } } } },
        { updateItem: { table: 'post', key: { id: '2' }, update: { views: ddb.operations.increment(1) } } },
        { deleteItem: { table: 'post', key: { id: '3' } } },
        { conditionCheck: { table: 'post', key: { id: '4' }, condition: { locked: { eq: false } } } },
      ],
    });
    expect(request.transactItems.map((item) => [item.operation, item.table])).toEqual([
      ['PutItem', 'post'],
      ['UpdateItem', 'post'],
      ['DeleteItem', 'post'],
      ['ConditionCheck', 'post'],
    ]);
    expect(request.transactItems[0]).toMatchObject({ attributeValues: { title: { S: 'x' } }, condition: { expression: '(attribute_not_exists(#id))' } });
    expect(request.transactItems[1]).toMatchObject({ update: { expression: 'SET #expName_1 = #expName_1 + :expValue_1' } });
    expect(request.transactItems[2]).toStrictEqual({ table: 'post', operation: 'DeleteItem', key: { id: { S: '3' } } });
    expect(() => ddb.transactWrite({ items: [{} as never] })).toThrow(/putItem, updateItem, deleteItem or conditionCheck/);
  });

  it('MOD-10 toStringSet, toNumberSet and toBinarySet build sets', () => {
    expect(ddb.toStringSet(['a', 'b'])).toEqual({ SS: ['a', 'b'] });
    expect(ddb.toNumberSet([1, 2.5])).toEqual({ NS: [1, 2.5] });
    expect(ddb.toBinarySet(['SGVsbG8='])).toEqual({ BS: ['SGVsbG8='] });
  });

  it('MOD-12 helper conditions accept a single object for and/or and skip empty parts', () => {
    const request = ddb.put({ key: { id: 'a' }, item: {}, condition: { and: { id: { attributeExists: true } }, v: {} } as never });
    expect(request.condition).toEqual({ expression: '(attribute_exists(#id))', expressionNames: { '#id': 'id' }, expressionValues: {} });
    expect(ddb.scan({ filter: {} })).toStrictEqual({ operation: 'Scan' });
  });

  it('MOD-12 helper conditions wrap a multi-field object under not so NOT covers all of it', () => {
    const { filter } = ddb.scan({ filter: { not: { a: { eq: 1 }, b: { eq: 2 } } } });
    expect(filter?.expression).toBe('(NOT ((#a = :not_a_eq) AND (#b = :not_b_eq)))');
  });

  it('MOD-12 a filter the grammar cannot express throws instead of producing a broken request', () => {
    expect(() => ddb.scan({ filter: { v: { foo: 1 } } as never })).toThrow(/unknown filter operator foo/);
    expect(() => ddb.scan({ filter: { v: { in: [] } } })).toThrow(/at least one value/);
  });
});
