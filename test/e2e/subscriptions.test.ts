// Subscriptions through `npm start`: graphql-ws clients on serverless-offline's WebSocket API, mutations
// through its HTTP API with the SDK, the records in the stack's DynamoDB Local.
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRealtimeStore, type RealtimeStore } from '@appsync-lambda/engine/realtime';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { print } from 'graphql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '@appsync-lambda/dynamodb-local';
import { signJwt } from '@appsync-lambda/test-support';
import { LOCAL_API_KEY, LOCAL_USERS } from '../../scripts/lib/dev-auth';
import {
  AddCompanyRecruiterDocument,
  ApplyToJobDocument,
  createClient,
  CreateCandidateDocument,
  CreateCompanyDocument,
  CreateJobDocument,
  MoveApplicationDocument,
  OnApplicationMovedDocument,
  type Client,
} from '@hiring/sdk';
import { startLocalStack, type LocalStack } from '../helpers/local-stack';

const MOVED = 'subscription ($jobId: ID) { onApplicationMoved(jobId: $jobId) { id jobId stage version } }';

let stack: LocalStack;
let dataDir: string;
let store: RealtimeStore;
let documents: DynamoDBDocumentClient;
let api: Client;
const clients: WsClient[] = [];

/** A token of a local recruiter (not the printed admin), signed with the local stage's key. */
function recruiterToken(): string {
  const { kid, pem } = JSON.parse(readFileSync(join(dataDir, 'dev-signing-key.json'), 'utf8')) as { kid: string; pem: string };
  const now = Math.floor(Date.now() / 1000);
  return signJwt({ kid, privateKey: createPrivateKey(pem) }, {
    sub: LOCAL_USERS.recruiter.sub,
    iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_LocalDev',
    aud: 'local-dev',
    token_use: 'id',
    'cognito:username': 'local-recruiter',
    'cognito:groups': ['recruiters'],
    iat: now,
    exp: now + 3600,
  });
}

