import { DEFAULT_QUERY_BUDGETS } from '@appsync-lambda/engine';
import { DEFAULT_REALTIME_LIMITS, MAX_SUBSCRIPTION_ID_LENGTH, type RealtimeLimits } from '@appsync-lambda/engine/realtime';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestTable } from '../../helpers/dynamodb';
import { CHANNEL_SDL, realtimeTable, webSocketFunction } from '../../helpers/websocket';

const API_KEY = 'da2-subscription-limits';
const ON_POST = 'subscription { onPost(channel: "general") { channel text } }';

let table: TestTable;
let connections = 0;

beforeAll(async () => {
  table = await realtimeTable('realtime-limits');
});

/** The WebSocket function with the API key's budget, and one open, acknowledged connection. */
async function connected(limits: Partial<RealtimeLimits> = {}) {
  const ws = webSocketFunction({
    client: table.doc,
    tableName: table.tableName,
    auth: { defaultMode: 'API_KEY', additionalModes: [], apiKeys: [API_KEY] },
    sdl: CHANNEL_SDL,
    queryBudgets: DEFAULT_QUERY_BUDGETS,
    limits,
  });
  const connectionId = `limits-${(connections += 1)}`;
  await ws.open(connectionId, { 'x-api-key': API_KEY });
  const errors = () => ws.messagesTo(connectionId).filter((message) => message.type === 'error');
  const storedIds = async () =>
    (await ws.realtime.store.connectionKeys(connectionId)).map((key) => key.SK!).filter((sk) => sk.startsWith('SUB#')).map((sk) => sk.slice('SUB#'.length));
  return { ws, connectionId, errors, storedIds };
}

const errorOf = (message: { payload?: any }) => message.payload?.[0] as { errorType: string; errorInfo: any; message: string };

describe('subscriptions per connection (LIM-09)', () => {
  it('stores at most 100 of 150 concurrent subscribes; every other one gets MaxSubscriptionsReachedError', async () => {
    const { ws, connectionId, errors, storedIds } = await connected();
    const ids = Array.from({ length: 150 }, (_, i) => `sub-${i}`);
    await Promise.all(ids.map((id) => ws.subscribe(connectionId, id, ON_POST)));

    const stored = await storedIds();
    const refused = errors();
    expect(DEFAULT_REALTIME_LIMITS.maxSubscriptionsPerConnection).toBe(100);
    expect(stored).toHaveLength(100);
    expect(refused).toHaveLength(50);
    expect(new Set(refused.map((message) => errorOf(message).errorType))).toEqual(new Set(['MaxSubscriptionsReachedError']));
    expect(errorOf(refused[0]!).errorInfo).toEqual({ limit: 'subscriptionsPerConnection', maximum: 100 });
    // Each id is either stored or refused, never both, never neither.
    expect([...stored, ...refused.map((message) => message.id!)].sort()).toEqual([...ids].sort());
    expect((await ws.realtime.store.connection(connectionId))?.subscriptionCount).toBe(100);
  });

  it('frees a place when a subscription completes', async () => {
    const { ws, connectionId, errors, storedIds } = await connected({ maxSubscriptionsPerConnection: 2 });
    await ws.subscribe(connectionId, 'a', ON_POST);
    await ws.subscribe(connectionId, 'b', ON_POST);
    await ws.subscribe(connectionId, 'c', ON_POST);
    expect(errors().map((message) => [message.id, errorOf(message).errorType, errorOf(message).errorInfo.maximum])).toEqual([['c', 'MaxSubscriptionsReachedError', 2]]);

    await ws.send(connectionId, { type: 'complete', id: 'a' });
    await ws.subscribe(connectionId, 'd', ON_POST);
    expect((await storedIds()).sort()).toEqual(['b', 'd']);
    expect((await ws.realtime.store.connection(connectionId))?.subscriptionCount).toBe(2);
  });
});

describe('subscription ids', () => {
  it(`accepts ${MAX_SUBSCRIPTION_ID_LENGTH} characters and a UUID; refuses 2,000 characters and unsafe characters with a ValidationError, storing nothing`, async () => {
    const { ws, connectionId, errors, storedIds } = await connected();
    const longest = 'i'.repeat(MAX_SUBSCRIPTION_ID_LENGTH);
    const uuid = crypto.randomUUID();
    await ws.subscribe(connectionId, longest, ON_POST);
    await ws.subscribe(connectionId, uuid, ON_POST);
    await ws.subscribe(connectionId, 'x'.repeat(2_000), ON_POST);
    await ws.subscribe(connectionId, 'a#b', ON_POST);
    await ws.subscribe(connectionId, 'café', ON_POST);

    expect((await storedIds()).sort()).toEqual([longest, uuid].sort());
    expect(errors().map((message) => [message.id!.length, errorOf(message).errorType, errorOf(message).errorInfo])).toEqual([
      [2_000, 'ValidationError', { field: 'id', maximum: MAX_SUBSCRIPTION_ID_LENGTH, actual: 2_000 }],
      [3, 'ValidationError', { field: 'id' }],
      [4, 'ValidationError', { field: 'id' }],
    ]);
  });
});

