// The fault proxy itself (test/helpers/fault-proxy.ts), as the reliability suite relies on it.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDBClient } from '@appsync-lambda/engine';
import { createTestDatabase, type TestDatabase } from '../../helpers/dynamodb';
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy';

let db: TestDatabase;
let proxy: FaultProxy;
let send: (command: GetCommand | PutCommand) => Promise<unknown>;
beforeAll(async () => {
  db = await createTestDatabase();
  proxy = await startFaultProxy({ target: db.endpoint });
  const { client } = createDynamoDBClient(
    { endpoint: proxy.endpoint, connectTimeoutMs: 500, requestTimeoutMs: 500, maxAttempts: 1 },
    { region: 'local', credentials: { accessKeyId: db.accessKeyId, secretAccessKey: 'local' } },
  );
  send = (command) => client.send(command as GetCommand);
});
afterAll(() => proxy.close());

const key = { PK: 'proxy', SK: 'item' };
const get = () => send(new GetCommand({ TableName: db.tableName, Key: key }));

describe('startFaultProxy', () => {
  it('forwards requests in pass mode and counts them by operation and mode', async () => {
    const before = proxy.counters.requests;
    await send(new PutCommand({ TableName: db.tableName, Item: { ...key, n: 1 } }));
    expect(await get()).toMatchObject({ Item: { ...key, n: 1 } });
    expect(proxy.counters.requests - before).toBe(2);
    expect(proxy.counters.byOperation).toMatchObject({ PutItem: 1, GetItem: 1 });
    expect(proxy.counters.byMode.pass).toBeGreaterThanOrEqual(2);
  });

  it('refuses connections in refuse mode and listens again on the same endpoint afterwards', async () => {
    await proxy.setMode('refuse');
    // A pooled connection that the switch closed may first fail with a reset; new connections are refused.
    await get().catch(() => undefined);
    await expect(get()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await proxy.setMode('pass');
    expect(await get()).toMatchObject({ Item: key });
  });

  it('applies a chooser per request, seeing the operation and the body', async () => {
    const seen: string[] = [];
    await proxy.setMode(({ operation, body }) => {
      seen.push(`${operation} ${JSON.parse(body).TableName}`);
      return { delay: 10 };
    });
    expect(await get()).toMatchObject({ Item: key });
    await proxy.setMode('pass');
    expect(seen).toEqual([`GetItem ${db.tableName}`]);
  });

  it('applies the write and then resets the connection in lose-response mode', async () => {
    await proxy.setMode('lose-response');
    await expect(send(new PutCommand({ TableName: db.tableName, Item: { ...key, n: 2 } }))).rejects.toMatchObject({ code: 'ECONNRESET' });
    await proxy.setMode('pass');
    expect(await get()).toMatchObject({ Item: { ...key, n: 2 } });
  });

  it('answers DynamoDB errors of its choosing without reaching DynamoDB', async () => {
    await proxy.setMode({ dynamodbError: 'ResourceNotFoundException', message: 'Requested resource not found' });
    await expect(get()).rejects.toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 400 } });
    await proxy.setMode('pass');
  });
});
