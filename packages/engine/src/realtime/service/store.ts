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
 *
 * No subscription outlives its connection record: a subscription is written in one transaction
 * with its connection's count (`subscriptionCount`, which also enforces the per-connection limit),
 * on the condition that the connection record exists; $disconnect deletes the connection record
 * first, then whatever its partition still holds, read with a consistent Query.
 */
import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MAX_WRITES_PER_CALL } from '../../data-sources/dynamodb/batch-write';
import { nonEmpty, sendWithRetries } from '../../data-sources/dynamodb/retry';
import { cancellation, failedCondition, retryConflicts, storedBy, type WireItem } from './conflicts';
import { DEFAULT_REALTIME_LIMITS } from './limits';
import type { RequestAuthorization } from '../../core/request';
import type { FilterGroup } from './filters';
import { resolveTableContract, type RealtimeIndexContract, type RealtimeTableContractOptions } from './table-contract';

/** API Gateway's maximum connection duration, plus a margin. */
const RECORD_TTL_SECONDS = 2 * 3600 + 600;

const CONNECTION_SK = '#CONNECTION';
/** The connection record's count of its subscriptions. */
const COUNT_ATTRIBUTE = 'subscriptionCount';
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
  /** The id of the connection_init request that set `authorization`. */
  requestId?: string;
  /** The connection's stored subscriptions, kept by subscribe and unsubscribe; absent for none yet. */
  subscriptionCount?: number;
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
  /** The id of the request that stored it: a failed subscribe removes its own record only. */
  requestId: string;
}

/** What storing a subscription did. */
export type SubscribeOutcome =
  /** Stored, and counted on its connection. */
  | 'stored'
  /** The connection already has a subscription with this id. */
  | 'duplicate'
  /** The connection holds the maximum number of subscriptions. */
  | 'limit'
  /** The connection's record is gone (disconnected): nothing was stored. */
  | 'gone';

