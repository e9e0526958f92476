/**
 * Subscribes and disconnects while DynamoDB fails: the hiring API's WebSocket handler (as deployed,
 * in-process behind a local API Gateway) with its DynamoDB client, sized as deployed but with short
 * timeouts, going through the fault proxy. Per fault (throttling, resets, HTTP 500, stalls, on every
 * call or on the subscription's write only, a write done whose answer is lost, a mix where half the
 * calls pass), 10 connections subscribe 5 times each; every subscribe must be stored
 * or answered with an `error` of a known errorType, never both and never neither, and nothing may
 * leak. Then the connections close while deletions fail: once the faults stop, later events must
 * sweep every record, so none outlives its connection.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { startFaultProxy, type FaultChooser, type FaultMode, type FaultProxy } from '../helpers/fault-proxy';
import { createRealtimeApi, realtimeClientThrough, type RealtimeApi } from '../helpers/realtime';
import { ALLOWED_ERROR_TYPES, leaksIn, Tally } from './lib/outcomes';
import { initialisedWsClient } from './lib/ws-client';

const MOVED = 'subscription ($jobId: ID) { onApplicationMoved(jobId: $jobId) { id jobId stage version } }';
const CONNECTIONS = 10;
const SUBSCRIBES = 5;

/** A seeded mix: half the calls pass, the rest get one of the per-request faults. */
function randomFaults(seed: number): FaultChooser {
  const faults: FaultMode[] = ['reset', 'blackhole', 'throttle', { status: 500 }, { status: 503 }, 'garbage', 'lose-response'];
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return () => (next() < 0.5 ? 'pass' : faults[Math.floor(next() * faults.length)]!);
}

/** A fault on the subscription's write only: the connection is read, the transaction fails. */
const onWrite = (fault: FaultMode): FaultChooser => ({ operation }) => (operation === 'TransactWriteItems' ? fault : 'pass');

const PHASES: Array<[string, FaultMode | FaultChooser]> = [
  ['throttle', 'throttle'],
  ['reset', 'reset'],
  ['upstream 500', { status: 500 }],
  ['stall', 'blackhole'],
  ['write throttled', onWrite('throttle')],
  ['write stalled', onWrite('blackhole')],
  ['write done, answer lost', onWrite('lose-response')],
  ['random mix (half the calls)', randomFaults(0x5eb5)],
];

let rt: RealtimeApi;
let proxy: FaultProxy;
const outcomes = new Tally();
const figures: string[] = [];

beforeAll(async () => {
  proxy = await startFaultProxy({ target: inject('dynamodbEndpoint') });
  rt = await createRealtimeApi({
    dynamodb: realtimeClientThrough(proxy.endpoint),
  });
}, 60_000);

afterAll(async () => {
  console.log(`subscriptions under DynamoDB faults (phase: outcome of each subscribe):\n${outcomes.toString()}\n${figures.map((line) => `  ${line}`).join('\n')}\n  proxy: ${JSON.stringify(proxy.counters.byMode)}`);
  await rt?.close();
  await proxy?.close();
});

/** Subscription ids stored in the table, by connection id. */
async function storedRecords(): Promise<Array<{ connectionId: string; sk: string }>> {
  const { db } = rt.hiring.api;
  const records: Array<{ connectionId: string; sk: string }> = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new ScanCommand({ TableName: db.tableName, FilterExpression: 'begins_with(PK, :prefix)', ExpressionAttributeValues: { ':prefix': 'WSCONN#' }, ConsistentRead: true, ExclusiveStartKey }),
    );
    for (const item of page.Items ?? []) records.push({ connectionId: String(item.connectionId), sk: String(item.SK) });
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return records;
}

const recruiter = () => initialisedWsClient(rt.gateway.url, { authorization: rt.hiring.tokenFor(['recruiters']) });

