// Subscriptions end to end in-process: graphql-ws clients over real WebSockets to the WebSocket
// handler (behind a local API Gateway), mutations through the HTTP handler, one DynamoDB Local.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { print } from 'graphql';
import type { Client } from 'graphql-ws';
import { CreateJobDocument, OnApplicationMovedDocument, OnJobPublishedDocument } from '@hiring/sdk';
import { TEST_API_KEY } from '../../helpers/jwt';
import { createRealtimeApi, type RealtimeApi } from '../../helpers/realtime';

const MOVED = 'subscription Moved($jobId: ID) { onApplicationMoved(jobId: $jobId) { id jobId stage version } }';
const MOVE = 'mutation ($id: ID!, $stage: Stage!, $v: Int!) { moveApplication(id: $id, stage: $stage, expectedVersion: $v) { id jobId stage version } }';
const APPLY = 'mutation ($jobId: ID!, $candidateId: ID!) { applyToJob(jobId: $jobId, candidateId: $candidateId) { id jobId stage version } }';

interface Subscribed {
  events: Array<Record<string, any>>;
  errors: unknown[];
  dispose(): void;
}

function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}): Subscribed {
  const events: Array<Record<string, any>> = [];
  const errors: unknown[] = [];
  const dispose = client.subscribe({ query, variables }, { next: (value) => void events.push(value as Record<string, any>), error: (error) => void errors.push(error), complete: () => undefined });
  return { events, errors, dispose };
}

/** Waits for a condition (the machine may be busy: generous, never a fixed sleep). */
const until = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

let rt: RealtimeApi;
let jobA: string;
let jobB: string;

beforeAll(async () => {
  rt = await createRealtimeApi();
  const company = await rt.hiring.aCompany();
  jobA = (await rt.hiring.aJob(company.id)).id;
  jobB = (await rt.hiring.aJob(company.id)).id;
});
afterAll(() => rt?.close());

async function anApplication(jobId: string): Promise<string> {
  const candidate = await rt.hiring.aCandidate();
  const data = await rt.hiring.ok<any>(APPLY, { jobId, candidateId: candidate.id });
  return data.applyToJob.id;
}

const stored = (key: string) => rt.realtime.store.subscriptions(key);

