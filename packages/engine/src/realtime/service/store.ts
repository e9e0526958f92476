/**
 * Connection and subscription records of the WebSocket API, in the API's table:
 *
 * | record       | PK                 | SK          | GSI1PK                        | GSI1SK              | GSI2PK                           | GSI2SK        |
 * |--------------|--------------------|-------------|-------------------------------|---------------------|----------------------------------|---------------|
 * | connection   | WSCONN#<connId>    | #CONNECTION | —                             | —                   | —                                | —             |
 * | subscription | WSCONN#<connId>    | SUB#<id>    | WSSUB#<field>#<filter key>    | <connId>#<id>       | WSINV#<field>#<invalidation key> | <connId>#<id> |
 *
 * (GSI2 only on subscriptions with an invalidation filter.)
 *
 * 1. A connection's records (to authorize, subscribe, clean up) ... Query PK=WSCONN#connId
 * 2. The subscriptions an event can match ... Query GSI1 GSI1PK=WSSUB#<field>#<key> for each
 *    candidate key (filters.ts): the cost grows with the matching subscribers, not the connections.
 * 3. The subscriptions an invalidation can end ... Query GSI2 GSI2PK=WSINV#<field>#<key> for each
 *    candidate key (invalidate.ts).
 *
 * Every record carries `expiresAt` (epoch seconds, the table's TTL attribute): API Gateway closes a
 * connection after 2 hours at most, so records a lost $disconnect left behind go by themselves.
 * A subscription record holds what delivery needs (document, variables, filter, the subscriber's
 * authorization): fan-out reads nothing else.
 */
import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RequestAuthorization } from '../../core/request';
import type { FilterGroup } from './filters';

/** The TTL attribute (serverless.yml `TimeToLiveSpecification`). */
export const TTL_ATTRIBUTE = 'expiresAt';
/** API Gateway's maximum connection duration, plus a margin. */
export const RECORD_TTL_SECONDS = 2 * 3600 + 600;

const CONNECTION_SK = '#CONNECTION';
const connectionPk = (connectionId: string) => `WSCONN#${connectionId}`;
const subscriptionSk = (id: string) => `SUB#${id}`;
const indexPk = (key: string) => `WSSUB#${key}`;
const invalidationPk = (key: string) => `WSINV#${key}`;

/** A RequestAuthorization as stored (its set of denied fields as a list). */
export interface StoredAuthorization extends Omit<RequestAuthorization, 'deniedFields'> {
  deniedFields: string[] | null;
}

export const storeAuthorization = ({ deniedFields, ...rest }: RequestAuthorization): StoredAuthorization => ({
  ...rest,
  deniedFields: deniedFields ? [...deniedFields] : null,
});

export const loadAuthorization = ({ deniedFields, ...rest }: StoredAuthorization): RequestAuthorization => ({
  ...rest,
  deniedFields: deniedFields ? new Set(deniedFields) : null,
});

export interface ConnectionRecord {
  connectionId: string;
  connectedAt: string;
  /** Set by an accepted connection_init; absent before. */
  authorization?: StoredAuthorization;
}

export interface SubscriptionRecord {
  connectionId: string;
  /** The id the client gave the subscription (unique per connection). */
  id: string;
  field: string;
  /** The index key: the field and its set arguments (filters.ts filterKey). */
  filterKey: string;
  args: Record<string, unknown>;
  query: string;
  variables: Record<string, unknown> | null;
  operationName: string | null;
  /** An enhanced filter the field's resolver set (UTIL-E2), replacing the arguments; null for none. */
  filter: FilterGroup | null;
  /** An invalidation filter the field's resolver set (UTIL-E2); null for none. */
  invalidationFilter: FilterGroup | null;
  /** The GSI2 key of a subscription with an invalidation filter (invalidate.ts invalidationKey); null for none. */
  invalidationKey: string | null;
  authorization: StoredAuthorization;
}

export interface RealtimeStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** Seconds since the epoch; Date.now() by default. */
  now?: () => number;
}

export type RealtimeStore = ReturnType<typeof createRealtimeStore>;

