import { beforeAll, describe, expect, it } from 'vitest';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { util } from '@aws-appsync/utils';
import { createExpressionHarness, type ExpressionHarness } from './harness';

// Which rows a filter selects, evaluated by DynamoDB itself (GAP-04: semantics, not strings).
let h: ExpressionHarness;

beforeAll(async () => {
  h = await createExpressionHarness();
  await h.seed([
    { SK: 'a', title: 'Hello World', n: 1, tags: ['red', 'blue'], status: 'OPEN', note: null },
    { SK: 'b', title: 'Hello there', n: 5, tags: ['green'], status: 'CLOSED', archived: true },
    { SK: 'c', title: 'Goodbye', n: 10, tags: [], status: 'OPEN', note: 'x' },
    // `n` is a string here: number comparisons must not match it.
    { SK: 'd', title: 'far away', n: '7', status: 'DRAFT' },
  ]);
});

type Filter = Parameters<typeof ddb.scan>[0]['filter'];

/** Sort keys selected by the filter, built with the module helper (an expression object). */
async function viaHelper(filter: Filter): Promise<string[]> {
  const outcome = await h.run(ddb.query<{ PK: string }>({ query: { PK: { eq: h.pk } }, filter }));
  expect(outcome.error).toBeUndefined();
  return outcome.result.items.map((item: { SK: string }) => item.SK);
}

/** The same through `util.transform.toDynamoDBFilterExpression`, given as the JSON string (GAP-02). */
async function viaTransform(filter: Filter): Promise<string[]> {
  const request = ddb.query<{ PK: string }>({ query: { PK: { eq: h.pk } } });
  const outcome = await h.run({ ...request, filter: util.transform.toDynamoDBFilterExpression(filter as never) });
  expect(outcome.error).toBeUndefined();
  return outcome.result.items.map((item: { SK: string }) => item.SK);
}

const cases: Array<[string, Filter, string[]]> = [
  ['comparisons on one field are AND-ed and skip other types', { n: { gt: 1, le: 7 } }, ['b']],
  ['eq and ne', { status: { ne: 'OPEN' }, title: { eq: 'far away' } }, ['d']],
  ['lt and ge', { or: [{ n: { lt: 2 } }, { n: { ge: 10 } }] }, ['a', 'c']],
  ['between is inclusive', { n: { between: [1, 5] } }, ['a', 'b']],
  ['in', { status: { in: ['OPEN', 'DRAFT'] } }, ['a', 'c', 'd']],
  ['beginsWith', { title: { beginsWith: 'Hello' } }, ['a', 'b']],
  ['contains on a string', { title: { contains: 'o W' } }, ['a']],
  ['contains on a list', { tags: { contains: 'green' } }, ['b']],
  ['notContains', { title: { notContains: 'Hello' } }, ['c', 'd']],
  ['attributeExists true', { archived: { attributeExists: true } }, ['b']],
  ['attributeExists false', { archived: { attributeExists: false } }, ['a', 'c', 'd']],
  ['attributeType _null', { note: { attributeType: '_null' } }, ['a']],
  ['attributeType string', { note: { attributeType: 'string' } }, ['c']],
  ['attributeType tells a string from a number', { n: { attributeType: 'string' } }, ['d']],
  ['attributeType list', { tags: { attributeType: 'list' } }, ['a', 'b', 'c']],
  ['and of an or', { and: [{ status: { eq: 'OPEN' } }, { or: [{ n: { eq: 1 } }, { n: { eq: 10 } }] }] }, ['a', 'c']],
  ['or of an and', { or: [{ status: { eq: 'CLOSED' } }, { and: [{ status: { eq: 'OPEN' } }, { n: { ge: 10 } }] }] }, ['b', 'c']],
  ['not', { not: { status: { eq: 'OPEN' } } }, ['b', 'd']],
  ['a field beside a not', { status: { eq: 'OPEN' }, not: { n: { eq: 1 } } }, ['c']],
  ['size', { tags: { size: { ge: 1 } } }, ['a', 'b']],
  ['eq null matches a stored NULL', { note: { eq: null } }, ['a']],
];

describe('filter objects against DynamoDB', () => {
  it.each(cases)('MOD-12 UTIL-X1 %s (module helper)', async (_, filter, expected) => {
    expect(await viaHelper(filter)).toEqual(expected);
  });

  it.each(cases)('UTIL-X1 GAP-02 %s (util.transform JSON string)', async (_, filter, expected) => {
    expect(await viaTransform(filter)).toEqual(expected);
  });

  it('MOD-12 not covers every field of a multi-field object in the helpers', async () => {
    // NOT (status = OPEN AND n = 1): everything but a.
    expect(await viaHelper({ not: { status: { eq: 'OPEN' }, n: { eq: 1 } } })).toEqual(['b', 'c', 'd']);
  });

  it('MOD-06 scan with a helper filter selects the same rows', async () => {
    const outcome = await h.run(ddb.scan({ filter: { PK: { eq: h.pk }, tags: { contains: 'red' } } as Filter }));
    expect(outcome.result.items.map((item: { SK: string }) => item.SK)).toEqual(['a']);
  });
});
