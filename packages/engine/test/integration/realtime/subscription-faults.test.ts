import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestTable } from '../../helpers/dynamodb';
import { CHANNEL_SDL, realtimeTable, webSocketFunction } from '../../helpers/websocket';

const API_KEY = 'da2-subscription-faults';
const ON_POST = 'subscription { onPost(channel: "general") { channel text } }';

/** What the SDK throws once its retries are spent, per fault: the errors its handlers and parsers raise. */
const FAULTS = {
  throttle: () => Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), { name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 400, attempts: 3 } }),
  reset: () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', $metadata: { attempts: 3 } }),
  'upstream 500': () => Object.assign(new Error('UnknownError'), { name: 'InternalServerError', $fault: 'server', $metadata: { httpStatusCode: 500, attempts: 3 } }),
  stall: () => Object.assign(new Error('a request has exceeded the configured 3000 ms requestTimeout.'), { name: 'TimeoutError', code: 'ETIMEDOUT', $metadata: { attempts: 3 } }),
};
type Fault = keyof typeof FAULTS;

let table: TestTable;
/** DynamoDB operations that fail now, and how; `lose` runs the first call, then fails it (its answer is lost), and fails the next ones. */
let failing: { operations: string[]; fault: Fault; lose?: boolean } | null = null;
/**
 * Per DynamoDB operation, what its next attempts meet, one step each, inside the SDK's retries:
 * `lose` does the attempt and loses its answer (the SDK sends it again), a fault fails it undone.
 */
let attempts: Record<string, Array<'lose' | Fault>> = {};
let connections = 0;
const logged: Array<{ level: string; message: string; extra: Record<string, unknown> }> = [];
const logger = Object.fromEntries(
  (['debug', 'info', 'warn', 'error'] as const).map((level) => [level, (message: string, extra: Record<string, unknown> = {}) => void logged.push({ level, message, extra })]),
) as unknown as Parameters<typeof webSocketFunction>[0]['logger'];

beforeAll(async () => {
  table = await realtimeTable('realtime-faults');
  // Faults are injected in front of the SDK's retries: a call fails as it would once they are spent.
  table.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const fault = failing && failing.operations.some((operation) => context.commandName === `${operation}Command`) ? failing : null;
      if (!fault) return next(args);
      if (fault.lose) {
        failing = { ...fault, lose: false };
        await next(args);
      }
      throw FAULTS[fault.fault]();
    },
    { step: 'initialize', name: 'injectFaults' },
  );
  // Per attempt, inside the SDK's retries.
  table.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const step = attempts[String(context.commandName).replace(/Command$/, '')]?.shift();
      if (!step) return next(args);
      if (step !== 'lose') throw FAULTS[step]();
      await next(args);
      throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' });
    },
    { step: 'deserialize', name: 'scriptedAttempts' },
  );
});
afterEach(() => {
  failing = null;
  attempts = {};
});

const ws = () => webSocketFunction({ client: table.doc, tableName: table.tableName, auth: { defaultMode: 'API_KEY', additionalModes: [], apiKeys: [API_KEY] }, sdl: CHANNEL_SDL, logger });

async function connected(fn = ws()) {
  const connectionId = `faults-${(connections += 1)}`;
  await fn.open(connectionId, { 'x-api-key': API_KEY });
  return { fn, connectionId };
}

/** Every record of a connection, straight from the table. */
async function recordsOf(connectionId: string) {
  const { Items = [] } = await table.doc.send(new ScanCommand({ TableName: table.tableName, FilterExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `WSCONN#${connectionId}` } }));
  return Items;
}

const errorsTo = (fn: ReturnType<typeof ws>, connectionId: string) => fn.messagesTo(connectionId).filter((message) => message.type === 'error');