describe('subscriptions while DynamoDB fails', () => {
  it('answers every subscribe under each fault: stored, or an error with an errorType; nothing leaks', async () => {
    for (const [phase, mode] of PHASES) {
      await proxy.setMode('pass');
      const clients = await Promise.all(Array.from({ length: CONNECTIONS }, () => recruiter()));
      await proxy.setMode(mode);
      const ids = clients.map((client, c) => Array.from({ length: SUBSCRIBES }, (_, s) => {
        const id = `${phase.replace(/\W+/g, '-')}-${c}-${s}`;
        client.subscribe(id, MOVED, { jobId: 'job-faults' });
        return id;
      }));
      // Each subscribe is answered within its retries; one never answered is counted, not waited for.
      const answered = async () => {
        const stored = new Set((await storedRecords()).map(({ sk }) => sk.slice('SUB#'.length)));
        const refused = new Set(clients.flatMap((client) => client.messages.filter((message) => message.type === 'error').map((message) => message.id)));
        return ids.flat().filter((id) => stored.has(id) || refused.has(id)).length;
      };
      await vi.waitFor(async () => expect(await answered()).toBe(CONNECTIONS * SUBSCRIBES), { timeout: 30_000, interval: 200 }).catch(() => undefined);
      await proxy.setMode('pass');
      await rt.gateway.settled();
      // A refused subscribe whose write may have been done is deleted, at once or by a sweep after a later event.
      await vi.waitFor(async () => {
        clients[0]!.send({ type: 'ping' });
        await rt.gateway.settled();
        expect(rt.realtime.pendingCleanups()).toBe(0);
      }, { timeout: 20_000, interval: 250 });

      const stored = new Set((await storedRecords()).map(({ sk }) => sk.slice('SUB#'.length)));
      clients.forEach((client, c) => {
        for (const id of ids[c]!) {
          const errors = client.messages.filter((message) => message.type === 'error' && message.id === id).flatMap((message) => message.payload as Array<{ errorType?: string }>);
          const types = errors.map((error) => error.errorType ?? '(none)');
          const outcome = stored.has(id) ? (errors.length ? 'stored and refused' : 'stored') : errors.length ? types.join('+') : 'unanswered';
          outcomes.add(`${phase}: ${outcome}`);
        }
      });
      expect(leaksIn(JSON.stringify(clients.map((client) => client.messages)))).toEqual([]);
      await Promise.all(clients.map((client) => client.close()));
      await vi.waitFor(async () => expect(await storedRecords()).toEqual([]), { timeout: 20_000, interval: 100 });
    }
    const keys = [...outcomes.counts.keys()];
    expect(keys.filter((key) => key.endsWith('unanswered') || key.endsWith('stored and refused'))).toEqual([]);
    for (const key of keys) for (const type of key.split(': ')[1]!.split('+')) if (type !== 'stored') expect(ALLOWED_ERROR_TYPES).toContain(type);
    expect(outcomes.total()).toBe(PHASES.length * CONNECTIONS * SUBSCRIBES);
  }, 240_000);

  it('leaves no record behind connections closed while their deletion failed, once later events sweep', async () => {
    const clients = await Promise.all(Array.from({ length: CONNECTIONS }, () => recruiter()));
    clients.forEach((client, c) => client.subscribe(`closing-${c}`, MOVED, { jobId: 'job-faults' }));
    await vi.waitFor(async () => expect(await storedRecords()).toHaveLength(2 * CONNECTIONS), { timeout: 20_000 });

    await proxy.setMode(({ operation }) => (['DeleteItem', 'Query', 'BatchWriteItem'].includes(operation) ? 'throttle' : 'pass'));
    await Promise.all(clients.map((client) => client.close()));
    await vi.waitFor(() => expect(rt.realtime.pendingCleanups()).toBe(CONNECTIONS), { timeout: 30_000 });
    await proxy.setMode('pass');
    const leftDuringFaults = (await storedRecords()).length;

    // Any later event sweeps (a few connections at a time).
    const later = await recruiter();
    await vi.waitFor(async () => {
      later.send({ type: 'ping' });
      await later.next('pong');
      expect(rt.realtime.pendingCleanups()).toBe(0);
    }, { timeout: 30_000, interval: 100 });
    await later.close();
    await vi.waitFor(async () => expect(await storedRecords()).toEqual([]), { timeout: 20_000 });
    figures.push(`${CONNECTIONS} connections closed while deletions were throttled: ${leftDuringFaults} records left then, 0 after the sweep`);
    expect(leftDuringFaults).toBe(2 * CONNECTIONS);
  }, 120_000);
});
