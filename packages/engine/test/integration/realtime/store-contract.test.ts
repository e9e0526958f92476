import { extensions, util } from '@aws-appsync/utils';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { NONE, unit } from '@appsync-lambda/engine';
import { createRealtime, createWebSocketHandler, DEFAULT_REALTIME_TABLE_CONTRACT, type ConnectionApi, type RealtimeTableContract, type RealtimeTableContractOptions } from '@appsync-lambda/engine/realtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, type TestTable } from '../../helpers/dynamodb';

const SDL = /* GraphQL */ `
  type Message {
    channel: String!
    text: String
  }
  type Query {
    ping: String
  }
  type Mutation {
    post(channel: String!, text: String): Message
  }
  type Subscription {
    onPost(channel: String): Message @aws_subscribe(mutations: ["post"])
  }
`;
const API_KEY = 'da2-store-contract';

// Every name differs from the defaults; `partition` is a DynamoDB reserved word (expressions must name it through a placeholder).
const contract: RealtimeTableContract = {
  partitionKey: 'partition',
  sortKey: 'item',
  subscriptionIndex: { name: 'subscriptionsByKey', partitionKey: 'subscriptionKey', sortKey: 'subscriber' },
  invalidationIndex: { name: 'invalidationsByKey', partitionKey: 'invalidationKeyOf', sortKey: 'invalidated' },
  ttlAttribute: 'ttl',
};

/** A table with the contract's key and index names, as an application might have deployed it. */
const tableFor = (name: string, { partitionKey, sortKey, subscriptionIndex, invalidationIndex }: RealtimeTableContract) =>
  createTestTable({
    TableName: name,
    AttributeDefinitions: [partitionKey, sortKey, subscriptionIndex.partitionKey, subscriptionIndex.sortKey, invalidationIndex.partitionKey, invalidationIndex.sortKey].map(
      (AttributeName) => ({ AttributeName, AttributeType: 'S' as const }),
    ),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      { AttributeName: sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [subscriptionIndex, invalidationIndex].map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  });

/** API Gateway's Management API, kept in memory: what was posted to whom, and which connections are gone. */
function memoryConnections() {
  const posted: Array<{ connectionId: string; message: { type: string; id?: string; payload?: unknown } }> = [];
  const gone = new Set<string>();
  const api: ConnectionApi = {
    async post(connectionId, message) {
      if (gone.has(connectionId)) return 'gone';
      posted.push({ connectionId, message: JSON.parse(message) });
      return 'sent';
    },
    async close(connectionId) {
      gone.add(connectionId);
    },
  };
  return { api, posted, gone };
}

/** The WebSocket function of one table: a client's messages as API Gateway's events, and published mutations. */
function webSocketFunction(table: TestTable, tableContract: RealtimeTableContractOptions) {
  const connections = memoryConnections();
  const realtime = createRealtime({
    client: table.doc,
    tableName: table.tableName,
    tableContract,
    auth: { defaultMode: 'API_KEY', additionalModes: [], apiKeys: [API_KEY] },
    sdl: SDL,
    connections: () => connections.api,
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
  const handler = createWebSocketHandler(realtime, { endpoint: 'http://localhost:3001' });
  const route = (routeKey: string, connectionId: string, extra: Record<string, unknown> = {}) =>
    handler({ requestContext: { routeKey, connectionId, requestId: `${routeKey}-${connectionId}` }, ...extra } as never);
  const send = (connectionId: string, message: unknown) => route('$default', connectionId, { body: JSON.stringify(message) });
  return {
    connections,
    publish: (event: Parameters<typeof handler>[0]) => handler(event),
    disconnect: (connectionId: string) => route('$disconnect', connectionId),
    /** $connect, connection_init, then one subscription to a channel. */
    async subscribe(connectionId: string, channel: string) {
      await route('$connect', connectionId, { headers: { 'Sec-WebSocket-Protocol': 'graphql-transport-ws' } });
      await send(connectionId, { type: 'connection_init', payload: { 'x-api-key': API_KEY } });
      await send(connectionId, { id: 'sub-1', type: 'subscribe', payload: { query: `subscription { onPost(channel: "${channel}") { channel text } }` } });
    },
  };
}

const items = async (table: TestTable) => (await table.doc.send(new ScanCommand({ TableName: table.tableName }))).Items ?? [];
const itemsOf = async (table: TestTable, connectionId: string) => (await items(table)).filter((item) => item.connectionId === connectionId);

describe('createRealtime on a table with its own key, index and TTL names', () => {
  let table: TestTable;
  let ws: ReturnType<typeof webSocketFunction>;

  beforeAll(async () => {
    table = await tableFor('realtime-custom', contract);
    ws = webSocketFunction(table, contract);
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
    const table = await tableFor('realtime-partial', DEFAULT_REALTIME_TABLE_CONTRACT);
    const ws = webSocketFunction(table, { ttlAttribute: 'expiry' });
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