/** The records of one table. */
export function createRealtimeStore({ client, tableName, now = () => Math.floor(Date.now() / 1000) }: RealtimeStoreOptions) {
  const expiresAt = () => now() + RECORD_TTL_SECONDS;

  async function connectionKeys(connectionId: string): Promise<Array<{ PK: string; SK: string }>> {
    const keys: Array<{ PK: string; SK: string }> = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': connectionPk(connectionId) },
          ProjectionExpression: 'PK, SK',
          ExclusiveStartKey,
        }),
      );
      keys.push(...((page.Items ?? []) as Array<{ PK: string; SK: string }>));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return keys;
  }

  async function queryAll(indexName: 'GSI1' | 'GSI2', attribute: 'GSI1PK' | 'GSI2PK', value: string): Promise<SubscriptionRecord[]> {
    const records: SubscriptionRecord[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({ TableName: tableName, IndexName: indexName, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': attribute }, ExpressionAttributeValues: { ':pk': value }, ExclusiveStartKey }),
      );
      records.push(...((page.Items ?? []) as SubscriptionRecord[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return records;
  }

  return {
    /** $connect: the connection, not yet authorized. */
    async connect(connectionId: string): Promise<void> {
      const record: ConnectionRecord = { connectionId, connectedAt: new Date(now() * 1000).toISOString() };
      await client.send(new PutCommand({ TableName: tableName, Item: { PK: connectionPk(connectionId), SK: CONNECTION_SK, ...record, [TTL_ATTRIBUTE]: expiresAt() } }));
    },

    /** The connection's record; null when it is gone (disconnected, or never connected). */
    async connection(connectionId: string): Promise<ConnectionRecord | null> {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: { PK: connectionPk(connectionId), SK: CONNECTION_SK }, ConsistentRead: true }));
      return (Item as ConnectionRecord | undefined) ?? null;
    },

    /** connection_init accepted: false when the connection is gone or was already authorized. */
    async authorize(connectionId: string, authorization: RequestAuthorization): Promise<boolean> {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { PK: connectionPk(connectionId), SK: CONNECTION_SK },
            UpdateExpression: 'SET #auth = :authorization',
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(#auth)',
            ExpressionAttributeNames: { '#auth': 'authorization' },
            ExpressionAttributeValues: { ':authorization': storeAuthorization(authorization) },
          }),
        );
        return true;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },

    /** Stores a subscription; false when the connection already has one with this id. */
    async subscribe(record: SubscriptionRecord): Promise<boolean> {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...record,
              // After the record: a record read back from the index carries its old keys.
              PK: connectionPk(record.connectionId),
              SK: subscriptionSk(record.id),
              GSI1PK: indexPk(record.filterKey),
              GSI1SK: `${record.connectionId}#${record.id}`,
              ...(record.invalidationKey ? { GSI2PK: invalidationPk(record.invalidationKey), GSI2SK: `${record.connectionId}#${record.id}` } : {}),
              [TTL_ATTRIBUTE]: expiresAt(),
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return true;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },

    async unsubscribe(connectionId: string, id: string): Promise<void> {
      await client.send(new DeleteCommand({ TableName: tableName, Key: { PK: connectionPk(connectionId), SK: subscriptionSk(id) } }));
    },

    /** The subscriptions stored under one index key, every page. */
    async subscriptions(key: string): Promise<SubscriptionRecord[]> {
      return queryAll('GSI1', 'GSI1PK', indexPk(key));
    },

    /** The subscriptions with an invalidation filter stored under one GSI2 key (invalidate.ts), every page. */
    async invalidatable(key: string): Promise<SubscriptionRecord[]> {
      return queryAll('GSI2', 'GSI2PK', invalidationPk(key));
    },

    /** Deletes the connection and all its subscriptions ($disconnect, or a gone connection). */
    async disconnect(connectionId: string): Promise<number> {
      const keys = await connectionKeys(connectionId);
      for (let start = 0; start < keys.length; start += 25) {
        let requests: Record<string, unknown[]> | undefined = {
          [tableName]: keys.slice(start, start + 25).map((Key) => ({ DeleteRequest: { Key } })),
        };
        // Unprocessed items are retried until none is left (the SDK already backs off on throttling).
        while (requests && Object.keys(requests).length > 0) {
          const result = await client.send(new BatchWriteCommand({ RequestItems: requests as never }));
          requests = result.UnprocessedItems as Record<string, unknown[]> | undefined;
        }
      }
      return keys.length;
    },

    /** Every record of a connection (tests and diagnostics). */
    connectionKeys,
  };
}