describe('subscription documents', () => {
  it('refuses a document and variables over 16 KiB with RequestTooLarge', async () => {
    const { ws, connectionId, errors, storedIds } = await connected();
    const padded = `subscription Padded($channel: String) { onPost(channel: $channel) { channel text } } # ${'x'.repeat(16 * 1024)}`;
    await ws.subscribe(connectionId, 'padded', padded, { channel: 'general' });

    expect(await storedIds()).toEqual([]);
    const [refused] = errors();
    expect(errorOf(refused!)).toMatchObject({ errorType: 'RequestTooLarge', errorInfo: { limit: 'documentBytes', maximum: 16 * 1024, actual: expect.any(Number) } });
    expect(errorOf(refused!).errorInfo.actual).toBeGreaterThan(16 * 1024);
  });

  it('applies the caller\'s query budget (the API key\'s here) to depth, aliases, tokens and cost, as over HTTP', async () => {
    const { ws, connectionId, errors, storedIds } = await connected();
    // Depth 8: onPost, then three replies/items pairs, then text.
    const deep = `subscription { onPost { replies { items { replies { items { replies { items { text } } } } } } } }`;
    const aliased = `subscription { onPost { ${Array.from({ length: 6 }, (_, i) => `a${i}: text`).join(' ')} } }`;
    const tokens = `subscription { onPost { ${Array.from({ length: 1_000 }, () => 'text').join(' ')} } }`;
    // 1 onPost + 1 replies + 1 items + 100 replies + 100 items + 100 × 100 texts (cost.ts).
    const costly = 'subscription { onPost { replies(limit: 100) { items { replies(limit: 100) { items { text } } } } } }';
    for (const [id, query] of Object.entries({ deep, aliased, tokens, costly })) await ws.subscribe(connectionId, id, query);

    expect(await storedIds()).toEqual([]);
    expect(Object.fromEntries(errors().map((message) => [message.id, [errorOf(message).errorType, errorOf(message).errorInfo]]))).toEqual({
      deep: ['QueryLimitExceeded', { limit: 'depth', maximum: 6, actual: 8 }],
      aliased: ['QueryLimitExceeded', { limit: 'aliases', maximum: 5, actual: 6 }],
      tokens: ['QueryLimitExceeded', { limit: 'tokens', maximum: 1_000, actual: expect.any(Number) }],
      costly: ['QueryLimitExceeded', { limit: 'cost', maximum: 2_000, actual: 10_203 }],
    });
  });
});

describe('events over the message size', () => {
  it('end their subscription with one ResponseTooLarge error; smaller events still reach the others', async () => {
    const { ws, connectionId, storedIds } = await connected({ maxMessageBytes: 1_024 });
    await ws.subscribe(connectionId, 'whole', 'subscription { onPost(channel: "big") { channel text } }');
    await ws.subscribe(connectionId, 'channel-only', 'subscription { onPost(channel: "big") { channel } }');

    const large = { realtimePublish: [{ mutation: 'post', data: { channel: 'big', text: 'x'.repeat(2_000) } }] };
    expect(await ws.publish(large)).toMatchObject({ matched: 2, delivered: 1, tooLarge: 1 });
    expect(await ws.publish(large)).toMatchObject({ matched: 1, delivered: 1, tooLarge: 0 });

    const toClient = ws.messagesTo(connectionId).filter((message) => message.type !== 'connection_ack');
    expect(toClient.filter((message) => message.id === 'whole')).toEqual([
      { type: 'error', id: 'whole', payload: [expect.objectContaining({ errorType: 'ResponseTooLarge', errorInfo: { limit: 'messageBytes', maximum: 1_024, actual: expect.any(Number) } })] },
    ]);
    expect(toClient.filter((message) => message.id === 'channel-only')).toHaveLength(2);
    expect(await storedIds()).toEqual(['channel-only']);
    expect((await ws.realtime.store.connection(connectionId))?.subscriptionCount).toBe(1);
  });
});

describe('the limits themselves', () => {
  it('throw at creation when one is not a positive integer', () => {
    const create = (limits: Partial<RealtimeLimits>) => () =>
      webSocketFunction({ client: table.doc, tableName: table.tableName, auth: { defaultMode: 'API_KEY', additionalModes: [], apiKeys: [API_KEY] }, sdl: CHANNEL_SDL, limits });
    expect(create({ maxSubscriptionsPerConnection: 0 })).toThrow(/limits.maxSubscriptionsPerConnection must be a positive integer/);
    expect(create({ maxMessageBytes: 1.5 })).toThrow(/maxMessageBytes/);
    expect(create({ maxSubscriptionsPerConnection: undefined })).not.toThrow();
  });
});
