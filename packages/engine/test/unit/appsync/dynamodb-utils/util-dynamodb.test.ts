import { describe, expect, it } from 'vitest';
import { util } from '@aws-appsync/utils';

const { dynamodb } = util;

// Expected values are AppSync's recorded outputs (EvaluateCode) unless a test says otherwise.
describe('util.dynamodb', () => {
  it('UTIL-D1 toDynamoDB types strings, numbers (as JS numbers) and booleans', () => {
    expect(dynamodb.toDynamoDB('test')).toEqual({ S: 'test' });
    expect(dynamodb.toDynamoDB(12345)).toEqual({ N: 12345 });
    expect(dynamodb.toDynamoDB(true)).toEqual({ BOOL: true });
  });

  it('UTIL-D1 toDynamoDB types null as { NULL: null } and lists as L, never as sets', () => {
    expect(dynamodb.toDynamoDB(null)).toEqual({ NULL: null });
    expect(dynamodb.toDynamoDB(['a', 'b'])).toEqual({ L: [{ S: 'a' }, { S: 'b' }] });
  });

  it('UTIL-D1 toDynamoDB converts objects recursively and drops undefined members', () => {
    expect(dynamodb.toDynamoDB({ foo: 'bar', baz: 1234, beep: ['boop'], gone: undefined, deep: { n: null } })).toEqual({
      M: { foo: { S: 'bar' }, baz: { N: 1234 }, beep: { L: [{ S: 'boop' }] }, deep: { M: { n: { NULL: null } } } },
    });
  });

  it('UTIL-D1 toDynamoDB rejects values JSON cannot hold', () => {
    expect(() => dynamodb.toDynamoDB(() => 1)).toThrow(TypeError);
  });

  it('UTIL-D2 the scalar helpers build one typed value each', () => {
    expect(dynamodb.toString('test')).toEqual({ S: 'test' });
    expect(dynamodb.toNumber(12345)).toEqual({ N: 12345 });
    expect(dynamodb.toBinary('foo')).toEqual({ B: 'foo' });
    expect(dynamodb.toBoolean(true)).toEqual({ BOOL: true });
    expect(dynamodb.toNull()).toEqual({ NULL: null });
  });

  it('UTIL-D2 the set helpers keep their element types (NS stays numeric)', () => {
    expect(dynamodb.toStringSet(['foo', 'bar', 'baz'])).toEqual({ SS: ['foo', 'bar', 'baz'] });
    expect(dynamodb.toNumberSet([1, 23, 4.56])).toEqual({ NS: [1, 23, 4.56] });
    expect(dynamodb.toBinarySet(['foo', 'bar', 'baz'])).toEqual({ BS: ['foo', 'bar', 'baz'] });
  });

  it('UTIL-D2 the single-value helpers return null for null and undefined', () => {
    for (const helper of [dynamodb.toString, dynamodb.toNumber, dynamodb.toBoolean, dynamodb.toBinary] as Array<(v: null | undefined) => unknown>) {
      expect(helper(null)).toBeNull();
      expect(helper(undefined)).toBeNull();
    }
    expect(dynamodb.toStringSet(undefined)).toBeNull();
    expect(dynamodb.toNumberSet(null)).toBeNull();
  });

  it('UTIL-D3 toList converts every element', () => {
    expect(dynamodb.toList(['foo', 123, { bar: 'baz' }])).toEqual({ L: [{ S: 'foo' }, { N: 123 }, { M: { bar: { S: 'baz' } } }] });
  });

  it('UTIL-D3 toMap wraps converted members in M and toMapValues returns them bare', () => {
    const input = { foo: 'bar', baz: 1234, beep: ['boop'] };
    const members = { foo: { S: 'bar' }, baz: { N: 1234 }, beep: { L: [{ S: 'boop' }] } };
    expect(dynamodb.toMap(input)).toEqual({ M: members });
    expect(dynamodb.toMapValues(input)).toEqual(members);
  });

  it('UTIL-D4 toS3Object stores compact JSON in key, bucket, region, version order', () => {
    expect(dynamodb.toS3Object('foo', 'bar', 'baz')).toEqual({ S: '{"s3":{"key":"foo","bucket":"bar","region":"baz"}}' });
    expect(dynamodb.toS3Object('foo', 'bar', 'baz', 'beep')).toEqual({
      S: '{"s3":{"key":"foo","bucket":"bar","region":"baz","version":"beep"}}',
    });
  });

  it('UTIL-D4 fromS3ObjectJson reads back what toS3Object wrote', () => {
    const stored = dynamodb.toS3Object('foo', 'bar', 'baz', 'beep')!.S;
    expect(dynamodb.fromS3ObjectJson(stored)).toEqual({ key: 'foo', bucket: 'bar', region: 'baz', version: 'beep' });
    expect(dynamodb.fromS3ObjectJson(dynamodb.toS3Object('k', 'b', 'r')!.S)).toEqual({ key: 'k', bucket: 'b', region: 'r' });
    expect(() => dynamodb.fromS3ObjectJson('not json')).toThrow(TypeError);
  });
});
