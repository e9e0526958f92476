import { beforeAll, describe, expect, it } from 'vitest';
import { operations, update } from '@aws-appsync/utils/dynamodb';
import { createExpressionHarness, type ExpressionHarness } from './harness';

// What `update()` expressions do to a stored item (GAP-04: assert the resulting item).
let h: ExpressionHarness;
beforeAll(async () => {
  h = await createExpressionHarness();
});

const profile = (SK: string) => ({
  SK,
  count: 5,
  list: [1, 2],
  nested: { a: 1, b: 2 },
  nick: 'x',
  friends: ['a', 'b', 'c'],
});

const keyOf = (SK: string) => ({ PK: h.pk, SK });
const run = (SK: string, changes: Record<string, unknown>, condition?: unknown) =>
  h.run(update({ key: keyOf(SK), update: changes, ...(condition ? { condition } : {}) } as never));

describe('update() against DynamoDB', () => {
  it('MOD-04 applies increment, append, remove, a nested path, a list item, add and null in one call', async () => {
    await h.seed([profile('all')]);
    const outcome = await run('all', {
      count: operations.increment(3),
      list: operations.append([3]),
      nick: operations.remove(),
      nested: { a: 9 },
      friends: [operations.updateListItem('z', 1)],
      age: operations.add(30),
      deletedAt: null,
      title: 'Engineer',
    });
    expect(outcome.error).toBeUndefined();
    const expected = {
      PK: h.pk,
      SK: 'all',
      count: 8,
      list: [1, 2, 3],
      nested: { a: 9, b: 2 },
      friends: ['a', 'z', 'c'],
      age: 30,
      deletedAt: null,
      title: 'Engineer',
    };
    expect(outcome.result).toEqual(expected);
    expect(await h.stored('all')).toEqual(expected);
  });

  it('MOD-04 decrement subtracts and prepend puts items first', async () => {
    await h.seed([profile('dec')]);
    await run('dec', { count: operations.decrement(2), list: operations.prepend([0]) });
    expect(await h.stored('dec')).toMatchObject({ count: 3, list: [0, 1, 2] });
  });

  it('MOD-04 replace swaps a whole map where a plain object would merge into it', async () => {
    await h.seed([profile('rep')]);
    await run('rep', { nested: operations.replace({ c: 3 }) });
    expect((await h.stored('rep'))?.nested).toEqual({ c: 3 });
  });

  it('MOD-04 increment by default adds 1', async () => {
    await h.seed([profile('one')]);
    await run('one', { count: operations.increment() });
    expect((await h.stored('one'))?.count).toBe(6);
  });

  it('MOD-04 increment of a missing attribute fails, unlike DynamoDB ADD, and changes nothing', async () => {
    await h.seed([profile('missing')]);
    const outcome = await run('missing', { visits: operations.increment(1), nick: 'changed' });
    expect(outcome.error?.type).toBe('DynamoDB:DynamoDbException');
    expect((await h.stored('missing'))?.nick).toBe('x');
  });

  it('MOD-04 creates the item when it does not exist yet (UpdateItem upserts)', async () => {
    const outcome = await run('fresh', { title: 'New', tags: operations.add(['a']) });
    expect(outcome.result).toEqual({ PK: h.pk, SK: 'fresh', title: 'New', tags: ['a'] });
  });

  it('MOD-04 a condition object guards the update', async () => {
    await h.seed([{ SK: 'guarded', version: 1 }]);
    const ok = await run('guarded', { version: operations.increment() }, { version: { eq: 1 } });
    expect(ok.result).toMatchObject({ version: 2 });
    const stale = await run('guarded', { version: operations.increment() }, { version: { eq: 1 } });
    expect(stale.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
    expect((await h.stored('guarded'))?.version).toBe(2);
  });
});
