// settlePage (packages/engine/src/data-sources/dynamodb/read-ahead.ts): which page and which next start a Query or Scan
// hands out, given DynamoDB's answers; the reads are a function the test answers, no I/O.
import { describe, expect, it } from 'vitest';
import { MAX_READ_AHEADS, READ_AHEAD_ITEMS, settlePage, type ReadFrom, type ReadOutput } from '@appsync-lambda/engine/testing';

const key = (n: number) => ({ PK: 'P', SK: `ITEM#${n}` });
const item = (n: number) => ({ ...key(n), n });

/** A ReadFrom answering from `answers` in order, recording each call's start key and limit. */
function reads(...answers: Array<ReadOutput | Error>) {
  const calls: Array<{ start: unknown; limit: number }> = [];
  const readFrom: ReadFrom = async (start, limit) => {
    calls.push({ start, limit });
    const answer = answers.shift();
    if (!answer) throw new Error('unexpected read');
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { readFrom, calls };
}

describe('settlePage', () => {
  it('DDB-06 keeps a page with no LastEvaluatedKey or no limit as DynamoDB answered, with no read', async () => {
    const { readFrom, calls } = reads();
    expect(await settlePage({ Items: [item(1)] }, 2, false, readFrom)).toEqual({ output: { Items: [item(1)] }, next: undefined });
    expect((await settlePage({ Items: [item(1)], LastEvaluatedKey: key(1) }, undefined, false, readFrom)).next).toEqual(key(1));
    expect(calls).toEqual([]);
  });

  it('DDB-06 reads one item after a full unfiltered page: a token only when it exists', async () => {
    const first = { Items: [item(1), item(2)], LastEvaluatedKey: key(2) };
    const end = reads({ Items: [], Count: 0 });
    expect((await settlePage(first, 2, false, end.readFrom)).next).toBeUndefined();
    expect(end.calls).toEqual([{ start: key(2), limit: 1 }]);
    const more = reads({ Items: [item(3)], Count: 1, LastEvaluatedKey: key(3) });
    expect((await settlePage(first, 2, false, more.readFrom)).next).toEqual(key(2));
    // A failed read-ahead keeps DynamoDB's key.
    expect((await settlePage(first, 2, false, reads(new Error('reset')).readFrom)).next).toEqual(key(2));
  });

  it('DDB-06 moves a filtered page’s token past ranges with no match, and drops it at the end', async () => {
    const first = { Items: [item(1)], LastEvaluatedKey: key(2) };
    const { readFrom, calls } = reads({ Items: [], Count: 0, LastEvaluatedKey: key(102) }, { Items: [], Count: 0 });
    expect((await settlePage(first, 2, true, readFrom)).next).toBeUndefined();
    expect(calls).toEqual([{ start: key(2), limit: READ_AHEAD_ITEMS }, { start: key(102), limit: READ_AHEAD_ITEMS }]);
    const found = reads({ Items: [], Count: 0, LastEvaluatedKey: key(102) }, { Items: [item(150)], Count: 1, LastEvaluatedKey: key(202) });
    expect((await settlePage(first, 2, true, found.readFrom)).next).toEqual(key(102));
  });

  it('replaces an empty filtered page by the matches further on, ending it at its limit-th item', async () => {
    const first = { Items: [], LastEvaluatedKey: key(2), ScannedCount: 2 };
    const { readFrom } = reads({ Items: [item(5), item(7), item(9)], ScannedCount: 100, LastEvaluatedKey: key(102) }, { Items: [item(9)], Count: 1 });
    const { output, next } = await settlePage(first, 2, true, readFrom);
    expect(output).toEqual({ Items: [item(5), item(7)], LastEvaluatedKey: key(7), ScannedCount: 102 });
    expect(next).toEqual(key(7));
  });

  it('bounds the extra reads of a filtered page that matches nothing', async () => {
    const empty = (n: number) => ({ Items: [], Count: 0, ScannedCount: 100, LastEvaluatedKey: key(n) });
    const { readFrom, calls } = reads(...Array.from({ length: 2 * MAX_READ_AHEADS }, (_, i) => empty(100 * (i + 2))));
    const { output, next } = await settlePage({ Items: [], LastEvaluatedKey: key(1) }, 2, true, readFrom);
    expect(calls).toHaveLength(2 * MAX_READ_AHEADS);
    expect(output.Items).toEqual([]);
    expect(next).toEqual(key(100 * (2 * MAX_READ_AHEADS + 1)));
  });
});
