// The SDK's subscriptions (createSubscriptionClient) against the real WebSocket handler behind a local API Gateway.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApplyToJobDocument, CloseJobDocument, createSubscriptionClient, MoveApplicationDocument, OnApplicationCreatedDocument, OnApplicationMovedDocument, type SubscriptionClient } from '@hiring/sdk';
import { TEST_API_KEY } from '../../helpers/jwt';
import { createRealtimeApi, type RealtimeApi } from '../../helpers/realtime';
import { rejection } from '@appsync-lambda/test-support';
import { print } from 'graphql';

/** Waits for a condition (the machine may be busy: generous, never a fixed sleep). */
const until = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

let rt: RealtimeApi;
let jobId: string;
const clients: SubscriptionClient[] = [];

beforeAll(async () => {
  rt = await createRealtimeApi();
  const company = await rt.hiring.aCompany();
  jobId = (await rt.hiring.aJob(company.id)).id;
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await rt?.close();
});

const client = (options: { apiKey?: string; token?: string }) => {
  const created = createSubscriptionClient({ url: rt.gateway.url, apiKey: options.apiKey, getToken: options.token ? () => options.token : undefined, retryAttempts: 3 });
  clients.push(created);
  return created;
};

async function anApplication(): Promise<string> {
  const createCandidate = await rt.hiring.aCandidate({ name: 'Ada' });
  const { applyToJob } = await rt.hiring.ok<any>(print(ApplyToJobDocument), { jobId, candidateId: createCandidate.id });
  return applyToJob.id;
}

const move = (id: string, stage: string, expectedVersion: number) => rt.hiring.ok(print(MoveApplicationDocument), { id, stage, expectedVersion });
const stored = () => rt.realtime.store.subscriptions(`onApplicationMoved#jobId=${jobId}`);

describe('createSubscriptionClient().subscribe', () => {
  it('yields the typed events of the subscribed job', async () => {
    const id = await anApplication();
    const moves = client({ token: rt.hiring.tokenFor(['recruiters']) }).subscribe(OnApplicationMovedDocument, { jobId });
    const received: string[] = [];
    const reading = (async () => {
      for await (const event of moves) {
        received.push(`${event.onApplicationMoved?.stage}@${event.onApplicationMoved?.version}`);
        if (received.length === 2) break;
      }
    })();
    await until(async () => expect(await stored()).toHaveLength(1));
    await move(id, 'SCREEN', 1);
    await move(id, 'INTERVIEW', 2);
    await reading;
    expect(received).toEqual(['SCREEN@2', 'INTERVIEW@3']);
    // Leaving the loop unsubscribes.
    await until(async () => expect(await stored()).toHaveLength(0));
  });

  it('ends with a GraphQLRequestError of errorType Unauthorized when the credentials may not subscribe', async () => {
    const moves = client({ apiKey: TEST_API_KEY }).subscribe(OnApplicationMovedDocument, { jobId });
    const error = await rejection(moves[Symbol.asyncIterator]().next());
    expect(error).toMatchObject({ name: 'GraphQLRequestError', errorType: 'Unauthorized' });
  });

  it('UTIL-E2 ends the loop normally when the server ends the subscription (closeJob invalidates the job\'s onApplicationCreated)', async () => {
    const company = await rt.hiring.aCompany();
    const closing = (await rt.hiring.aJob(company.id)).id;
    const created = client({ token: rt.hiring.tokenFor(['recruiters']) }).subscribe(OnApplicationCreatedDocument, { jobId: closing });
    const received: unknown[] = [];
    const reading = (async () => {
      for await (const event of created) received.push(event);
      return 'ended';
    })();
    await until(async () => expect(await rt.realtime.store.subscriptions(`onApplicationCreated#jobId=${closing}`)).toHaveLength(1));
    await rt.hiring.ok(print(CloseJobDocument), { id: closing, expectedVersion: 1 });
    expect(await reading).toBe('ended');
    expect(received).toEqual([]);
    expect(await rt.realtime.store.subscriptions(`onApplicationCreated#jobId=${closing}`)).toEqual([]);
  });

  it('reconnects after the connection is lost and subscribes again', async () => {
    const id = await anApplication();
    const moves = client({ token: rt.hiring.tokenFor(['admins']) }).subscribe(OnApplicationMovedDocument, { jobId });
    const iterator = moves[Symbol.asyncIterator]();
    const first = iterator.next();
    await until(async () => expect(await stored()).toHaveLength(1));
    const [{ connectionId }] = (await stored()) as unknown as [{ connectionId: string }];
    rt.gateway.drop(connectionId);
    // The stale record goes with the first fan-out that finds its connection gone; graphql-ws
    // meanwhile reconnects and subscribes again on a new connection.
    await vi.waitFor(async () => expect((await stored()).some((record) => record.connectionId !== connectionId)).toBe(true), { timeout: 15_000 });
    await move(id, 'SCREEN', 1);
    expect((await first).value).toMatchObject({ onApplicationMoved: { id, stage: 'SCREEN', version: 2 } });
    expect(await rt.realtime.store.connectionKeys(connectionId)).toEqual([]);
    moves.unsubscribe();
  });
});
