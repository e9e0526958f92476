/**
 * Subscriptions through `npm start` (serverless-offline's WebSocket API, the realtime function
 * in-process, the stack's DynamoDB Local), as hostile and bursty clients use them: 500 connections
 * opened at once, 150 and 1,000 subscribes at once on one connection, a 2,000-character id, frames
 * API Gateway refuses (invalid UTF-8, binary, over 128 KB), connections closed while they subscribe.
 * Every subscribe must be answered (stored, or an `error` with an errorType), the stack must keep
 * serving, and no record may outlive its connection.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '@appsync-lambda/dynamodb-local';
import { startLocalStack, type LocalStack } from '../helpers/local-stack';
import { ALLOWED_ERROR_TYPES, leaksIn, Tally } from './lib/outcomes';
import { initialisedWsClient, openWsClient, sendRawFrame, type WsClient } from './lib/ws-client';

const TABLE = 'hiring-api-local';
const MOVED = 'subscription ($jobId: ID) { onApplicationMoved(jobId: $jobId) { id jobId stage version } }';

let stack: LocalStack;
let dataDir: string;
let documents: DynamoDBDocumentClient;
const figures: string[] = [];
const clients: WsClient[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hiring-api-ws-reliability-'));
  const dynamodbPort = await freePort();
  stack = await startLocalStack({ port: await freePort(), dynamodbPort, websocketPort: await freePort(), dataDir });
  documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: `http://127.0.0.1:${dynamodbPort}`, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
}, 240_000);

afterAll(async () => {
  console.log(`subscriptions through npm start:\n${figures.map((line) => `  ${line}`).join('\n')}`);
  await Promise.all(clients.map((client) => client.close()));
  documents?.destroy();
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every real-time record in the stack's table, by connection id. */
async function recordsByConnection(): Promise<Map<string, string[]>> {
  const records = new Map<string, string[]>();
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new ScanCommand({ TableName: TABLE, FilterExpression: 'begins_with(PK, :prefix)', ExpressionAttributeValues: { ':prefix': 'WSCONN#' }, ProjectionExpression: 'PK, SK', ConsistentRead: true, ExclusiveStartKey }),
    );
    for (const item of page.Items ?? []) {
      const connectionId = String(item.PK).slice('WSCONN#'.length);
      records.set(connectionId, [...(records.get(connectionId) ?? []), String(item.SK)]);
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return records;
}

const subscriptionsOf = (records: Map<string, string[]>) => [...records.values()].flat().filter((sk) => sk.startsWith('SUB#')).map((sk) => sk.slice('SUB#'.length));

const recruiter = () => initialisedWsClient(stack.websocketUrl, { authorization: stack.tokens.recruiter });

/** Sends `count` subscribes at once on one connection; resolves once each is stored or refused. */
async function subscribeBurst(count: number, prefix: string) {
  const client = await recruiter();
  clients.push(client);
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  const started = performance.now();
  for (const id of ids) client.subscribe(id, MOVED, { jobId: `job-${prefix}` });
  const answered = async () => {
    const stored = new Set(subscriptionsOf(await recordsByConnection()).filter((id) => id.startsWith(`${prefix}-`)));
    const refused = client.messages.filter((message) => message.type === 'error' && message.id?.startsWith(`${prefix}-`));
    return { stored, refused };
  };
  await vi.waitFor(async () => {
    const { stored, refused } = await answered();
    expect(stored.size + refused.length).toBe(count);
  }, { timeout: 120_000, interval: 250 });
  const { stored, refused } = await answered();
  const types = new Tally();
  for (const message of refused) for (const error of message.payload ?? []) types.add(error.errorType ?? '(none)');
  const overlap = refused.filter((message) => stored.has(message.id!)).length;
  return { client, stored: stored.size, refused: refused.length, types, overlap, ms: Math.round(performance.now() - started), messages: client.messages };
}

