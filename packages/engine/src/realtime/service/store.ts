/**
 * Connection and subscription records of the WebSocket API, in the API's table. With the default
 * table contract (table-contract.ts; every attribute and index name below may be another):
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
import { resolveTableContract, type RealtimeIndexContract, type RealtimeTableContractOptions } from './table-contract';

/** API Gateway's maximum connection duration, plus a margin. */
const RECORD_TTL_SECONDS = 2 * 3600 + 600;

const CONNECTION_SK = '#CONNECTION';
const connectionPk = (connectionId: string) => `WSCONN#${connectionId}`;
const subscriptionSk = (id: string) => `SUB#${id}`;
const indexPk = (key: string) => `WSSUB#${key}`;
const invalidationPk = (key: string) => `WSINV#${key}`;

/** A RequestAuthorization as stored (its set of denied fields as a list). */
interface StoredAuthorization extends Omit<RequestAuthorization, 'deniedFields'> {
  deniedFields: string[] | null;
}

const storeAuthorization = ({ deniedFields, ...rest }: RequestAuthorization): StoredAuthorization => ({
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

/** The attributes of the records themselves (all of them, checked): the table contract may name none. */
const RECORD_ATTRIBUTES = Object.keys({
  connectionId: true,
  connectedAt: true,
  authorization: true,
  id: true,
  field: true,
  filterKey: true,
  args: true,
  query: true,
  variables: true,
  operationName: true,
  filter: true,
  invalidationFilter: true,
  invalidationKey: true,
} satisfies Record<keyof ConnectionRecord | keyof SubscriptionRecord, true>);

export interface RealtimeStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** The table's key, index and TTL attribute names (table-contract.ts); the defaults when absent. */
  tableContract?: RealtimeTableContractOptions;
  /** Seconds since the epoch; Date.now() by default. */
  now?: () => number;
}

/** A record's primary key, under the contract's attribute names. */
type RecordKey = Record<string, string>;

export type RealtimeStore = ReturnType<typeof createRealtimeStore>;

/** The records of one table; throws at creation when the table contract is not valid. */
export function createRealtimeStore({ client, tableName, tableContract, now = () => Math.floor(Date.now() / 1000) }: RealtimeStoreOptions) {
  const { partitionKey, sortKey, subscriptionIndex, invalidationIndex, ttlAttribute } = resolveTableContract(tableContract, RECORD_ATTRIBUTES);
  const expiresAt = () => now() + RECORD_TTL_SECONDS;
  const keyOf = (pk: string, sk: string): RecordKey => ({ [partitionKey]: pk, [sortKey]: sk });
  // Attribute names go through placeholders: a contract may name a DynamoDB reserved word.
  const keyNames = { '#pk': partitionKey, '#sk': sortKey };

  async function connectionKeys(connectionId: string): Promise<RecordKey[]> {
    const keys: RecordKey[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: keyNames,
          ExpressionAttributeValues: { ':pk': connectionPk(connectionId) },
          ProjectionExpression: '#pk, #sk',
          ExclusiveStartKey,
        }),
      );
      keys.push(...((page.Items ?? []) as RecordKey[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return keys;
  }

  async function queryAll(index: RealtimeIndexContract, value: string): Promise<SubscriptionRecord[]> {
    const records: SubscriptionRecord[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({ TableName: tableName, IndexName: index.name, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': index.partitionKey }, ExpressionAttributeValues: { ':pk': value }, ExclusiveStartKey }),
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
      await client.send(new PutCommand({ TableName: tableName, Item: { ...keyOf(connectionPk(connectionId), CONNECTION_SK), ...record, [ttlAttribute]: expiresAt() } }));
    },

    /** The connection's record; null when it is gone (disconnected, or never connected). */
    async connection(connectionId: string): Promise<ConnectionRecord | null> {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: keyOf(connectionPk(connectionId), CONNECTION_SK), ConsistentRead: true }));
      return (Item as ConnectionRecord | undefined) ?? null;
    },

    /** connection_init accepted: false when the connection is gone or was already authorized. */
    async authorize(connectionId: string, authorization: RequestAuthorization): Promise<boolean> {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keyOf(connectionPk(connectionId), CONNECTION_SK),
            UpdateExpression: 'SET #auth = :authorization',
            ConditionExpression: 'attribute_exists(#pk) AND attribute_not_exists(#auth)',
            ExpressionAttributeNames: { '#pk': partitionKey, '#auth': 'authorization' },
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
      const indexSk = `${record.connectionId}#${record.id}`;
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...record,
              // After the record: a record read back from the index carries its old keys.
              ...keyOf(connectionPk(record.connectionId), subscriptionSk(record.id)),
              [subscriptionIndex.partitionKey]: indexPk(record.filterKey),
              [subscriptionIndex.sortKey]: indexSk,
              ...(record.invalidationKey ? { [invalidationIndex.partitionKey]: invalidationPk(record.invalidationKey), [invalidationIndex.sortKey]: indexSk } : {}),
              [ttlAttribute]: expiresAt(),
            },
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': partitionKey },
          }),
        );
        return true;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },

    async unsubscribe(connectionId: string, id: string): Promise<void> {
      await client.send(new DeleteCommand({ TableName: tableName, Key: keyOf(connectionPk(connectionId), subscriptionSk(id)) }));
    },

    /** The subscriptions stored under one index key, every page. */
    async subscriptions(key: string): Promise<SubscriptionRecord[]> {
      return queryAll(subscriptionIndex, indexPk(key));
    },

    /** The subscriptions with an invalidation filter stored under one invalidation-index key (invalidate.ts), every page. */
    async invalidatable(key: string): Promise<SubscriptionRecord[]> {
      return queryAll(invalidationIndex, invalidationPk(key));
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

    /** The primary keys of a connection's records (tests and diagnostics). */
    connectionKeys,
  };
}
