/**
 * The realtime benchmark's subject, bundled by bench/realtime.ts (it imports the schema's .graphql
 * files as the Lambda bundle does) and run as its own process: DynamoDB Local, the WebSocket handler
 * behind a local API Gateway (test/helpers/websocket-gateway.ts) and a local Lambda service, the HTTP
 * handler invoking it synchronously (as `npm start`), SUBSCRIBERS graphql-ws clients on one job and as many on another, then MOVES moves of
 * that job's applications. Prints one JSON line of figures: per event the response and delivery times,
 * the fan-out's DynamoDB calls and read units, posts, its own report (onFanOut) and the process CPU
 * while it ran; per session (connect, connection_init, subscribe; then $disconnect) the DynamoDB units
 * and the process CPU; per ping the CPU of its invocation. CPU is the whole process's (the local
 * gateway and the clients run in it too): an upper bound of the function's.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { createClient, type Client } from 'graphql-ws';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTable, startDynamoDBLocal, unitsOf } from '@appsync-lambda/dynamodb-local';
import { graphqlEvent, startLambdaService, cognitoIdToken, createSigningKey } from '@appsync-lambda/test-support';
import { createLambdaHandler } from '../../test/helpers/handler.ts';
import {
  createConnectionApi,
  createRealtime,
  createRealtimeStore,
  createWebSocketHandler,
  httpRealtimePlugin,
  type ConnectionApi,
  type FanOutReport,
} from '@appsync-lambda/engine/realtime';
import { schemaSdl as apiSdl } from '../../src/api.ts';
import { tableDefinition } from '../../src/data/keys.ts';
import { resolvers } from '../../src/resolvers/index.ts';
import { deployedAuthConfig } from '../../test/helpers/jwt.ts';
import { startWebSocketGateway, type WebSocketEventHandler } from '../../test/helpers/websocket-gateway.ts';

const SUBSCRIBERS = Number(process.env.REALTIME_SUBSCRIBERS ?? 100);
const MOVES = Number(process.env.REALTIME_MOVES ?? 10);
const TABLE = 'hiring-bench-realtime';
const logger = new Logger({ serviceName: 'bench', logLevel: 'SILENT' });

const workDir = mkdtempSync(join(tmpdir(), 'hiring-bench-realtime-'));
const local = await startDynamoDBLocal({ workDir });
const credentials = { accessKeyId: 'bench', secretAccessKey: 'bench' };

/**
 * DynamoDB calls the realtime function makes, by command, and the units DynamoDB Local reports for
 * them (ReturnConsumedCapacity added), counted by a middleware on its own client.
 */
const dynamodbCalls = new Map<string, number>();
const units = { read: 0, write: 0 };
const fanOutClient = new DynamoDBClient({ endpoint: local.endpoint, region: 'eu-west-1', credentials });
fanOutClient.middlewareStack.add(
  (next, context) => async (args) => {
    const command = (context.commandName ?? '?').replace(/Command$/, '');
    dynamodbCalls.set(context.commandName ?? '?', (dynamodbCalls.get(context.commandName ?? '?') ?? 0) + 1);
    (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
    const result = await next(args);
    const consumed = unitsOf(command, (result.output as { ConsumedCapacity?: never }).ConsumedCapacity);
    units.read += consumed.readUnits;
    units.write += consumed.writeUnits;
    return result;
  },
  { step: 'initialize', name: 'countCalls' },
);
const takeUnits = () => {
  const taken = { readUnits: units.read, writeUnits: units.write };
  units.read = 0;
  units.write = 0;
  return taken;
};
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const realtimeDoc = DynamoDBDocumentClient.from(fanOutClient, { marshallOptions: { removeUndefinedValues: true } });
const apiDoc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: local.endpoint, region: 'eu-west-1', credentials }), { marshallOptions: { removeUndefinedValues: true } });
await ensureTable(fanOutClient, TABLE, tableDefinition);

const key = createSigningKey();
const auth = deployedAuthConfig(key);
const token = cognitoIdToken(key, { 'cognito:groups': ['recruiters', 'admins'] });