describe('npm start: subscriptions under bursts and hostile frames', () => {
  it('connects all of 500 connections opened at once, acknowledges and stores one subscription each', async () => {
    const started = performance.now();
    const opened = await Promise.allSettled(Array.from({ length: 500 }, () => openWsClient(stack.websocketUrl)));
    const connected = opened.filter((outcome): outcome is PromiseFulfilledResult<WsClient> => outcome.status === 'fulfilled').map((outcome) => outcome.value);
    clients.push(...connected);
    const connectMs = Math.round(performance.now() - started);
    for (const client of connected) client.send({ type: 'connection_init', payload: { authorization: stack.tokens.recruiter } });
    const acked = (await Promise.allSettled(connected.map((client) => client.next('connection_ack')))).filter((outcome) => outcome.status === 'fulfilled').length;
    const ackMs = Math.round(performance.now() - started);
    connected.forEach((client, i) => client.subscribe(`board-${i}`, MOVED, { jobId: 'job-burst' }));
    const boards = async () => subscriptionsOf(await recordsByConnection()).filter((id) => id.startsWith('board-')).length;
    await vi.waitFor(async () => {
      const refused = connected.filter((client) => client.messages.some((message) => message.type === 'error'));
      expect((await boards()) + refused.length).toBe(connected.length);
    }, { timeout: 120_000, interval: 250 });
    const stored = await boards();
    figures.push(`500 connections at once: ${connected.length} connected in ${connectMs} ms, ${acked} acknowledged by ${ackMs} ms, ${stored} subscribed by ${Math.round(performance.now() - started)} ms`);
    expect([connected.length, acked, stored]).toEqual([500, 500, 500]);
    await Promise.all(connected.map((client) => client.close()));
  }, 240_000);

  it.each([150, 1_000])('answers each of %i subscribes at once on one connection: at most 100 stored, every other one an error', async (count) => {
    const burst = await subscribeBurst(count, `burst${count}`);
    figures.push(`${count} subscribes at once on one connection: ${burst.stored} stored, ${burst.refused} refused (${[...burst.types.counts].map(([type, n]) => `${type} ${n}`).join(', ')}) in ${burst.ms} ms, 0 unanswered`);
    expect(burst.stored).toBeLessThanOrEqual(100);
    expect(burst.stored + burst.refused).toBe(count);
    expect(burst.overlap).toBe(0);
    for (const type of burst.types.counts.keys()) expect(ALLOWED_ERROR_TYPES).toContain(type);
    expect(burst.types.get('MaxSubscriptionsReachedError')).toBeGreaterThan(0);
    expect(leaksIn(JSON.stringify(burst.messages))).toEqual([]);
    await burst.client.close();
  }, 180_000);

  it('answers a 2,000-character subscription id with a ValidationError', async () => {
    const client = await recruiter();
    clients.push(client);
    client.subscribe('x'.repeat(2_000), MOVED, { jobId: 'job-long-id' });
    const answer = await client.next('error');
    figures.push(`2,000-character id: ${answer.payload[0].errorType}`);
    expect(answer.payload).toEqual([expect.objectContaining({ errorType: 'ValidationError', errorInfo: { field: 'id', maximum: 128, actual: 2_000 } })]);
    await client.close();
  });

  it('closes only the connection that sends an invalid frame; the stack keeps serving', async () => {
    const bystander = await recruiter();
    clients.push(bystander);
    const closes = {
      'invalid UTF-8 text frame': await sendRawFrame(stack.websocketUrl, 0x1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])),
      'binary frame': await sendRawFrame(stack.websocketUrl, 0x2, Buffer.from('{"type":"ping"}')),
    };
    const oversized = await openWsClient(stack.websocketUrl);
    oversized.send('x'.repeat(200 * 1024));
    const oversizedClose = await oversized.closed;
    figures.push(`invalid frames: close codes ${JSON.stringify({ ...closes, 'message over 128 KB': oversizedClose })}; stack serving after them`);
    expect(closes).toEqual({ 'invalid UTF-8 text frame': 1007, 'binary frame': 1003 });
    expect(oversizedClose).toBe(1009);

    // serverless-offline is still up: the bystander's connection still answers, a new one subscribes, HTTP answers.
    bystander.send({ type: 'ping' });
    await bystander.next('pong');
    const newcomer = await recruiter();
    clients.push(newcomer);
    newcomer.subscribe('after-frames', MOVED, { jobId: 'job-after-frames' });
    await vi.waitFor(async () => expect(subscriptionsOf(await recordsByConnection())).toContain('after-frames'), { timeout: 15_000 });
    const http = await fetch(stack.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: stack.token }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(http.status).toBe(200);
    expect(stack.child.exitCode).toBeNull();
    await Promise.all([bystander.close(), newcomer.close()]);
  }, 60_000);

  it('leaves no record without its connection when 20 connections close right after subscribing', async () => {
    const closing = await Promise.all(Array.from({ length: 20 }, () => recruiter()));
    const ids = closing.map((client, i) => {
      client.subscribe(`closing-${i}`, MOVED, { jobId: 'job-closing' });
      return client;
    });
    await Promise.all(ids.map((client) => client.close()));
    await vi.waitFor(async () => expect(subscriptionsOf(await recordsByConnection()).filter((id) => id.startsWith('closing-'))).toEqual([]), { timeout: 30_000, interval: 250 });
    figures.push('20 connections closed right after subscribing: 0 records left');
  }, 60_000);

  it('holds no record once every connection has closed', async () => {
    await Promise.all(clients.map((client) => client.close()));
    await vi.waitFor(async () => expect([...(await recordsByConnection()).keys()]).toEqual([]), { timeout: 60_000, interval: 500 });
    figures.push('after all connections closed: 0 records in the table');
  }, 90_000);
});
