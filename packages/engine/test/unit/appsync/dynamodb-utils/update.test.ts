import { describe, expect, it } from 'vitest';
import { operations, update } from '@aws-appsync/utils/dynamodb';

// (O) marks outputs recorded from AppSync with EvaluateCode; the rest pins our structure (GAP-04:
// the integration tests check what those expressions do to a stored item).
const key = { id: { S: 'test' } };
const single = (expression: string, name: string, value: unknown) => ({
  operation: 'UpdateItem',
  key,
  update: { expression, expressionNames: { '#expName_1': name }, expressionValues: { ':expValue_1': value } },
});

describe('update', () => {
  it('MOD-11 operations return objects shaped like AppSync’s (O)', () => {
    expect(operations.add(10)).toStrictEqual({ type: 'OPERATION_ADD', value: 10 });
    expect(operations.replace({ a: 10 })).toStrictEqual({ type: 'OPERATION_REPLACE', value: { a: 10 } });
    expect(operations.increment(10)).toStrictEqual({ type: 'OPERATION_INCREMENT', by: 10 });
    expect(operations.decrement(10)).toStrictEqual({ type: 'OPERATION_DECREMENT', by: 10 });
    expect(operations.append([1, 2, 3])).toStrictEqual({ type: 'OPERATION_APPEND', items: [1, 2, 3] });
    expect(operations.prepend([1, 2, 3])).toStrictEqual({ type: 'OPERATION_PREPEND', items: [1, 2, 3] });
  });

  it('MOD-04 add is a SET of the whole value, not DynamoDB ADD (O)', () => {
    expect(update({ key: { id: 'test' }, update: { age: operations.add(10) } })).toStrictEqual(single('SET #expName_1 = :expValue_1', 'age', { N: 10 }));
  });

  it('MOD-04 replace sets the whole value (O)', () => {
    expect(update({ key: { id: 'test' }, update: { values: operations.replace({ a: 10 }) } } as never)).toStrictEqual(
      single('SET #expName_1 = :expValue_1', 'values', { M: { a: { N: 10 } } }),
    );
  });

  it('MOD-04 increment and decrement add to the stored number (O)', () => {
    expect(update({ key: { id: 'test' }, update: { age: operations.increment(10) } })).toStrictEqual(
      single('SET #expName_1 = #expName_1 + :expValue_1', 'age', { N: 10 }),
    );
    expect(update({ key: { id: 'test' }, update: { age: operations.decrement(10) } })).toStrictEqual(
      single('SET #expName_1 = #expName_1 - :expValue_1', 'age', { N: 10 }),
    );
  });

  it('MOD-04 increment and decrement default to 1', () => {
    expect(update({ key: { id: 'test' }, update: { age: operations.increment() } }).update.expressionValues).toEqual({ ':expValue_1': { N: 1 } });
  });

  it('MOD-04 append and prepend use list_append with the list as L (O)', () => {
    const list = { L: [{ N: 1 }, { N: 2 }, { N: 3 }] };
    expect(update({ key: { id: 'test' }, update: { values: operations.append([1, 2, 3]) } } as never)).toStrictEqual(
      single('SET #expName_1 = list_append(#expName_1, :expValue_1)', 'values', list),
    );
    expect(update({ key: { id: 'test' }, update: { values: operations.prepend([1, 2, 3]) } } as never)).toStrictEqual(
      single('SET #expName_1 = list_append(:expValue_1, #expName_1)', 'values', list),
    );
  });

  it('MOD-04 joins plain values in one SET clause and sets null as NULL (O, 7-field example)', () => {
    const request = update({ key: { id: 'u' }, update: { name: 'Toni Test', imageUrl: null, bio: undefined, location: null } });
    expect(request.update).toStrictEqual({
      expression: 'SET #expName_1 = :expValue_1, #expName_2 = :expValue_2, #expName_3 = :expValue_3',
      expressionNames: { '#expName_1': 'name', '#expName_2': 'imageUrl', '#expName_3': 'location' },
      expressionValues: { ':expValue_1': { S: 'Toni Test' }, ':expValue_2': { NULL: null }, ':expValue_3': { NULL: null } },
    });
  });

  it('MOD-04 remove puts the attribute in a REMOVE clause after SET', () => {
    const request = update({ key: { id: 'u' }, update: { nickname: operations.remove(), name: 'x' } } as never);
    expect(request.update).toStrictEqual({
      expression: 'SET #expName_2 = :expValue_1 REMOVE #expName_1',
      expressionNames: { '#expName_1': 'nickname', '#expName_2': 'name' },
      expressionValues: { ':expValue_1': { S: 'x' } },
    });
  });

  it('MOD-04 a list of updateListItem sets each index', () => {
    const request = update({ key: { id: 'u' }, update: { friends: [operations.updateListItem('102', 1), operations.updateListItem('112', 2)] } } as never);
    expect(request.update).toStrictEqual({
      expression: 'SET #expName_1[1] = :expValue_1, #expName_1[2] = :expValue_2',
      expressionNames: { '#expName_1': 'friends' },
      expressionValues: { ':expValue_1': { S: '102' }, ':expValue_2': { S: '112' } },
    });
  });

  it('MOD-04 a plain nested object updates only the paths it names', () => {
    const request = update({ key: { id: 'u' }, update: { address: { city: 'Paris', zip: undefined } } } as never);
    expect(request.update).toStrictEqual({
      expression: 'SET #expName_1.#expName_2 = :expValue_1',
      expressionNames: { '#expName_1': 'address', '#expName_2': 'city' },
      expressionValues: { ':expValue_1': { S: 'Paris' } },
    });
  });

  it('MOD-04 a plain list replaces the whole list', () => {
    expect(update({ key: { id: 'u' }, update: { tags: ['a'] } } as never).update.expression).toBe('SET #expName_1 = :expValue_1');
  });

  it('MOD-04 a condition object becomes the condition block', () => {
    expect(update({ key: { id: 'u' }, update: { n: 1 }, condition: { version: { eq: 3 } } } as never).condition).toEqual({
      expression: '(#version = :version_eq)',
      expressionNames: { '#version': 'version' },
      expressionValues: { ':version_eq': { N: 3 } },
    });
  });

  it('MOD-04 rejects a missing update object and a negative list index', () => {
    expect(() => update({ key: { id: 'u' }, update: null } as never)).toThrow(TypeError);
    expect(() => update({ key: { id: 'u' }, update: { l: [operations.updateListItem('x', -1)] } } as never)).toThrow(/index/);
  });
});
