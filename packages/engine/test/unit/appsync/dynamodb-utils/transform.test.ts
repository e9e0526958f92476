import { describe, expect, it } from 'vitest';
import { util } from '@aws-appsync/utils';

const { transform } = util;

// Every expected value below is AppSync's own output (recorded with EvaluateCode), including its
// quirks: dangling joiners, `(null)` for an empty `in`, and `null` for filters it cannot render.
const filter = (input: unknown) => {
  const json = transform.toDynamoDBFilterExpression(input as never);
  return json === null ? null : JSON.parse(json);
};
const N = (n: number) => ({ N: n });
const S = (s: string) => ({ S: s });

describe('util.transform.toDynamoDBFilterExpression', () => {
  it('UTIL-X1 returns a JSON string: contains with no space after the comma', () => {
    expect(transform.toDynamoDBFilterExpression({ title: { contains: 'Hello World' } })).toBe(
      '{"expression":"(contains(#title,:title_contains))","expressionNames":{"#title":"title"},"expressionValues":{":title_contains":{"S":"Hello World"}}}',
    );
  });

  it.each([
    ['eq', '='],
    ['ne', '<>'],
    ['lt', '<'],
    ['le', '<='],
    ['gt', '>'],
    ['ge', '>='],
  ])('UTIL-X1 renders the comparison %s as %s', (op, symbol) => {
    expect(filter({ v: { [op]: 'x' } })).toEqual({
      expression: `(#v ${symbol} :v_${op})`,
      expressionNames: { '#v': 'v' },
      expressionValues: { [`:v_${op}`]: S('x') },
    });
  });

  it.each([
    ['a number', 10, N(10)],
    ['a fraction', 1.5, N(1.5)],
    ['a boolean', true, { BOOL: true }],
    ['null', null, { NULL: null }],
    ['an object', { a: 1 }, { M: { a: N(1) } }],
    ['a list', [1, 2], { L: [N(1), N(2)] }],
  ])('UTIL-X1 types %s operand with util.dynamodb.toDynamoDB', (_, operand, typed) => {
    expect(filter({ v: { eq: operand } }).expressionValues).toEqual({ ':v_eq': typed });
  });

  it('UTIL-X1 renders notContains and beginsWith', () => {
    expect(filter({ v: { notContains: 'x' } }).expression).toBe('(NOT contains(#v,:v_notContains))');
    expect(filter({ title: { beginsWith: 'far away' } }).expression).toBe('(begins_with(#title,:title_beginsWith))');
  });

  it('UTIL-X1 names between bounds start and end and ignores extra bounds', () => {
    expect(filter({ v: { between: ['1', '9', '3'] } })).toEqual({
      expression: '(#v BETWEEN :v_between_start AND :v_between_end)',
      expressionNames: { '#v': 'v' },
      expressionValues: { ':v_between_start': S('1'), ':v_between_end': S('9') },
    });
  });

  it('UTIL-X1 numbers in values and separates them with a comma and a space', () => {
    expect(filter({ v: { in: ['a', 'b'] } })).toEqual({
      expression: '(#v IN (:v_in_0, :v_in_1))',
      expressionNames: { '#v': 'v' },
      expressionValues: { ':v_in_0': S('a'), ':v_in_1': S('b') },
    });
  });

  it('UTIL-X1 renders attributeExists with no value and an empty expressionValues', () => {
    expect(filter({ v: { attributeExists: true } })).toEqual({ expression: '(attribute_exists(#v))', expressionNames: { '#v': 'v' }, expressionValues: {} });
    expect(filter({ v: { attributeExists: false } }).expression).toBe('(attribute_not_exists(#v))');
  });

  it('UTIL-X1 maps every attributeType name to its DynamoDB type code', () => {
    const names = ['_null', 'string', 'stringSet', 'number', 'numberSet', 'binary', 'binarySet', 'boolean', 'list', 'map'];
    const codes = ['NULL', 'S', 'SS', 'N', 'NS', 'B', 'BS', 'BOOL', 'L', 'M'];
    const fields = 'abcdefghij'.split('');
    const result = filter(Object.fromEntries(fields.map((f, i) => [f, { attributeType: names[i] }])));
    expect(result.expression).toBe(fields.map((f) => `(attribute_type(#${f},:${f}_attributeType))`).join(' AND '));
    expect(result.expressionValues).toEqual(Object.fromEntries(fields.map((f, i) => [`:${f}_attributeType`, S(codes[i]!)])));
  });

  it('UTIL-X1 applies size() to the attribute and never nests it', () => {
    expect(filter({ v: { size: { gt: 2 } } })).toEqual({
      expression: '(size(#v) > :v_size_gt)',
      expressionNames: { '#v': 'v' },
      expressionValues: { ':v_size_gt': N(2) },
    });
    expect(filter({ v: { size: { between: [1, 3] } } }).expression).toBe('(size(#v) BETWEEN :v_size_between_start AND :v_size_between_end)');
    expect(filter({ v: { size: { gt: 2, lt: 5 } } }).expression).toBe('((size(#v) > :v_size_gt) AND (size(#v) < :v_size_lt))');
    expect(filter({ v: { size: { size: { gt: 1 } } } })).toMatchObject({ expression: '(size(#v) > :v_size_size_gt)' });
    expect(filter({ v: { size: { attributeExists: true } } }).expression).toBe('(attribute_exists(size(#v)))');
  });

  it.each([
    ['two fields at the top level are joined without being wrapped', { a: { eq: 1 }, b: { eq: 2 } }, '(#a = :a_eq) AND (#b = :b_eq)'],
    ['a field carrying two operators is wrapped', { v: { ge: 1, le: 5 } }, '((#v >= :v_ge) AND (#v <= :v_le))'],
    ['an and of one member is not wrapped', { and: [{ a: { eq: 1 } }] }, '(#a = :and_0_a_eq)'],
    ['an and of two members is wrapped', { and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, '((#a = :and_0_a_eq) AND (#b = :and_1_b_eq))'],
    ['an or of two members', { or: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, '((#a = :or_0_a_eq) OR (#b = :or_1_b_eq))'],
    ['not of a comparison', { not: { a: { eq: 1 } } }, '(NOT (#a = :not_a_eq))'],
    ['not of a group', { not: { and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] } }, '(NOT ((#a = :not_and_0_a_eq) AND (#b = :not_and_1_b_eq)))'],
    ['not of a not', { not: { not: { a: { eq: 1 } } } }, '(NOT (NOT (#a = :not_not_a_eq)))'],
    ['not inside an and', { and: [{ not: { a: { eq: 1 } } }, { b: { eq: 2 } }] }, '((NOT (#a = :and_0_not_a_eq)) AND (#b = :and_1_b_eq))'],
    [
      'an and inside an or',
      { or: [{ and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, { c: { eq: 3 } }] },
      '(((#a = :or_0_and_0_a_eq) AND (#b = :or_0_and_1_b_eq)) OR (#c = :or_1_c_eq))',
    ],
    ['value names carry every level of the nesting', { and: [{ or: [{ and: [{ a: { eq: 1 } }] }] }] }, '(#a = :and_0_or_0_and_0_a_eq)'],
    ['a field beside a group', { a: { eq: 1 }, and: [{ b: { eq: 2 } }] }, '(#a = :a_eq) AND (#b = :and_0_b_eq)'],
    ['a dotted field name verbatim', { 'a.b': { eq: 1 } }, '(#a.b = :a.b_eq)'],
  ])('UTIL-X1 grouping: %s', (_, input, expression) => {
    expect(filter(input).expression).toBe(expression);
  });

  it('UTIL-X1 keeps the recorded quirks of filters that render no expression', () => {
    expect(filter({})).toEqual({ expression: '', expressionNames: {}, expressionValues: {} });
    expect(filter({ and: [] }).expression).toBe('');
    expect(filter({ v: {} })).toEqual({ expression: '', expressionNames: { '#v': 'v' }, expressionValues: {} });
    expect(filter({ not: {} }).expression).toBe('(NOT )');
    expect(filter({ v: { in: [] } }).expression).toBe('(null)');
    expect(filter({ a: { eq: 1 }, b: {} }).expression).toBe('(#a = :a_eq) AND ');
    expect(filter({ and: [{ a: { eq: 1 } }, {}] }).expression).toBe('((#a = :and_0_a_eq) AND )');
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an array', []],
    ['a string', 'string'],
    ['an unknown operator', { v: { foo: 1 } }],
    ['a field holding a value', { v: 'x' }],
    ['a field nested in a field', { a: { b: { eq: 1 } } }],
    ['an and given a map', { and: { a: { eq: 1 } } }],
    ['an and given null', { and: null }],
    ['a group holding null', { and: [{ a: { eq: 1 } }, null] }],
    ['a not given a list', { not: [{ a: { eq: 1 } }] }],
    ['a range with one bound', { v: { between: [1] } }],
    ['a range that is not a list', { v: { between: 'x' } }],
    ['an in that is not a list', { v: { in: 'x' } }],
    ['attributeExists given a string', { v: { attributeExists: 'yes' } }],
    ['attributeType given a type code', { v: { attributeType: 'S' } }],
    ['attributeType given an unknown name', { v: { attributeType: 'bogus' } }],
    ['size given a value', { v: { size: 3 } }],
  ])('UTIL-X1 answers null for a filter it cannot render: %s', (_, input) => {
    expect(transform.toDynamoDBFilterExpression(input as never)).toBeNull();
  });

  it('UTIL-X1 skips operators and fields whose value is undefined', () => {
    expect(filter({ a: { eq: 1, ne: undefined }, b: undefined }).expression).toBe('(#a = :a_eq)');
  });
});

describe('util.transform.toDynamoDBConditionExpression', () => {
  it('UTIL-X2 renders attributeExists and eq joined with AND', () => {
    const result = JSON.parse(transform.toDynamoDBConditionExpression({ id: { attributeExists: true }, version: { eq: 10 } }));
    expect(result).toEqual({
      expression: '(attribute_exists(#id)) AND (#version = :version_eq)',
      expressionNames: { '#id': 'id', '#version': 'version' },
      expressionValues: { ':version_eq': { N: 10 } },
    });
  });

  it('UTIL-X2 renders the create and update guards Amplify generates', () => {
    expect(transform.toDynamoDBConditionExpression({ and: [{ id: { attributeExists: false } }] })).toBe(
      '{"expression":"(attribute_not_exists(#id))","expressionNames":{"#id":"id"},"expressionValues":{}}',
    );
    const update = JSON.parse(transform.toDynamoDBConditionExpression({ and: [{ id: { attributeExists: true } }, { _version: { eq: 1 } }] }));
    expect(update).toEqual({
      expression: '((attribute_exists(#id)) AND (#_version = :and_1__version_eq))',
      expressionNames: { '#id': 'id', '#_version': '_version' },
      expressionValues: { ':and_1__version_eq': { N: 1 } },
    });
  });

  it('UTIL-X2 renders every filter exactly as the filter transform does', () => {
    for (const input of [{ content: { eq: 'x' } }, { not: { id: { between: ['1', '9'] } } }, { v: { foo: 1 } }]) {
      expect(transform.toDynamoDBConditionExpression(input as never)).toBe(transform.toDynamoDBFilterExpression(input as never));
    }
  });
});

describe('util.transform.toElasticsearchQueryDSL', () => {
  it('UTIL-X3 is unsupported and says so with errorType Unsupported', () => {
    expect(() => transform.toElasticsearchQueryDSL({ title: { eq: 'x' } })).toThrow(expect.objectContaining({ errorType: 'Unsupported' }));
  });
});