describe('Subscription.onApplicationMoved', () => {
  it('delivers each subscriber exactly the moves of its own job, in commit order, whatever its credentials', async () => {
    const appA = await anApplication(jobA);
    const appB = await anApplication(jobB);
    const recruiter = rt.client({ authorization: rt.hiring.tokenFor(['recruiters']) });
    const admin = rt.client({ authorization: rt.hiring.tokenFor(['admins']) });
    const onA = subscribe(recruiter, MOVED, { jobId: jobA });
    const onB = subscribe(admin, MOVED, { jobId: jobB });
    await until(async () => {
      expect(await stored(`onApplicationMoved#jobId=${jobA}`)).toHaveLength(1);
      expect(await stored(`onApplicationMoved#jobId=${jobB}`)).toHaveLength(1);
    });

    await rt.hiring.ok(MOVE, { id: appA, stage: 'SCREEN', v: 1 });
    await rt.hiring.ok(MOVE, { id: appB, stage: 'SCREEN', v: 1 });
    await rt.hiring.ok(MOVE, { id: appA, stage: 'INTERVIEW', v: 2 });
    await rt.hiring.ok(MOVE, { id: appB, stage: 'REJECTED', v: 2 });

    // Each connection receives in the order the events were posted: the last one closes the count.
    await until(() => expect(onA.events.at(-1)?.data.onApplicationMoved.stage).toBe('INTERVIEW'));
    await until(() => expect(onB.events.at(-1)?.data.onApplicationMoved.stage).toBe('REJECTED'));
    expect(onA.events).toEqual([
      { data: { onApplicationMoved: { id: appA, jobId: jobA, stage: 'SCREEN', version: 2 } } },
      { data: { onApplicationMoved: { id: appA, jobId: jobA, stage: 'INTERVIEW', version: 3 } } },
    ]);
    expect(onB.events).toEqual([
      { data: { onApplicationMoved: { id: appB, jobId: jobB, stage: 'SCREEN', version: 2 } } },
      { data: { onApplicationMoved: { id: appB, jobId: jobB, stage: 'REJECTED', version: 3 } } },
    ]);
    expect([onA.errors, onB.errors]).toEqual([[], []]);
    onA.dispose();
    onB.dispose();
    await until(async () => expect(await stored(`onApplicationMoved#jobId=${jobA}`)).toHaveLength(0));
  });

  it('delivers every job\'s moves to an admin without jobId (a recruiter gets their companies\' only: tenancy.test.ts)', async () => {
    const appA = await anApplication(jobA);
    const all = subscribe(rt.client({ authorization: rt.hiring.tokenFor(['admins']) }), MOVED);
    await until(async () => expect(await stored('onApplicationMoved#')).toHaveLength(1));
    await rt.hiring.ok(MOVE, { id: appA, stage: 'SCREEN', v: 1 });
    await until(() => expect(all.events).toHaveLength(1));
    expect(all.events[0]).toEqual({ data: { onApplicationMoved: { id: appA, jobId: jobA, stage: 'SCREEN', version: 2 } } });
    all.dispose();
  });

  it('refuses an API-key subscriber with AppSync\'s Unauthorized error, storing nothing', async () => {
    const board = subscribe(rt.client({ 'x-api-key': TEST_API_KEY }), print(OnApplicationMovedDocument), { jobId: jobA });
    await until(() => expect(board.errors).toHaveLength(1));
    expect(board.errors[0]).toEqual([
      expect.objectContaining({ errorType: 'Unauthorized', message: 'Not Authorized to access onApplicationMoved on type Subscription', path: ['onApplicationMoved'] }),
    ]);
    expect(await stored(`onApplicationMoved#jobId=${jobA}`)).toHaveLength(0);
  });

  it('holds the API key to the SDK\'s documents, as over HTTP (PersistedQueryNotAllowed)', async () => {
    const board = subscribe(rt.client({ 'x-api-key': TEST_API_KEY }), 'subscription { onJobPublished { id title } }');
    await until(() => expect(board.errors).toHaveLength(1));
    expect(board.errors[0]).toEqual([expect.objectContaining({ errorType: 'PersistedQueryNotAllowed' })]);
    expect(await stored('onJobPublished#')).toHaveLength(0);
  });

  it('shows a field the mutation did not select as null, as AppSync does', async () => {
    const appA = await anApplication(jobA);
    const sub = subscribe(rt.client({ authorization: rt.hiring.tokenFor(['recruiters']) }), 'subscription ($jobId: ID) { onApplicationMoved(jobId: $jobId) { id appliedAt } }', { jobId: jobA });
    await until(async () => expect(await stored(`onApplicationMoved#jobId=${jobA}`)).toHaveLength(1));
    await rt.hiring.ok('mutation ($id: ID!) { moveApplication(id: $id, stage: SCREEN, expectedVersion: 1) { id jobId } }', { id: appA });
    await until(() => expect(sub.events.length + sub.errors.length).toBeGreaterThan(0));
    // appliedAt is non-null in the schema: its absence nulls the whole (nullable) field, with AppSync's error.
    expect(sub.events[0]).toMatchObject({ data: { onApplicationMoved: null }, errors: [{ path: ['onApplicationMoved', 'appliedAt'] }] });
    sub.dispose();
    await until(async () => expect(await stored(`onApplicationMoved#jobId=${jobA}`)).toHaveLength(0));
  });
});