/** The attributes of the records themselves (all of them, checked): the table contract may name none. */
const RECORD_ATTRIBUTES = Object.keys({
  connectionId: true,
  connectedAt: true,
  authorization: true,
  subscriptionCount: true,
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
  requestId: true,
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
          // After the connection record's deletion, every subscription committed before it is seen.
          ConsistentRead: true,
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

    /**
     * connection_init accepted: false when the connection is gone or was already authorized (by
     * another request: the SDK's resend of this one, whose first answer was lost, finds its own).
     */
    async authorize(connectionId: string, authorization: RequestAuthorization, requestId: string): Promise<boolean> {
      try {
        await retryConflicts(() =>
          client.send(
            new UpdateCommand({
              TableName: tableName,
              Key: keyOf(connectionPk(connectionId), CONNECTION_SK),
              UpdateExpression: 'SET #auth = :authorization, #requestId = :requestId',
              ConditionExpression: 'attribute_exists(#pk) AND attribute_not_exists(#auth)',
              ExpressionAttributeNames: { '#pk': partitionKey, '#auth': 'authorization', '#requestId': 'requestId' },
              ExpressionAttributeValues: { ':authorization': storeAuthorization(authorization), ':requestId': requestId },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
          ),
        );
        return true;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return storedBy((error as { Item?: WireItem }).Item, requestId);
        throw error;
      }
    },

    /**
     * Stores a subscription and counts it on its connection, in one transaction: nothing is stored
     * when the connection is gone, already has this id, or holds `maxSubscriptions` already.
     */
    async subscribe(record: SubscriptionRecord, maxSubscriptions = DEFAULT_REALTIME_LIMITS.maxSubscriptionsPerConnection): Promise<SubscribeOutcome> {
      const indexSk = `${record.connectionId}#${record.id}`;
      try {
        await retryConflicts(() =>
          client.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Update: {
                    TableName: tableName,
                    Key: keyOf(connectionPk(record.connectionId), CONNECTION_SK),
                    UpdateExpression: 'ADD #count :one',
                    ConditionExpression: 'attribute_exists(#pk) AND (attribute_not_exists(#count) OR #count < :max)',
                    ExpressionAttributeNames: { '#pk': partitionKey, '#count': COUNT_ATTRIBUTE },
                    ExpressionAttributeValues: { ':one': 1, ':max': maxSubscriptions },
                    // Tells a full connection (its record comes back) from a gone one (nothing does).
                    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
                  },
                },
                {
                  Put: {
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
                    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
                  },
                },
              ],
            }),
          ),
        );
        return 'stored';
      } catch (error) {
        const [connection, subscription] = cancellation(error) ?? [];
        // The SDK's resend of a write whose answer was lost meets its own record: stored, not a duplicate.
        if (failedCondition(subscription)) return storedBy(subscription!.Item, record.requestId) ? 'stored' : 'duplicate';
        if (failedCondition(connection)) return connection!.Item ? 'limit' : 'gone';
        throw error;
      }
    },

    /**
     * Deletes a subscription and uncounts it, in one transaction; false when there was none (or,
     * with `requestId`, none that request stored). A subscription whose connection record is gone
     * is deleted alone.
     */
    async unsubscribe(connectionId: string, id: string, requestId?: string): Promise<boolean> {
      const Key = keyOf(connectionPk(connectionId), subscriptionSk(id));
      const ownCondition = {
        ConditionExpression: requestId ? 'attribute_exists(#pk) AND #requestId = :requestId' : 'attribute_exists(#pk)',
        ExpressionAttributeNames: { '#pk': partitionKey, ...(requestId ? { '#requestId': 'requestId' } : {}) },
        ...(requestId ? { ExpressionAttributeValues: { ':requestId': requestId } } : {}),
      };
      try {
        await retryConflicts(() =>
          client.send(
            new TransactWriteCommand({
              TransactItems: [
                { Delete: { TableName: tableName, Key, ...ownCondition } },
                {
                  Update: {
                    TableName: tableName,
                    Key: keyOf(connectionPk(connectionId), CONNECTION_SK),
                    UpdateExpression: 'ADD #count :minusOne',
                    ConditionExpression: 'attribute_exists(#pk)',
                    ExpressionAttributeNames: { '#pk': partitionKey, '#count': COUNT_ATTRIBUTE },
                    ExpressionAttributeValues: { ':minusOne': -1 },
                  },
                },
              ],
            }),
          ),
        );
        return true;
      } catch (error) {
        const [subscription, connection] = cancellation(error) ?? [];
        if (failedCondition(subscription)) return false;
        if (!failedCondition(connection)) throw error;
      }
      try {
        await client.send(new DeleteCommand({ TableName: tableName, Key, ...ownCondition }));
        return true;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },

    /** The subscriptions stored under one index key, every page. */
    async subscriptions(key: string): Promise<SubscriptionRecord[]> {
      return queryAll(subscriptionIndex, indexPk(key));
    },

    /** The subscriptions with an invalidation filter stored under one invalidation-index key (invalidate.ts), every page. */
    async invalidatable(key: string): Promise<SubscriptionRecord[]> {
      return queryAll(invalidationIndex, invalidationPk(key));
    },

    /**
     * Deletes the connection and all its subscriptions ($disconnect, or a gone connection): the
     * connection record first, so that no subscription can be stored after the partition is read.
     * Returns the records deleted.
     */
    async disconnect(connectionId: string): Promise<number> {
      const { Attributes } = await retryConflicts(() =>
        client.send(new DeleteCommand({ TableName: tableName, Key: keyOf(connectionPk(connectionId), CONNECTION_SK), ReturnValues: 'ALL_OLD' })),
      );
      const keys = await connectionKeys(connectionId);
      for (let start = 0; start < keys.length; start += MAX_WRITES_PER_CALL) {
        const requests = { [tableName]: keys.slice(start, start + MAX_WRITES_PER_CALL).map((Key) => ({ DeleteRequest: { Key } })) };
        // Unprocessed items are sent again with backoff; what outlives the retries fails the call.
        const { remainder, error } = await sendWithRetries<Record<string, unknown[]>>(requests, undefined, async (pending) => {
          const result = await client.send(new BatchWriteCommand({ RequestItems: pending as never }));
          return nonEmpty(result.UnprocessedItems as Record<string, unknown[]> | undefined);
        });
        if (error) throw error;
        if (remainder) throw new Error(`${Object.values(remainder).flat().length} records of connection ${connectionId} are left after the retries`);
      }
      return keys.length + (Attributes ? 1 : 0);
    },

    /** The primary keys of a connection's records (tests and diagnostics). */
    connectionKeys,
  };
}
