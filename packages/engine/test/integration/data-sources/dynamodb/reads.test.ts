import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type DataSourceHarness } from './data-source';

let h: DataSourceHarness;
const pk = `P#${randomUUID()}`;
const rows = [1, 2, 3, 4, 5, 6].map((n) => ({
  PK: pk,
  SK: `ITEM#${n}`,
  n,
  kind: n % 2 ? 'odd' : 'even',
  GSI1PK: `${pk}#G`,
  GSI1SK: `${String(10 - n).padStart(2, '0')}`,
}));

beforeAll(async () => {
  h = await createHarness();
  // Scans below read the whole table: this file's database holds only these rows.
  await h.db.doc.send(new BatchWriteCommand({ RequestItems: { [h.db.tableName]: rows.map((Item) => ({ PutRequest: { Item } })) } }));
});

const byPk = { expression: 'PK = :pk', expressionValues: { ':pk': { S: pk } } };
const query = (extra: object = {}, resolverId?: string) => h.run({ operation: 'Query', query: byPk, ...extra }, resolverId ? { resolverId } : {});

describe('DynamoDB Query', () => {
  it('DDB-20 returns items in key order, reversed with scanIndexForward false, with scannedCount', async () => {
    const forward = await query();
    expect(forward.result.items.map((item: { n: number }) => item.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(forward.result).toMatchObject({ nextToken: null, scannedCount: 6 });
    const backward = await query({ scanIndexForward: false });
    expect(backward.result.items.map((item: { n: number }) => item.n)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('DDB-20 applies a filter after limit: limit caps items evaluated, scannedCount counts them', async () => {
    const { result } = await query({ limit: 4, filter: { expression: '#k = :odd', expressionNames: { '#k': 'kind' }, expressionValues: { ':odd': { S: 'odd' } } } });
    expect(result.items.map((item: { n: number }) => item.n)).toEqual([1, 3]);
    expect(result.scannedCount).toBe(4);
    expect(typeof result.nextToken).toBe('string');
  });

  it('DDB-06 gives a page that ends exactly at the last item a null nextToken (DynamoDB still returns a LastEvaluatedKey)', async () => {
    expect((await query({ limit: 6 })).result).toMatchObject({ nextToken: null, scannedCount: 6 });
    const first = await query({ limit: 3 });
    expect(first.result.nextToken).toEqual(expect.any(String));
    const second = await query({ limit: 3, nextToken: first.result.nextToken });
    expect(second.result.items.map((item: { n: number }) => item.n)).toEqual([4, 5, 6]);
    expect(second.result.nextToken).toBeNull();
  });

  it('DDB-06 gives a filtered page a token only when a match follows, and does not hand out a page with no match', async () => {
    const odd = { expression: '#k = :odd', expressionNames: { '#k': 'kind' }, expressionValues: { ':odd': { S: 'odd' } } };
    const even = { ...odd, expressionValues: { ':odd': { S: 'even' } } };
    // 1..4 hold the odd 1 and 3; 5 is odd too: a token.
    expect((await query({ limit: 4, filter: odd })).result.nextToken).toEqual(expect.any(String));
    // Backwards, 6..3 hold the even 6 and 4; only 2 remains even after them: a token; after 2, none.
    const back = await query({ limit: 4, filter: even, scanIndexForward: false });
    expect(back.result.items.map((item: { n: number }) => item.n)).toEqual([6, 4]);
    const rest = await query({ limit: 4, filter: even, scanIndexForward: false, nextToken: back.result.nextToken });
    expect(rest.result).toMatchObject({ items: [expect.objectContaining({ n: 2 })], nextToken: null });
    // The first item (n = 1) does not match n = 6: the page is the match further on, not an empty page.
    const six = { expression: 'n = :six', expressionValues: { ':six': { N: '6' } } };
    const page = await query({ limit: 1, filter: six });
    expect(page.result).toMatchObject({ items: [expect.objectContaining({ n: 6 })], nextToken: null });
  });

  it('DDB-20 queries an index and accepts a filter given as a JSON string', async () => {
    const { result } = await h.run({
      operation: 'Query',
      index: 'GSI1',
      query: { expression: 'GSI1PK = :g', expressionValues: { ':g': { S: `${pk}#G` } } },
      filter: JSON.stringify({ expression: 'n > :three', expressionValues: { ':three': { N: 3 } } }),
      select: 'ALL_ATTRIBUTES',
    });
    expect(result.items.map((item: { n: number }) => item.n)).toEqual([6, 5, 4]);
  });

  it('DDB-20 passes consistentRead through and reports DynamoDB rejecting it on a GSI', async () => {
    await query({ consistentRead: true });
    expect(h.commands.at(-1)?.input).toMatchObject({ ConsistentRead: true });
    const onIndex = await h.run({ operation: 'Query', index: 'GSI1', consistentRead: true, query: { expression: 'GSI1PK = :g', expressionValues: { ':g': { S: 'x' } } } });
    expect(onIndex.error?.type).toBe('DynamoDB:DynamoDbException');
  });

  it('DDB-06 pages with opaque tokens that only the issuing resolver accepts', async () => {
    const seen: number[] = [];
    let nextToken: string | null = null;
    do {
      const page: { result: { items: Array<{ n: number }>; nextToken: string | null } } = await query({ limit: 4, nextToken }, 'Query.list');
      seen.push(...page.result.items.map((item) => item.n));
      nextToken = page.result.nextToken;
      if (nextToken) {
        expect(nextToken).not.toContain(pk);
        await expect(query({ limit: 4, nextToken }, 'Query.other')).rejects.toMatchObject({ errorType: 'InvalidNextToken' });
        await expect(query({ limit: 4, nextToken: `${nextToken}x` }, 'Query.list')).rejects.toMatchObject({ errorType: 'InvalidNextToken' });
      }
    } while (nextToken);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('DDB-06 refuses a token of another key condition, direction or index before calling DynamoDB', async () => {
    const first = await query({ limit: 2 }, 'Query.list');
    const before = h.calls.length;
    const otherPartition = { expression: 'PK = :pk', expressionValues: { ':pk': { S: `${pk}-other` } } };
    for (const request of [
      { operation: 'Query', query: otherPartition, limit: 2, nextToken: first.result.nextToken },
      { operation: 'Query', query: byPk, scanIndexForward: false, limit: 2, nextToken: first.result.nextToken },
      { operation: 'Scan', limit: 2, nextToken: first.result.nextToken },
    ]) {
      await expect(h.run(request, { resolverId: 'Query.list' })).rejects.toMatchObject({ errorType: 'InvalidNextToken' });
    }
    expect(h.calls.length).toBe(before);
  });

  it('DDB-06 a start key DynamoDB refuses (the table’s keys changed under a token) is InvalidNextToken, not a DynamoDB error', async () => {
    const first = await query({ limit: 2 }, 'Query.list');
    h.intercept((command) => {
      if (command.constructor.name !== 'QueryCommand') return undefined;
      throw Object.assign(new Error('The provided starting key does not match the range key predicate'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    });
    try {
      await expect(query({ limit: 2, nextToken: first.result.nextToken }, 'Query.list')).rejects.toMatchObject({ errorType: 'InvalidNextToken' });
      // Without a token the same refusal is DynamoDB's own error, as on AppSync.
      expect((await query({ limit: 2 }, 'Query.list')).error?.type).toBe('DynamoDB:DynamoDbException');
    } finally {
      h.intercept(undefined);
    }
  });

  it('DDB-23 returns only the projected attributes', async () => {
    const { result } = await query({ projection: { expression: '#n, SK', expressionNames: { '#n': 'n' } }, limit: 1 });
    expect(result.items).toEqual([{ n: 1, SK: 'ITEM#1' }]);
  });

  it('DDB-24 answers an empty read with no items and a null nextToken', async () => {
    const { result, error } = await h.run({ operation: 'Query', query: { expression: 'PK = :pk', expressionValues: { ':pk': { S: 'nobody' } } } });
    expect(error).toBeUndefined();
    expect(result).toEqual({ items: [], nextToken: null, scannedCount: 0 });
  });

  it('DDB-20 requires the key condition and rejects a malformed limit as MappingTemplate', async () => {
    await expect(h.run({ operation: 'Query' })).rejects.toMatchObject({ errorType: 'MappingTemplate' });
    await expect(query({ limit: -1 })).rejects.toMatchObject({ errorType: 'MappingTemplate' });
  });
});

describe('DynamoDB Scan', () => {
  it('DDB-21 scans the table with a filter and projection', async () => {
    const { result } = await h.run({
      operation: 'Scan',
      filter: { expression: 'kind = :even', expressionValues: { ':even': { S: 'even' } } },
      projection: { expression: 'n' },
    });
    expect(result.items.map((item: { n: number }) => item.n).sort()).toEqual([2, 4, 6]);
    expect(Object.keys(result.items[0]!)).toEqual(['n']);
    expect(result.nextToken).toBeNull();
  });

  it('DDB-21 splits the table into segments that together cover every item once', async () => {
    const segments = await Promise.all([0, 1, 2].map((segment) => h.run({ operation: 'Scan', segment, totalSegments: 3 })));
    const all = segments.flatMap(({ result }) => result.items.map((item: { n: number }) => item.n));
    expect(all.sort()).toEqual([1, 2, 3, 4, 5, 6]);
    await expect(h.run({ operation: 'Scan', segment: 1 })).rejects.toMatchObject({ errorType: 'MappingTemplate' });
  });

  it('DDB-21 pages a scan with limit and nextToken, and counts with select COUNT', async () => {
    const first = await h.run({ operation: 'Scan', limit: 5 });
    expect(first.result.items).toHaveLength(5);
    const second = await h.run({ operation: 'Scan', limit: 5, nextToken: first.result.nextToken });
    expect(second.result.items).toHaveLength(1);
    // DDB-06: a scan page that ends at the last item has no token.
    expect((await h.run({ operation: 'Scan', limit: 6 })).result.nextToken).toBeNull();
    await expect(h.run({ operation: 'Scan', select: 'EVERYTHING' })).rejects.toMatchObject({ errorType: 'MappingTemplate' });
  });
});

describe('DynamoDB Sync', () => {
  it('DDB-22 rejects Sync as Unsupported without calling DynamoDB', async () => {
    const before = h.calls.length;
    await expect(h.run({ operation: 'Sync', limit: 10 })).rejects.toMatchObject({ errorType: 'Unsupported', message: expect.stringContaining('Sync') });
    expect(h.calls.length).toBe(before);
  });
});
