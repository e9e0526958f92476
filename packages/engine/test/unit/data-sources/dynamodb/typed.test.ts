import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { canonical, resolveTable, tableEntries, fromTyped, fromTypedMap, itemResult, toResult } from '@appsync-lambda/engine/testing';

const thrown = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('typed values', () => {
  it('DDB-01 converts each typed value to its native form', () => {
    expect(fromTyped({ S: 'a' })).toBe('a');
    expect(fromTyped({ N: 3 })).toBe(3);
    expect(fromTyped({ N: ' -4.5 ' })).toBe(-4.5);
    expect(fromTyped({ NULL: null })).toBeNull();
    expect(fromTyped({ BOOL: false })).toBe(false);
    expect(Buffer.from(fromTyped({ B: 'aGk=' }) as Uint8Array).toString()).toBe('hi');
    expect(fromTyped({ SS: ['a', 'b'] })).toEqual(new Set(['a', 'b']));
    expect(fromTyped({ NS: ['1', 2] })).toEqual(new Set([1, 2]));
    expect(fromTyped({ L: [{ S: 'x' }, { M: { y: { N: 1 } } }] })).toEqual(['x', { y: 1 }]);
    expect(fromTyped({ N: '123456789012345678901' })).toBeInstanceOf(NumberValue);
  });

  it('DDB-01 rejects values that are not exactly one known type as MappingTemplate', () => {
    for (const bad of [{ S: 'a', N: 1 }, {}, { X: 1 }, { N: 'abc' }, { BOOL: 'true' }, { S: 1 }, { L: 'x' }, 'plain', null]) {
      expect(thrown(() => fromTyped(bad))).toMatchObject({ errorType: 'MappingTemplate' });
    }
    expect(thrown(() => fromTypedMap([], 'key'))).toMatchObject({ errorType: 'MappingTemplate', message: expect.stringContaining('key') });
  });

  it('DDB-02 converts native results to JSON: sets to lists, bytes to base64, big integers to numbers', () => {
    expect(toResult(new Set(['a']))).toEqual(['a']);
    expect(toResult(new Uint8Array([104, 105]))).toBe('aGk=');
    expect(toResult(10n ** 20n)).toBe(1e20);
    expect(itemResult(undefined)).toBeNull();
    expect(itemResult({ m: { s: new Set([1]) } })).toEqual({ m: { s: [1] } });
  });
});

describe('canonical', () => {
  it('is equal for equal values whatever the order of map keys and set members', () => {
    expect(canonical({ a: 1, b: new Set(['x', 'y']) })).toBe(canonical({ b: new Set(['y', 'x']), a: 1 }));
    expect(canonical({ a: new Uint8Array([1]) })).not.toBe(canonical({ a: new Uint8Array([2]) }));
    expect(canonical({ n: 10n ** 20n })).toBe(canonical({ n: NumberValue.from('100000000000000000000') }));
    expect(canonical({ a: new Set(['1']) })).not.toBe(canonical({ a: new Set(['2']) }));
  });
});

describe('table names', () => {
  const call = { tables: { main: 'real-main', '#USERS_TABLE#': 'real-users' } };

  it('DDB-05 resolves logical names, placeholders and real names, and nothing else', () => {
    expect(resolveTable('main', call, 't')).toBe('real-main');
    expect(resolveTable('#USERS_TABLE#', call, 't')).toBe('real-users');
    expect(resolveTable('real-users', call, 't')).toBe('real-users');
    expect(thrown(() => resolveTable('toString', call, 't'))).toMatchObject({ errorType: 'MappingTemplate' });
    expect(thrown(() => resolveTable(undefined, call, 't'))).toMatchObject({ errorType: 'MappingTemplate' });
  });

  it('DDB-05 rejects a batch naming one table under two names', () => {
    expect(thrown(() => tableEntries({ operation: 'BatchGetItem', tables: { main: [], 'real-main': [] } }, call))).toMatchObject({ errorType: 'MappingTemplate' });
    expect(tableEntries({ operation: 'BatchGetItem', tables: { main: [1] } }, call)).toEqual([['main', 'real-main', [1]]]);
  });
});