function wsClient(connectionParams: Record<string, string>): WsClient {
  const client = createWsClient({ url: stack.websocketUrl, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
  clients.push(client);
  return client;
}

function subscribe(client: WsClient, query: string, variables: Record<string, unknown>) {
  const events: Array<Record<string, any>> = [];
  const errors: unknown[] = [];
  const dispose = client.subscribe({ query, variables }, { next: (value) => void events.push(value as Record<string, any>), error: (error) => void errors.push(error), complete: () => undefined });
  return { events, errors, dispose };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hiring-api-ws-e2e-'));
  const dynamodbPort = await freePort();
  stack = await startLocalStack({ port: await freePort(), dynamodbPort, websocketPort: await freePort(), dataDir });
  documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: `http://127.0.0.1:${dynamodbPort}`, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  store = createRealtimeStore({ client: documents, tableName: 'hiring-api-local' });
  api = createClient({ url: stack.url, getToken: () => stack.token });
}, 240_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  documents?.destroy();
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function anApplication(jobId: string): Promise<{ id: string }> {
  const { createCandidate } = await api.request(CreateCandidateDocument, { input: { name: 'Grace Hopper', email: `grace.${Date.now()}.${Math.random()}@example.com` } });
  const { applyToJob } = await api.request(ApplyToJobDocument, { jobId, candidateId: createCandidate.id });
  return applyToJob;
}

describe('npm start: subscriptions', () => {
  it('prints the ws:// URL of its WebSocket API', () => {
    expect(stack.websocketUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
  });

  it('delivers each graphql-ws subscriber exactly its own job\'s moves, in order; refuses the API key; cleans up on disconnect and after a gone connection', async () => {
    const { createCompany } = await api.request(CreateCompanyDocument, { input: { name: 'Realtime Ltd' } });
    // The local recruiter works for it (tenancy): they may subscribe to its jobs.
    await api.request(AddCompanyRecruiterDocument, { input: { companyId: createCompany.id, userId: LOCAL_USERS.recruiter.sub } });
    const { createJob: jobA } = await api.request(CreateJobDocument, { input: { companyId: createCompany.id, title: 'Board A', status: 'OPEN' } });
    const { createJob: jobB } = await api.request(CreateJobDocument, { input: { companyId: createCompany.id, title: 'Board B', status: 'OPEN' } });
    const appA = await anApplication(jobA.id);
    const appB = await anApplication(jobB.id);

    const admin = wsClient({ authorization: stack.token });
    const recruiter = wsClient({ authorization: recruiterToken() });
    const onA = subscribe(admin, MOVED, { jobId: jobA.id });
    const onB = subscribe(recruiter, MOVED, { jobId: jobB.id });
    // The API key may subscribe with the SDK's documents only; this one it may not run at all.
    const board = subscribe(wsClient({ 'x-api-key': LOCAL_API_KEY }), print(OnApplicationMovedDocument), { jobId: jobA.id });
    await vi.waitFor(async () => {
      expect(await store.subscriptions(`onApplicationMoved#jobId=${jobA.id}`)).toHaveLength(1);
      expect(await store.subscriptions(`onApplicationMoved#jobId=${jobB.id}`)).toHaveLength(1);
    }, { timeout: 15_000 });
    await vi.waitFor(() => expect(board.errors).toHaveLength(1), { timeout: 15_000 });
    expect(board.errors[0]).toEqual([expect.objectContaining({ errorType: 'Unauthorized', message: 'Not Authorized to access onApplicationMoved on type Subscription' })]);

    await api.request(MoveApplicationDocument, { id: appA.id, stage: 'SCREEN', expectedVersion: 1 });
    await api.request(MoveApplicationDocument, { id: appB.id, stage: 'SCREEN', expectedVersion: 1 });
    await api.request(MoveApplicationDocument, { id: appA.id, stage: 'INTERVIEW', expectedVersion: 2 });
    await api.request(MoveApplicationDocument, { id: appB.id, stage: 'INTERVIEW', expectedVersion: 2 });
    await vi.waitFor(() => expect(onA.events.at(-1)?.data.onApplicationMoved.stage).toBe('INTERVIEW'), { timeout: 15_000 });
    await vi.waitFor(() => expect(onB.events.at(-1)?.data.onApplicationMoved.stage).toBe('INTERVIEW'), { timeout: 15_000 });
    expect(onA.events.map((event) => event.data.onApplicationMoved)).toEqual([
      { id: appA.id, jobId: jobA.id, stage: 'SCREEN', version: 2 },
      { id: appA.id, jobId: jobA.id, stage: 'INTERVIEW', version: 3 },
    ]);
    expect(onB.events.map((event) => event.data.onApplicationMoved)).toEqual([
      { id: appB.id, jobId: jobB.id, stage: 'SCREEN', version: 2 },
      { id: appB.id, jobId: jobB.id, stage: 'INTERVIEW', version: 3 },
    ]);

    // A disconnect removes the connection's records.
    const [{ connectionId: adminConnection }] = (await store.subscriptions(`onApplicationMoved#jobId=${jobA.id}`)) as unknown as [{ connectionId: string }];
    await admin.dispose();
    await vi.waitFor(async () => expect(await store.connectionKeys(adminConnection)).toEqual([]), { timeout: 15_000 });

    // A connection that went away without $disconnect reaching the function: its records are left…
    const [{ connectionId: recruiterConnection }] = (await store.subscriptions(`onApplicationMoved#jobId=${jobB.id}`)) as unknown as [{ connectionId: string }];
    await store.connect('gone-connection');
    const [record] = await store.subscriptions(`onApplicationMoved#jobId=${jobB.id}`);
    await store.subscribe({ ...record!, connectionId: 'gone-connection', id: 'lost' });
    // …until the next fan-out finds it gone (GoneException) and deletes them.
    await api.request(MoveApplicationDocument, { id: appB.id, stage: 'OFFER', expectedVersion: 3 });
    await vi.waitFor(() => expect(onB.events.at(-1)?.data.onApplicationMoved.stage).toBe('OFFER'), { timeout: 15_000 });
    await vi.waitFor(async () => expect(await store.connectionKeys('gone-connection')).toEqual([]), { timeout: 15_000 });
    expect(await store.connectionKeys(recruiterConnection)).toHaveLength(2);
  }, 120_000);
});
