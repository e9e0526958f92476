/**
 * Apollo Client 4 (GraphQLWsLink) and urql 6 (subscriptionExchange over a graphql-ws client)
 * subscribe unchanged to the WebSocket handler behind a local API Gateway, with the SDK's typed
 * documents, and receive the moves of the subscribed job only.
 */
import { ApolloClient, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { cacheExchange, createClient as createUrqlClient, subscriptionExchange } from '@urql/core';
import { print } from 'graphql';
import { createClient as createWsClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApplyToJobDocument, MoveApplicationDocument, OnApplicationMovedDocument } from '@hiring/sdk';
import { createRealtimeApi, type RealtimeApi } from '../../helpers/realtime';

/** Waits for a condition (the machine may be busy: generous, never a fixed sleep). */
const until = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

let rt: RealtimeApi;
let jobId: string;
let otherJobId: string;
const wsClients: Client[] = [];

beforeAll(async () => {
  rt = await createRealtimeApi();
  const company = await rt.hiring.aCompany();
  jobId = (await rt.hiring.aJob(company.id)).id;
  otherJobId = (await rt.hiring.aJob(company.id)).id;
});
afterAll(async () => {
  await Promise.all(wsClients.map((client) => client.dispose()));
  await rt?.close();
});

const wsClient = () => {
  const client = createWsClient({ url: rt.gateway.url, webSocketImpl: WebSocket, connectionParams: { authorization: rt.hiring.tokenFor(['recruiters']) }, retryAttempts: 0 });
  wsClients.push(client);
  return client;
};

async function anApplication(job: string): Promise<string> {
  const createCandidate = await rt.hiring.aCandidate({ name: 'Ada' });
  return (await rt.hiring.ok<any>(print(ApplyToJobDocument), { jobId: job, candidateId: createCandidate.id })).applyToJob.id;
}

/** Moves an application of the other job, then one of the subscribed job: only the second may arrive. */
async function moveBoth(): Promise<string> {
  const [mine, other] = [await anApplication(jobId), await anApplication(otherJobId)];
  await rt.hiring.ok(print(MoveApplicationDocument), { id: other, stage: 'SCREEN', expectedVersion: 1 });
  await rt.hiring.ok(print(MoveApplicationDocument), { id: mine, stage: 'SCREEN', expectedVersion: 1 });
  return mine;
}

const subscribedTo = async (count: number) =>
  until(async () => expect(await rt.realtime.store.subscriptions(`onApplicationMoved#jobId=${jobId}`)).toHaveLength(count));

describe('Apollo Client GraphQLWsLink', () => {
  it('subscribes with the typed document and receives the job\'s moves only', async () => {
    const apollo = new ApolloClient({ link: new GraphQLWsLink(wsClient()), cache: new InMemoryCache() });
    const moves: Array<{ id: string; jobId: string; stage: string }> = [];
    const subscription = apollo.subscribe({ query: OnApplicationMovedDocument, variables: { jobId } }).subscribe({
      next: ({ data }) => void (data?.onApplicationMoved && moves.push(data.onApplicationMoved)),
    });
    await subscribedTo(1);
    const mine = await moveBoth();
    await until(() => expect(moves).toHaveLength(1));
    expect(moves[0]).toMatchObject({ id: mine, jobId, stage: 'SCREEN' });
    subscription.unsubscribe();
    await subscribedTo(0);
  });
});

describe('urql subscriptionExchange', () => {
  it('subscribes with the typed document and receives the job\'s moves only', async () => {
    const ws = wsClient();
    const urql = createUrqlClient({
      url: 'http://unused.invalid/graphql',
      exchanges: [
        cacheExchange,
        subscriptionExchange({
          forwardSubscription: (request) => ({
            subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
          }),
        }),
      ],
    });
    const moves: Array<{ id: string; stage: string }> = [];
    const { unsubscribe } = urql.subscription(OnApplicationMovedDocument, { jobId }).subscribe((result) => {
      if (result.data?.onApplicationMoved) moves.push(result.data.onApplicationMoved);
    });
    await subscribedTo(1);
    const mine = await moveBoth();
    await until(() => expect(moves).toHaveLength(1));
    expect(moves[0]).toMatchObject({ id: mine, stage: 'SCREEN' });
    unsubscribe();
    await subscribedTo(0);
  });
});
