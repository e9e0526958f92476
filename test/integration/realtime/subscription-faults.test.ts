// DynamoDB faults while graphql-ws clients subscribe and leave: the realtime function's client (the
// deployed settings, shorter timeouts) goes through the fault proxy, and each fault outlives the
// SDK's retries. Every subscribe is answered, nothing is half-stored, and no record outlives its
// connection once the faults stop.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { startFaultProxy, type FaultMode, type FaultProxy } from '../../helpers/fault-proxy';
import { createRealtimeApi, realtimeClientThrough, type RealtimeApi } from '../../helpers/realtime';

const MOVED = 'subscription Moved($jobId: ID) { onApplicationMoved(jobId: $jobId) { id jobId stage version } }';
const until = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 20_000, interval: 25 });

let rt: RealtimeApi;
let proxy: FaultProxy;
let jobId: string;

beforeAll(async () => {
  // DynamoDB Local keeps a database per access key: the proxy serves the test database's too.
  proxy = await startFaultProxy({ target: inject('dynamodbEndpoint') });
  rt = await createRealtimeApi({
    dynamodb: realtimeClientThrough(proxy.endpoint),
  });
  jobId = (await rt.hiring.aJob((await rt.hiring.aCompany()).id)).id;
});
afterAll(async () => {
  await rt?.close();
  await proxy?.close();
});

/** Every connection and subscription record in the table. */
async function realtimeRecords() {
  const { db } = rt.hiring.api;
  const { Items = [] } = await db.doc.send(new ScanCommand({ TableName: db.tableName, FilterExpression: 'begins_with(PK, :prefix)', ExpressionAttributeValues: { ':prefix': 'WSCONN#' }, ConsistentRead: true }));
  return Items;
}

/** A fault on the given DynamoDB operations only; everything else passes. */
const on = (operations: string[], fault: FaultMode) => proxy.setMode(({ operation }) => (operations.includes(operation) ? fault : 'pass'));

function subscribe(client: Client) {
  const outcome = { errors: [] as unknown[] };
  client.subscribe({ query: MOVED, variables: { jobId } }, { next: () => undefined, error: (error) => void outcome.errors.push(error), complete: () => undefined });
  return outcome;
}

const recruiter = () => rt.client({ authorization: rt.hiring.tokenFor(['recruiters']) });

describe('a subscribe while DynamoDB fails', () => {
  it.each([
    ['throttling', 'Throttled', 'throttle'],
    ['resets', 'DataSourceUnavailable', 'reset'],
    ['HTTP 500', 'DataSourceUnavailable', { status: 500 }],
    ['a stall (no answer)', 'Timeout', 'blackhole'],
  ] as Array<[string, string, FaultMode]>)('under %s is answered with %s, and nothing is stored', async (_name, errorType, fault) => {
    const client = recruiter();
    const ready = new Promise<void>((resolve) => client.on('connected', () => resolve()));
    const first = subscribe(client);
    // The connection is acknowledged and one subscription stored before the fault starts.
    await ready;
    await until(async () => expect((await realtimeRecords()).filter((record) => record.SK !== '#CONNECTION')).toHaveLength(1));
    await on(['TransactWriteItems'], fault);
    const failed = subscribe(client);
    await until(() => expect(failed.errors).toHaveLength(1));
    await proxy.setMode('pass');

    expect(failed.errors[0]).toEqual([expect.objectContaining({ errorType, errorInfo: { retryable: true } })]);
    expect(first.errors).toEqual([]);
    expect((await realtimeRecords()).filter((record) => record.SK !== '#CONNECTION')).toHaveLength(1);
    await client.dispose();
    await until(async () => expect(await realtimeRecords()).toEqual([]));
  });
});

describe('records after the faults', () => {
  it('a $disconnect during a fault leaves its records only until a later event sweeps them; none outlives its connection', async () => {
    const clients = [recruiter(), recruiter(), recruiter()];
    for (const client of clients) subscribe(client);
    await until(async () => expect(await realtimeRecords()).toHaveLength(6));

    await on(['DeleteItem', 'Query', 'BatchWriteItem'], 'throttle');
    await Promise.all(clients.map((client) => client.dispose()));
    await until(() => expect(rt.realtime.pendingCleanups()).toBe(3));
    await proxy.setMode('pass');
    expect(await realtimeRecords()).toHaveLength(6);

    // The next event the function handles sweeps them.
    const later = recruiter();
    const swept = subscribe(later);
    await until(() => expect(rt.realtime.pendingCleanups()).toBe(0));
    await later.dispose();
    await until(async () => expect(await realtimeRecords()).toEqual([]));
    expect(swept.errors).toEqual([]);
    console.log(`faults: proxy ${JSON.stringify(proxy.counters.byMode)}`);
  });
});
