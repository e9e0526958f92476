import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createRealtimeStore, DEFAULT_REALTIME_TABLE_CONTRACT, type RealtimeTableContractOptions } from '@appsync-lambda/engine/realtime';
import { describe, expect, it } from 'vitest';

// Creating a store sends nothing: the client is never called here.
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local', credentials: { accessKeyId: 'unit', secretAccessKey: 'unit' } }));
const storeWith = (tableContract: RealtimeTableContractOptions) => () => createRealtimeStore({ client, tableName: 'realtime', tableContract });

describe('createRealtimeStore', () => {
  it('accepts the default contract, and a contract whose every name is another', () => {
    expect(storeWith({})).not.toThrow();
    expect(
      storeWith({
        partitionKey: 'pk',
        sortKey: 'sk',
        subscriptionIndex: { name: 'bySubscription', partitionKey: 'subPk', sortKey: 'subSk' },
        invalidationIndex: { name: 'byInvalidation', partitionKey: 'invPk', sortKey: 'invSk' },
        ttlAttribute: 'ttl',
      }),
    ).not.toThrow();
  });

  it('refuses an empty or missing name, naming its place', () => {
    expect(storeWith({ sortKey: ' ' })).toThrow(/sortKey must be a non-empty string, got " "/);
    expect(storeWith({ subscriptionIndex: { name: '' } })).toThrow(/subscriptionIndex\.name must be a non-empty string/);
    expect(storeWith({ ttlAttribute: 42 as never })).toThrow(/ttlAttribute must be a non-empty string, got 42/);
  });

  it('refuses one attribute for two purposes', () => {
    expect(storeWith({ ttlAttribute: 'SK' })).toThrow('The real-time table contract names attribute "SK" twice: sortKey and ttlAttribute');
    expect(storeWith({ invalidationIndex: { partitionKey: 'GSI1PK' } })).toThrow(/"GSI1PK" twice: subscriptionIndex\.partitionKey and invalidationIndex\.partitionKey/);
  });

  it('refuses an attribute the records themselves hold', () => {
    expect(storeWith({ partitionKey: 'connectionId' })).toThrow('The real-time table contract\'s partitionKey "connectionId" is an attribute of the records themselves');
    expect(storeWith({ ttlAttribute: 'authorization' })).toThrow(/ttlAttribute "authorization" is an attribute of the records/);
  });

  it('refuses one index for both queries', () => {
    expect(storeWith({ invalidationIndex: { name: 'GSI1' } })).toThrow('The real-time table contract names index "GSI1" twice: subscriptionIndex and invalidationIndex');
  });
});

describe('DEFAULT_REALTIME_TABLE_CONTRACT', () => {
  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(DEFAULT_REALTIME_TABLE_CONTRACT)).toBe(true);
    expect(Object.isFrozen(DEFAULT_REALTIME_TABLE_CONTRACT.subscriptionIndex)).toBe(true);
    expect(Object.isFrozen(DEFAULT_REALTIME_TABLE_CONTRACT.invalidationIndex)).toBe(true);
  });
});
