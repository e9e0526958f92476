/**
 * The WebSocket function as API Gateway drives it, without a network: a client's messages become
 * `$connect`, `$default` and `$disconnect` events for the real handler, and the Management API is
 * kept in memory (what was posted to whom, which connections are gone or were closed).
 */
import {
  createRealtime,
  createWebSocketHandler,
  DEFAULT_REALTIME_TABLE_CONTRACT,
  type ConnectionApi,
  type RealtimeOptions,
  type RealtimeTableContract,
} from '@appsync-lambda/engine/realtime';
import { createTestTable, type TestTable } from './dynamodb';

/** A chat-like schema: `post` fires `onPost`, filtered by channel; replies come in pages (for the cost estimate). */
export const CHANNEL_SDL = /* GraphQL */ `
  type Message {
    channel: String!
    text: String
    replies(limit: Int): MessagePage
  }
  type MessagePage {
    items: [Message]
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

export interface PostedMessage {
  connectionId: string;
  message: { type: string; id?: string; payload?: any };
}

/** API Gateway's Management API, kept in memory. */
export function memoryConnections() {
  const posted: PostedMessage[] = [];
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

export type WebSocketFunctionOptions = Omit<RealtimeOptions, 'connections'>;

/** The handler of one realtime service, and a client's side of it. */
export function webSocketFunction(options: WebSocketFunctionOptions) {
  const connections = memoryConnections();
  const realtime = createRealtime({ ...options, connections: () => connections.api });
  const handler = createWebSocketHandler(realtime, { endpoint: 'http://localhost:3001' });
  let requests = 0;
  const route = (routeKey: string, connectionId: string, extra: Record<string, unknown> = {}) =>
    handler({ requestContext: { routeKey, connectionId, requestId: `${routeKey}-${connectionId}-${(requests += 1)}` }, ...extra } as never);
  const send = (connectionId: string, message: unknown) => route('$default', connectionId, { body: typeof message === 'string' ? message : JSON.stringify(message) });
  return {
    realtime,
    connections,
    route,
    send,
    publish: (event: Parameters<typeof handler>[0]) => handler(event),
    disconnect: (connectionId: string) => route('$disconnect', connectionId),
    /** $connect, then connection_init with these credentials. */
    async open(connectionId: string, credentials: Record<string, string>) {
      await route('$connect', connectionId, { headers: { 'Sec-WebSocket-Protocol': 'graphql-transport-ws' } });
      await send(connectionId, { type: 'connection_init', payload: credentials });
    },
    subscribe: (connectionId: string, id: string, query: string, variables?: Record<string, unknown>) =>
      send(connectionId, { id, type: 'subscribe', payload: { query, ...(variables ? { variables } : {}) } }),
    /** What the connection was sent, in order. */
    messagesTo: (connectionId: string) => connections.posted.filter((entry) => entry.connectionId === connectionId).map((entry) => entry.message),
  };
}

/** A table with the contract's key and index names, as an application might have deployed it. */
export function realtimeTable(name: string, contract: RealtimeTableContract = DEFAULT_REALTIME_TABLE_CONTRACT): Promise<TestTable> {
  const { partitionKey, sortKey, subscriptionIndex, invalidationIndex } = contract;
  return createTestTable({
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
}