describe('a subscribe that fails on the table', () => {
  it.each([
    ['throttle', 'Throttled'],
    ['reset', 'DataSourceUnavailable'],
    ['upstream 500', 'DataSourceUnavailable'],
    ['stall', 'Timeout'],
  ] as const)('answers the client under %s with %s, retryable, and stores nothing', async (fault, errorType) => {
    const { fn, connectionId } = await connected();
    failing = { operations: ['TransactWriteItems'], fault };
    await fn.subscribe(connectionId, 'sub-1', ON_POST);
    failing = null;

    expect(errorsTo(fn, connectionId)).toEqual([{ type: 'error', id: 'sub-1', payload: [expect.objectContaining({ errorType, errorInfo: { retryable: true } })] }]);
    expect((await recordsOf(connectionId)).map((record) => record.SK)).toEqual(['#CONNECTION']);
    expect((await fn.realtime.store.connection(connectionId))?.subscriptionCount).toBeUndefined();
  });

  it('answers the client when reading its connection fails', async () => {
    const { fn, connectionId } = await connected();
    failing = { operations: ['GetItem'], fault: 'reset' };
    await fn.subscribe(connectionId, 'sub-1', ON_POST);
    failing = null;
    expect(errorsTo(fn, connectionId).map((message) => message.payload[0].errorType)).toEqual(['DataSourceUnavailable']);
    expect(await recordsOf(connectionId)).toHaveLength(1);
  });

  it('removes what it stored when the write was done but its answer lost: at once, or with a sweep after a later event', async () => {
    const { fn, connectionId } = await connected();
    // The write is done and its answer lost; the deletion that follows fails too.
    failing = { operations: ['TransactWriteItems'], fault: 'reset', lose: true };
    await fn.subscribe(connectionId, 'sub-1', ON_POST);
    failing = null;

    expect(errorsTo(fn, connectionId).map((message) => message.payload[0].errorType)).toEqual(['DataSourceUnavailable']);
    expect((await recordsOf(connectionId)).map((record) => record.SK).sort()).toEqual(['#CONNECTION', 'SUB#sub-1']);
    expect(fn.realtime.pendingCleanups()).toBe(1);

    await fn.send(connectionId, { type: 'ping' });
    expect(fn.realtime.pendingCleanups()).toBe(0);
    expect((await recordsOf(connectionId)).map((record) => record.SK)).toEqual(['#CONNECTION']);
    expect((await fn.realtime.store.connection(connectionId))?.subscriptionCount).toBe(0);
    // The client may subscribe again with the same id.
    await fn.subscribe(connectionId, 'sub-1', ON_POST);
    expect((await recordsOf(connectionId)).map((record) => record.SK).sort()).toEqual(['#CONNECTION', 'SUB#sub-1']);
  });

  it('acknowledges a connection_init and stores a subscribe whose first answer was lost and that the SDK sent again', async () => {
    const fn = ws();
    const connectionId = 'faults-resent';
    await fn.route('$connect', connectionId, { headers: { 'Sec-WebSocket-Protocol': 'graphql-transport-ws' } });
    attempts = { UpdateItem: ['lose'], TransactWriteItems: ['lose'] };
    await fn.send(connectionId, { type: 'connection_init', payload: { 'x-api-key': API_KEY } });
    await fn.subscribe(connectionId, 'sub-1', ON_POST);

    expect(attempts).toEqual({ UpdateItem: [], TransactWriteItems: [] });
    expect(fn.messagesTo(connectionId)).toEqual([{ type: 'connection_ack' }]);
    expect((await recordsOf(connectionId)).map((record) => record.SK).sort()).toEqual(['#CONNECTION', 'SUB#sub-1']);
    expect((await fn.realtime.store.connection(connectionId))?.subscriptionCount).toBe(1);
  });

  it('removes the record of a subscribe answered Throttled whose first attempt was done before its answer was lost', async () => {
    const { fn, connectionId } = await connected();
    // Every attempt after the lost one is throttled, however many the SDK makes (the deletion's too).
    attempts = { TransactWriteItems: ['lose', ...Array.from({ length: 20 }, () => 'throttle' as const)] };
    await fn.subscribe(connectionId, 'sub-1', ON_POST);
    attempts = {};
    expect(errorsTo(fn, connectionId).map((message) => message.payload[0].errorType)).toEqual(['Throttled']);

    // The deletion goes now or with the sweep after the next event.
    await fn.send(connectionId, { type: 'ping' });
    expect(fn.realtime.pendingCleanups()).toBe(0);
    expect((await recordsOf(connectionId)).map((record) => record.SK)).toEqual(['#CONNECTION']);
    expect((await fn.realtime.store.connection(connectionId))?.subscriptionCount).toBe(0);
  });

  it('logs each fault once, at ERROR, and no refusal of a connection with Powertools\' reserved `message` key', async () => {
    logged.length = 0;
    const { fn, connectionId } = await connected();
    failing = { operations: ['TransactWriteItems'], fault: 'upstream 500' };
    await fn.subscribe(connectionId, 'sub-1', ON_POST);
    failing = null;
    await fn.send(connectionId, { type: 'connection_init', payload: { 'x-api-key': API_KEY } });

    expect(logged.filter((line) => line.level === 'error').map((line) => line.message)).toEqual(['A subscribe failed']);
    const refused = logged.find((line) => line.message === 'WebSocket connection closed by the server');
    expect(refused?.extra).toEqual({ connectionId, errorType: 'TooManyInitialisationRequests', reason: 'Too many initialisation requests' });
    for (const line of logged) expect(line.extra).not.toHaveProperty('message');
  });
});

describe('records and their connection', () => {
  it('leaves no subscription behind when the connection closes while it subscribes (20 connections)', async () => {
    const fn = ws();
    const opened = await Promise.all(Array.from({ length: 20 }, () => connected(fn)));
    await Promise.all(opened.map(({ connectionId }) => Promise.all([fn.subscribe(connectionId, 'sub-1', ON_POST), fn.disconnect(connectionId)])));

    const left = await Promise.all(opened.map(({ connectionId }) => recordsOf(connectionId)));
    expect(left.flat()).toEqual([]);
  });

  it('sweeps the records a $disconnect could not delete during a fault, after a later event', async () => {
    const fn = ws();
    const { connectionId } = await connected(fn);
    await fn.subscribe(connectionId, 'sub-1', ON_POST);
    await fn.subscribe(connectionId, 'sub-2', ON_POST);

    failing = { operations: ['DeleteItem', 'Query', 'BatchWriteItem'], fault: 'throttle' };
    expect(await fn.disconnect(connectionId)).toEqual({ statusCode: 200 });
    failing = null;
    expect(await recordsOf(connectionId)).toHaveLength(3);
    expect(fn.realtime.pendingCleanups()).toBe(1);

    // Any later event of this container sweeps once the table answers.
    await fn.route('$connect', 'faults-later', { headers: { 'Sec-WebSocket-Protocol': 'graphql-transport-ws' } });
    expect(await recordsOf(connectionId)).toEqual([]);
    expect(fn.realtime.pendingCleanups()).toBe(0);
  });

  it('deletes the connection\'s records when connection_init fails on the table, and closes it', async () => {
    const fn = ws();
    const connectionId = 'faults-init';
    await fn.route('$connect', connectionId, { headers: { 'Sec-WebSocket-Protocol': 'graphql-transport-ws' } });
    failing = { operations: ['UpdateItem'], fault: 'stall' };
    await fn.send(connectionId, { type: 'connection_init', payload: { 'x-api-key': API_KEY } });
    failing = null;
    expect(fn.connections.gone.has(connectionId)).toBe(true);
    expect(await recordsOf(connectionId)).toEqual([]);
  });
});