let handle: WebSocketEventHandler = async () => ({ statusCode: 503 });
const gateway = await startWebSocketGateway((event) => handle(event));
const management = new ApiGatewayManagementApiClient({ endpoint: gateway.endpoint, region: 'eu-west-1', credentials });
let posts = 0;
const eventBytes: number[] = [];
const counted: ConnectionApi = (() => {
  const api = createConnectionApi(gateway.endpoint, management);
  return {
    post: (id, message) => {
      posts += 1;
      if (message.includes('"type":"next"')) eventBytes.push(Buffer.byteLength(message));
      return api.post(id, message);
    },
    close: (id) => api.close(id),
  };
})();
const runtime = { client: apiDoc, tables: { main: TABLE }, tokenSecret: 'bench', env: {} };
const reports: FanOutReport[] = [];
const realtime = createRealtime({
  client: realtimeDoc,
  tableName: TABLE,
  auth,
  sdl: apiSdl,
  connections: () => counted,
  logger,
  resolvers: { definitions: resolvers, runtime },
  onFanOut: (report) => void reports.push(report),
});
handle = createWebSocketHandler(realtime, { endpoint: gateway.endpoint, logger }) as WebSocketEventHandler;
// The bench's own reads of the records go through the API's client: not counted as the function's.
const records = createRealtimeStore({ client: apiDoc, tableName: TABLE });
const fanOutCpuMs: number[] = [];
const lambdaService = await startLambdaService({
  realtime: async (event) => {
    const started = process.cpuUsage();
    try {
      return await handle(event);
    } finally {
      fanOutCpuMs.push(cpuMs(started));
    }
  },
});
const http = createLambdaHandler({
  logger,
  auth,
  runtime,
  plugins: [
    httpRealtimePlugin({
      // As `npm start`: the realtime function invoked synchronously, through the Lambda Invoke API.
      publish: { mode: 'invoke', functionName: 'realtime', invocationType: 'RequestResponse' },
      sdl: apiSdl,
      logger,
      lambda: lambdaService.invoker(),
    }),
  ],
});
const call = async (query: string, variables: Record<string, unknown>): Promise<Record<string, any>> => {
  const result = (await http(graphqlEvent(query, variables, { headers: { authorization: token } }), { awsRequestId: 'bench' } as Context, () => undefined)) as { body: string };
  const body = JSON.parse(result.body) as { data?: Record<string, any>; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
};

const { createCompany } = await call('mutation ($i: CreateCompanyInput!) { createCompany(input: $i) { id } }', { i: { name: 'Bench' } });
const newJob = async () => (await call('mutation ($i: CreateJobInput!) { createJob(input: $i) { id } }', { i: { companyId: createCompany.id, title: 'Board', status: 'OPEN' } })).createJob.id as string;
const [job, otherJob] = [await newJob(), await newJob()];
const applications: string[] = [];
for (let index = 0; index < MOVES; index += 1) {
  const { createCandidate } = await call('mutation ($i: CreateCandidateInput!) { createCandidate(input: $i) { id } }', { i: { name: 'C', email: `c${index}@example.com` } });
  applications.push((await call('mutation ($j: ID!, $c: ID!) { applyToJob(jobId: $j, candidateId: $c) { id } }', { j: job, c: createCandidate.id })).applyToJob.id);
}

// Subscribers: SUBSCRIBERS on the job, as many on another job (their records must not be read).
const received: number[] = [];
const arrivals: Array<Array<number>> = Array.from({ length: MOVES }, () => []);
const clients: Client[] = [];
const subscribeTo = (jobId: string, index: number | null) => {
  const client = createClient({ url: gateway.url, webSocketImpl: WebSocket, connectionParams: { authorization: token }, retryAttempts: 0, lazy: true });
  clients.push(client);
  client.subscribe(
    { query: 'subscription ($j: ID) { onApplicationMoved(jobId: $j) { id jobId stage version } }', variables: { j: jobId } },
    {
      next: (event) => {
        if (index === null) return;
        const moved = (event.data as { onApplicationMoved: { id: string } }).onApplicationMoved;
        arrivals[applications.indexOf(moved.id)]!.push(performance.now());
        received[index] = (received[index] ?? 0) + 1;
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
};
takeUnits();
const sessionStarted = process.cpuUsage();
for (let index = 0; index < SUBSCRIBERS; index += 1) {
  subscribeTo(job, index);
  subscribeTo(otherJob, null);
}
const subscribed = async (jobId: string) => (await records.subscriptions(`onApplicationMoved#jobId=${jobId}`)).length;
while ((await subscribed(job)) < SUBSCRIBERS || (await subscribed(otherJob)) < SUBSCRIBERS) await gateway.settled();
const session = { sessions: 2 * SUBSCRIBERS, cpuMs: cpuMs(sessionStarted), ...takeUnits() };

const events: Array<{ responseMs: number; lastDeliveryMs: number; dynamodb: Record<string, number>; readUnits: number; posts: number; report?: FanOutReport; cpuMs?: number }> = [];
for (let move = 0; move < MOVES; move += 1) {
  dynamodbCalls.clear();
  takeUnits();
  posts = 0;
  // Only this move's fan-out: the set-up's mutations fired subscription fields too.
  reports.length = 0;
  fanOutCpuMs.length = 0;
  const start = performance.now();
  await call('mutation ($id: ID!) { moveApplication(id: $id, stage: SCREEN, expectedVersion: 1) { id jobId stage version } }', { id: applications[move] });
  const responded = performance.now();
  // Inline publishing posts every event before the mutation answers; the clients read them off their sockets.
  while (arrivals[move]!.length < SUBSCRIBERS) await new Promise((resolve) => setImmediate(resolve));
  events.push({
    responseMs: responded - start,
    lastDeliveryMs: Math.max(...arrivals[move]!) - start,
    dynamodb: Object.fromEntries(dynamodbCalls),
    readUnits: takeUnits().readUnits,
    posts,
    report: reports.find((report) => report.mutation === 'moveApplication'),
    cpuMs: fanOutCpuMs[0],
  });
}

// Pings, one at a time, as the WebSocket API hands them to the function: each posts a pong.
const connectionIds = (await records.subscriptions(`onApplicationMoved#jobId=${job}`)).map((record) => record.connectionId);
const pingCpuMs: number[] = [];
for (const connectionId of connectionIds) {
  const started = process.cpuUsage();
  await handle({ requestContext: { routeKey: '$default', eventType: 'MESSAGE', connectionId, requestId: `ping-${connectionId}` }, body: '{"type":"ping"}' });
  pingCpuMs.push(cpuMs(started));
}

takeUnits();
const disconnectStarted = process.cpuUsage();
await Promise.all(clients.map((client) => client.dispose()));
while ((await subscribed(job)) > 0 || (await subscribed(otherJob)) > 0) await gateway.settled();
const disconnect = { cpuMs: cpuMs(disconnectStarted), ...takeUnits() };

console.log(JSON.stringify({ subscribers: SUBSCRIBERS, otherSubscribers: SUBSCRIBERS, moves: MOVES, events, session, disconnect, pingCpuMs, eventBytes }));
await gateway.close();
await lambdaService.close();
management.destroy();
fanOutClient.destroy();
await local.stop();
rmSync(workDir, { recursive: true, force: true });
