import { extensions, util } from '@aws-appsync/utils';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { NONE, unit } from '@appsync-lambda/engine';
import { DEFAULT_REALTIME_TABLE_CONTRACT, type RealtimeTableContract, type RealtimeTableContractOptions } from '@appsync-lambda/engine/realtime';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestTable } from '../../helpers/dynamodb';
import { CHANNEL_SDL, realtimeTable, webSocketFunction } from '../../helpers/websocket';

const API_KEY = 'da2-store-contract';

// Every name differs from the defaults; `partition` is a DynamoDB reserved word (expressions must name it through a placeholder).
const contract: RealtimeTableContract = {
  partitionKey: 'partition',
  sortKey: 'item',
  subscriptionIndex: { name: 'subscriptionsByKey', partitionKey: 'subscriptionKey', sortKey: 'subscriber' },
  invalidationIndex: { name: 'invalidationsByKey', partitionKey: 'invalidationKeyOf', sortKey: 'invalidated' },
  ttlAttribute: 'ttl',
};

/** The WebSocket function of one table: a client's messages as API Gateway's events, and published mutations. */
function webSocketFunctionOf(table: TestTable, tableContract: RealtimeTableContractOptions) {
  const ws = webSocketFunction({
    client: table.doc,
    tableName: table.tableName,
    tableContract,
    auth: { defaultMode: 'API_KEY', additionalModes: [], apiKeys: [API_KEY] },
    sdl: CHANNEL_SDL,
    resolvers: {
      definitions: {
        // A client subscribed to a channel is ended when the channel is invalidated.
        'Subscription.onPost': unit(
          {
            request: () => ({ payload: null }),
            response: (ctx) => {
              if (ctx.args.channel) extensions.setSubscriptionInvalidationFilter(util.transform.toSubscriptionFilter({ channel: { eq: ctx.args.channel } }));
              return null;
            },
          },
          NONE,
        ),
      },
      runtime: { client: table.doc, tables: {}, tokenSecret: 'store-contract', env: {} },
    },
  });
  return {
    ...ws,
    /** $connect, connection_init, then one subscription to a channel. */
    async subscribe(connectionId: string, channel: string) {
      await ws.open(connectionId, { 'x-api-key': API_KEY });
      await ws.subscribe(connectionId, 'sub-1', `subscription { onPost(channel: "${channel}") { channel text } }`);
    },
  };
}

const items = async (table: TestTable) => (await table.doc.send(new ScanCommand({ TableName: table.tableName }))).Items ?? [];
const itemsOf = async (table: TestTable, connectionId: string) => (await items(table)).filter((item) => item.connectionId === connectionId);

describe('createRealtime on a table with its own key, index and TTL names', () => {
  let table: TestTable;
  let ws: ReturnType<typeof webSocketFunctionOf>;

  beforeAll(async () => {
    table = await realtimeTable('realtime-custom', contract);
    ws = webSocketFunctionOf(table, contract);
  });

  it('stores the connection and its subscription under the contract\'s key, index and TTL attributes', async () => {
    const before = Math.floor(Date.now() / 1000);
    await ws.subscribe('conn-a', 'general');
    expect(ws.connections.posted).toContainEqual({ connectionId: 'conn-a', message: { type: 'connection_ack' } });

    const [connection, subscription] = (await itemsOf(table, 'conn-a')).sort((a, b) => (a.item < b.item ? -1 : 1));
    expect(connection).toMatchObject({ partition: 'WSCONN#conn-a', item: '#CONNECTION', authorization: expect.objectContaining({ mode: 'API_KEY' }) });
    expect(subscription).toMatchObject({
      partition: 'WSCONN#conn-a',
      item: 'SUB#sub-1',
      subscriptionKey: 'WSSUB#onPost#channel=general',
      subscriber: 'conn-a#sub-1',
      invalidationKeyOf: 'WSINV#onPost#channel=general',
      invalidated: 'conn-a#sub-1',
    });
    // API Gateway closes a connection within 2 hours: the records outlive it, then expire.
    for (const record of [connection!, subscription!]) {
      expect(record.ttl).toBeGreaterThanOrEqual(before + 2 * 3600);
      for (const name of ['PK', 'SK', 'GSI1PK', 'GSI2PK', 'expiresAt']) expect(record).not.toHaveProperty(name);
    }
  });

  it('finds the subscription on the subscription index when a mutation is published, and delivers the event', async () => {
    await ws.subscribe('conn-b', 'news');
    const stats = await ws.publish({ realtimePublish: [{ mutation: 'post', data: { channel: 'news', text: 'hello' } }] });
    expect(stats).toMatchObject({ matched: 1, delivered: 1 });
    expect(ws.connections.posted).toContainEqual({ connectionId: 'conn-b', message: { type: 'next', id: 'sub-1', payload: { data: { onPost: { channel: 'news', text: 'hello' } } } } });
  });

  it('ends the subscription it finds on the invalidation index, and keeps the connection', async () => {
    await ws.subscribe('conn-c', 'closing');
    const stats = await ws.publish({ realtimePublish: [], invalidations: [{ subscriptionField: 'onPost', payload: { channel: 'closing' } }] });
    expect(stats).toMatchObject({ invalidated: 1 });
    expect(ws.connections.posted).toContainEqual({ connectionId: 'conn-c', message: { type: 'complete', id: 'sub-1' } });
    expect((await itemsOf(table, 'conn-c')).map((item) => item.item)).toEqual(['#CONNECTION']);
  });

  it('deletes the connection\'s records on $disconnect', async () => {
    await ws.subscribe('conn-d', 'leaving');
    expect(await itemsOf(table, 'conn-d')).toHaveLength(2);
    await ws.disconnect('conn-d');
    expect(await itemsOf(table, 'conn-d')).toEqual([]);
  });

  it('deletes the records of a connection the fan-out finds gone', async () => {
    await ws.subscribe('conn-e', 'lost');
    ws.connections.gone.add('conn-e');
    const stats = await ws.publish({ realtimePublish: [{ mutation: 'post', data: { channel: 'lost', text: 'anyone?' } }] });
    expect(stats).toMatchObject({ matched: 1, gone: 1, delivered: 0 });
    expect(await itemsOf(table, 'conn-e')).toEqual([]);
  });
});

describe('createRealtime with part of a table contract', () => {
  it('keeps the default names it is not given', async () => {
    const table = await realtimeTable('realtime-partial', DEFAULT_REALTIME_TABLE_CONTRACT);
    const ws = webSocketFunctionOf(table, { ttlAttribute: 'expiry' });
    await ws.subscribe('conn-p', 'partial');
    const stats = await ws.publish({ realtimePublish: [{ mutation: 'post', data: { channel: 'partial', text: 'hi' } }] });
    expect(stats).toMatchObject({ matched: 1, delivered: 1 });
    const records = await itemsOf(table, 'conn-p');
    expect(records).toHaveLength(2);
    for (const record of records) {
      expect(record).toMatchObject({ PK: 'WSCONN#conn-p', expiry: expect.any(Number) });
      expect(record).not.toHaveProperty('expiresAt');
    }
  });
});
