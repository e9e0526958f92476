import { beforeAll, describe, expect, it } from 'vitest';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { createExpressionHarness, type ExpressionHarness } from './harness';

// Key conditions and projections built by the helpers, evaluated by DynamoDB.
let h: ExpressionHarness;
type Row = { PK: string; SK: string; GSI1PK: string; GSI1SK: string; n: number };

beforeAll(async () => {
  h = await createExpressionHarness();
  await h.seed(
    ['JOB#1', 'JOB#2', 'JOB#3', 'NOTE#1', 'NOTE#2'].map((SK, i) => ({
      SK,
      n: i,
      GSI1PK: `${h.pk}#G`,
      GSI1SK: String(10 + i),
      profile: { name: `item ${i}`, tags: ['x', `t${i}`] },
    })),
  );
});

const sks = (outcome: { result: { items: Array<{ SK: string }> } }) => outcome.result.items.map((item) => item.SK);
const byPk = (sk?: Record<string, unknown>) => ({ PK: { eq: h.pk }, ...(sk ? { SK: sk } : {}) });

describe('query() against DynamoDB', () => {
  it.each([
    ['beginsWith', { beginsWith: 'JOB#' }, ['JOB#1', 'JOB#2', 'JOB#3']],
    ['between', { between: ['JOB#2', 'NOTE#1'] }, ['JOB#2', 'JOB#3', 'NOTE#1']],
    ['gt', { gt: 'JOB#3' }, ['NOTE#1', 'NOTE#2']],
    ['le', { le: 'JOB#2' }, ['JOB#1', 'JOB#2']],
    ['eq', { eq: 'NOTE#2' }, ['NOTE#2']],
  ])('MOD-05 a sort-key %s condition selects the right items', async (_, sk, expected) => {
    expect(sks(await h.run(ddb.query<Row>({ query: byPk(sk) as never })))).toEqual(expected);
  });

  it('MOD-05 queries an index with a range on its sort key, newest first', async () => {
    const outcome = await h.run(
      ddb.query<Row>({ index: 'GSI1', query: { GSI1PK: { eq: `${h.pk}#G` }, GSI1SK: { ge: '12' } }, scanIndexForward: false }),
    );
    expect(sks(outcome)).toEqual(['NOTE#2', 'NOTE#1', 'JOB#3']);
  });

  it('MOD-05 pages with limit and nextToken and filters within a page', async () => {
    const first = await h.run(ddb.query<Row>({ query: byPk() as never, limit: 3, filter: { n: { ne: 1 } } }));
    expect(sks(first)).toEqual(['JOB#1', 'JOB#3']);
    expect(typeof first.result.nextToken).toBe('string');
    const second = await h.run(ddb.query<Row>({ query: byPk() as never, limit: 3, nextToken: first.result.nextToken }));
    expect(sks(second)).toEqual(['NOTE#1', 'NOTE#2']);
  });

  it('MOD-01 get projects the listed paths, including a list element of a nested map', async () => {
    const outcome = await h.run(ddb.get({ key: { PK: h.pk, SK: 'JOB#2' }, projection: ['SK', 'profile.tags[1]'] }));
    expect(outcome.result).toEqual({ SK: 'JOB#2', profile: { tags: ['t1'] } });
  });

  it('MOD-05 query projects attributes too', async () => {
    const outcome = await h.run(ddb.query<Row>({ query: byPk({ eq: 'NOTE#1' }) as never, projection: ['n', 'profile.name'] }));
    expect(outcome.result.items).toEqual([{ n: 3, profile: { name: 'item 3' } }]);
  });
});