describe('WebSocket connections', () => {
  it('acknowledges connection_init, answers ping with pong, and keeps records only while connected', async () => {
    const socket = new WebSocket(rt.gateway.url, 'graphql-transport-ws');
    const received: Array<Record<string, unknown>> = [];
    const next = () => new Promise<Record<string, unknown>>((resolve) => socket.addEventListener('message', (event) => resolve(JSON.parse(String(event.data))), { once: true }));
    await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
    expect(socket.protocol).toBe('graphql-transport-ws');
    let reply = next();
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: rt.hiring.tokenFor(['recruiters']) } }));
    received.push(await reply);
    reply = next();
    socket.send(JSON.stringify({ type: 'ping' }));
    received.push(await reply);
    expect(received).toEqual([{ type: 'connection_ack' }, { type: 'pong' }]);

    socket.send(JSON.stringify({ type: 'subscribe', id: 'board', payload: { query: MOVED, variables: { jobId: jobB } } }));
    await until(async () => expect(await stored(`onApplicationMoved#jobId=${jobB}`)).toHaveLength(1));
    const [{ connectionId }] = (await stored(`onApplicationMoved#jobId=${jobB}`)) as unknown as [{ connectionId: string }];
    expect(await rt.realtime.store.connectionKeys(connectionId)).toHaveLength(2);
    socket.close(1000);
    await until(() => expect(rt.gateway.connectionIds()).not.toContain(connectionId));
    await rt.gateway.settled();
    expect(await rt.realtime.store.connectionKeys(connectionId)).toEqual([]);
  });

  it('refuses a client that does not offer graphql-transport-ws (the legacy graphql-ws subprotocol), at $connect', async () => {
    const socket = new WebSocket(rt.gateway.url, 'graphql-ws');
    const outcome = await new Promise<string>((resolve) => {
      socket.addEventListener('open', () => resolve('open'), { once: true });
      socket.addEventListener('error', () => resolve('refused'), { once: true });
    });
    expect(outcome).toBe('refused');
  });

  it('deletes a subscription on complete and keeps the connection', async () => {
    const client = rt.client({ authorization: rt.hiring.tokenFor(['admins']) });
    const sub = subscribe(client, MOVED, { jobId: jobB });
    await until(async () => expect(await stored(`onApplicationMoved#jobId=${jobB}`)).toHaveLength(1));
    const [{ connectionId }] = (await stored(`onApplicationMoved#jobId=${jobB}`)) as unknown as [{ connectionId: string }];
    const keep = subscribe(client, 'subscription { onJobPublished { id } }');
    await until(async () => expect(await stored('onJobPublished#')).toHaveLength(1));
    sub.dispose();
    await until(async () => expect(await stored(`onApplicationMoved#jobId=${jobB}`)).toHaveLength(0));
    expect(await rt.realtime.store.connectionKeys(connectionId)).toHaveLength(2);
    keep.dispose();
  });

  it('answers connection_init without valid credentials with AppSync\'s connection_error and closes for good', async () => {
    const connects = rt.gateway.calls.post;
    const closed = new Promise<{ code: number; reason: string }>((resolve) => {
      const client = rt.client({ 'x-api-key': 'not-a-key' }, (event) => resolve(event as { code: number; reason: string }));
      subscribe(client, 'subscription { onJobPublished { id } }');
    });
    const event = await closed;
    await rt.gateway.settled();
    // graphql-ws closes on the unknown message with 4004 (bad response), which it never retries.
    expect(event.code).toBe(4004);
    expect(event.reason).toMatch(/connection_error/);
    expect(rt.gateway.calls.post).toBe(connects + 1);
    expect(await stored('onJobPublished#')).toHaveLength(0);
  });

  it('cleans up a connection that is gone on the next fan-out', async () => {
    const appB = await anApplication(jobB);
    subscribe(rt.client({ authorization: rt.hiring.tokenFor(['recruiters']) }), MOVED, { jobId: jobB });
    await until(async () => expect(await stored(`onApplicationMoved#jobId=${jobB}`)).toHaveLength(1));
    const [{ connectionId }] = (await stored(`onApplicationMoved#jobId=${jobB}`)) as unknown as [{ connectionId: string }];
    rt.gateway.drop(connectionId);
    const gone = rt.gateway.calls.gone;
    await rt.hiring.ok(MOVE, { id: appB, stage: 'SCREEN', v: 1 });
    expect(rt.gateway.calls.gone).toBe(gone + 1);
    expect(await rt.realtime.store.connectionKeys(connectionId)).toEqual([]);
  });
});

describe('Subscription.onJobPublished', () => {
  // The SDK's documents: the API key may subscribe with those only.
  const PUBLISHED = print(OnJobPublishedDocument);
  const CREATE = print(CreateJobDocument);

  it('UTIL-E2 keeps only OPEN jobs of the company, by the enhanced filter its resolver sets, for the API key and a recruiter alike', async () => {
    const acme = await rt.hiring.aCompany({ name: 'Acme' });
    const other = await rt.hiring.aCompany({ name: 'Other' });
    const board = subscribe(rt.client({ 'x-api-key': TEST_API_KEY }), PUBLISHED, { companyId: acme.id });
    const recruiter = subscribe(rt.client({ authorization: rt.hiring.tokenFor(['recruiters']) }), PUBLISHED, { companyId: acme.id });
    // The filter pins companyId with eq in every group: the subscriptions are indexed by it.
    await until(async () => expect(await stored(`onJobPublished#companyId=${acme.id}`)).toHaveLength(2));
    const [record] = await stored(`onJobPublished#companyId=${acme.id}`);
    expect(record!.filter).toEqual({ filterGroup: [{ filters: [{ fieldName: 'status', operator: 'eq', value: 'OPEN' }, { fieldName: 'companyId', operator: 'eq', value: acme.id }] }] });

    await rt.hiring.ok(CREATE, { input: { companyId: acme.id, title: 'Draft', status: 'DRAFT' } });
    await rt.hiring.ok(CREATE, { input: { companyId: other.id, title: 'Elsewhere', status: 'OPEN' } });
    await rt.hiring.ok(CREATE, { input: { companyId: acme.id, title: 'Open', status: 'OPEN' } });

    for (const sub of [board, recruiter]) {
      await until(() => expect(sub.events).toHaveLength(1));
      expect(sub.events).toEqual([{ data: { onJobPublished: expect.objectContaining({ companyId: acme.id, title: 'Open', status: 'OPEN', description: null }) } }]);
    }
    board.dispose();
    recruiter.dispose();
  });

  it('refuses a subscription whose argument the resolver rejects, with the resolver\'s errorType', async () => {
    const sub = subscribe(rt.client({ authorization: rt.hiring.tokenFor(['recruiters']) }), PUBLISHED, { companyId: 'x'.repeat(129) });
    await until(() => expect(sub.errors).toHaveLength(1));
    expect(sub.errors[0]).toEqual([expect.objectContaining({ errorType: 'ValidationError', errorInfo: expect.objectContaining({ field: 'companyId' }) })]);
  });
});
