/**
 * The realtime benchmark's subject, bundled by bench/realtime.ts (it imports the schema's .graphql
 * files as the Lambda bundle does) and run as its own process: DynamoDB Local, the WebSocket handler
 * behind a local API Gateway (test/helpers/websocket-gateway.ts) and a local Lambda service, the HTTP
 * handler invoking it synchronously (as `npm start`), SUBSCRIBERS graphql-ws clients on one job and as many on another, then MOVES moves of
 * that job's applications. Prints one JSON line of figures.
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
import { startDynamoDBLocal } from '../../scripts/lib/dynamodb-local.ts';
import { ensureTable } from '../../scripts/lib/table.ts';
import { createLambdaHandler } from '../../test/helpers/handler.ts';
import { createConnectionApi, type ConnectionApi } from '../../packages/engine/src/realtime/connections.ts';
import { httpRealtimePlugin } from '../../packages/engine/src/realtime/http.ts';
import { createRealtime } from '../../packages/engine/src/realtime/realtime.ts';
import { schemaSdl as apiSdl } from '../../src/api.ts';
import { createWebSocketHandler } from '../../packages/engine/src/adapters/websocket.ts';
import { resolvers } from '../../src/resolvers/index.ts';
import { graphqlEvent } from '../../test/helpers/events.ts';
import { startLambdaService } from '../../test/helpers/lambda-service.ts';
import { cognitoIdToken, createSigningKey, deployedAuthConfig } from '../../test/helpers/jwt.ts';
import { startWebSocketGateway, type WebSocketEventHandler } from '../../test/helpers/websocket-gateway.ts';

const SUBSCRIBERS = Number(process.env.REALTIME_SUBSCRIBERS ?? 100);
const MOVES = Number(process.env.REALTIME_MOVES ?? 10);
const TABLE = 'hiring-bench-realtime';
const logger = new Logger({ serviceName: 'bench', logLevel: 'SILENT' });

const workDir = mkdtempSync(join(tmpdir(), 'hiring-bench-realtime-'));
const local = await startDynamoDBLocal({ workDir });
const credentials = { accessKeyId: 'bench', secretAccessKey: 'bench' };

/** DynamoDB calls the fan-out makes, by command, counted by a middleware on its own client. */
const dynamodbCalls = new Map<string, number>();
const fanOutClient = new DynamoDBClient({ endpoint: local.endpoint, region: 'eu-west-1', credentials });
fanOutClient.middlewareStack.add(
  (next, context) => async (args) => {
    dynamodbCalls.set(context.commandName ?? '?', (dynamodbCalls.get(context.commandName ?? '?') ?? 0) + 1);
    return next(args);
  },
  { step: 'initialize', name: 'countCalls' },
);
const realtimeDoc = DynamoDBDocumentClient.from(fanOutClient, { marshallOptions: { removeUndefinedValues: true } });
const apiDoc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: local.endpoint, region: 'eu-west-1', credentials }), { marshallOptions: { removeUndefinedValues: true } });
await ensureTable(fanOutClient, TABLE);

const key = createSigningKey();
const auth = deployedAuthConfig(key);
const token = cognitoIdToken(key, { 'cognito:groups': ['recruiters', 'admins'] });

let handle: WebSocketEventHandler = async () => ({ statusCode: 503 });
const gateway = await startWebSocketGateway((event) => handle(event));
const management = new ApiGatewayManagementApiClient({ endpoint: gateway.endpoint, region: 'eu-west-1', credentials });
let posts = 0;
const counted: ConnectionApi = (() => {
  const api = createConnectionApi(gateway.endpoint, management);
  return { post: (id, message) => ((posts += 1), api.post(id, message)), close: (id) => api.close(id) };
})();
const runtime = { client: apiDoc, tables: { main: TABLE }, tokenSecret: 'bench', env: {} };
const realtime = createRealtime({ client: realtimeDoc, tableName: TABLE, auth, sdl: apiSdl, connections: () => counted, logger, resolvers: { definitions: resolvers, runtime } });
handle = createWebSocketHandler(realtime, { endpoint: gateway.endpoint, logger }) as WebSocketEventHandler;
const lambdaService = await startLambdaService({ realtime: (event) => handle(event) });
const http = createLambdaHandler({
  logger,
  auth,
  runtime,
  plugins: [
    httpRealtimePlugin({
      // As `npm start`: the realtime function invoked synchronously, through the Lambda Invoke API.
      env: { REALTIME_PUBLISH: 'invoke', REALTIME_FUNCTION_NAME: 'realtime', REALTIME_INVOCATION_TYPE: 'RequestResponse' },
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
for (let index = 0; index < SUBSCRIBERS; index += 1) {
  subscribeTo(job, index);
  subscribeTo(otherJob, null);
}
const subscribed = async (jobId: string) => (await realtime.store.subscriptions(`onApplicationMoved#jobId=${jobId}`)).length;
while ((await subscribed(job)) < SUBSCRIBERS || (await subscribed(otherJob)) < SUBSCRIBERS) await gateway.settled();

const events: Array<{ responseMs: number; lastDeliveryMs: number; dynamodb: Record<string, number>; posts: number }> = [];
for (let move = 0; move < MOVES; move += 1) {
  dynamodbCalls.clear();
  posts = 0;
  const start = performance.now();
  await call('mutation ($id: ID!) { moveApplication(id: $id, stage: SCREEN, expectedVersion: 1) { id jobId stage version } }', { id: applications[move] });
  const responded = performance.now();
  // Inline publishing posts every event before the mutation answers; the clients read them off their sockets.
  while (arrivals[move]!.length < SUBSCRIBERS) await new Promise((resolve) => setImmediate(resolve));
  events.push({ responseMs: responded - start, lastDeliveryMs: Math.max(...arrivals[move]!) - start, dynamodb: Object.fromEntries(dynamodbCalls), posts });
}

console.log(JSON.stringify({ subscribers: SUBSCRIBERS, otherSubscribers: SUBSCRIBERS, moves: MOVES, events }));
await Promise.all(clients.map((client) => client.dispose()));
await gateway.close();
await lambdaService.close();
management.destroy();
fanOutClient.destroy();
await local.stop();
rmSync(workDir, { recursive: true, force: true });
