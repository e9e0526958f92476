/**
 * The hiring API with subscriptions, as deployed but in-process: the real HTTP handler invoking the
 * realtime function with committed mutations (through the real Lambda client and a local Lambda
 * service), the real WebSocket handler behind a local API Gateway (websocket-gateway.ts), one
 * DynamoDB Local database, and graphql-ws clients.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import { createDynamoDBClient, DEFAULT_QUERY_BUDGETS } from '@appsync-lambda/engine';
import {
  createConnectionApi,
  createRealtime,
  createWebSocketHandler,
  httpRealtimePlugin,
  REALTIME_DYNAMODB_CLIENT_OVERRIDES,
  type FanOutReport,
  type Realtime,
  type RealtimeOptions,
} from '@appsync-lambda/engine/realtime';
import { schemaSdl as apiSdl } from '../../src/api';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../src/data/pages';
import { trustedDocuments } from '../../src/generated/trusted-documents';
import { resolvers } from '../../src/resolvers/index';
import type { TestDatabase } from './dynamodb';
import { createHiringApi, type HiringApi } from './hiring';
import { startLambdaService, type LambdaService } from '@appsync-lambda/test-support';
import { startWebSocketGateway, type WebSocketEventHandler, type WebSocketGateway } from './websocket-gateway';

export interface RealtimeApi {
  hiring: HiringApi;
  /** The Lambda service the HTTP handler hands events to (the WebSocket function runs in it). */
  lambda: LambdaService;
  gateway: WebSocketGateway;
  realtime: Realtime;
  /** A graphql-ws client sending `connectionParams` in connection_init (no retries). */
  client(connectionParams: Record<string, string>, onClosed?: (event: unknown) => void, options?: Partial<ClientOptions>): Client;
  close(): Promise<void>;
}

const silent = new Logger({ serviceName: 'hiring-api-test', logLevel: 'SILENT' });

export interface RealtimeApiOptions {
  invocationType?: 'RequestResponse' | 'Event';
  onFanOut?: (report: FanOutReport) => void;
  /** The realtime service's logger (silent by default). */
  logger?: Logger;
  /** The realtime service's DynamoDB client (the test database's by default), e.g. through a fault proxy. */
  dynamodb?: (db: TestDatabase) => DynamoDBDocumentClient;
  /** Realtime options beyond the deployed function's (src/realtime-handler.ts), e.g. other limits. */
  realtime?: Pick<RealtimeOptions, 'limits' | 'queryBudgets'>;
}

/**
 * The realtime function's DynamoDB client as deployed (sized for bursts, 3 attempts), with short
 * timeouts so that stalls end quickly, sending to `endpoint` (a fault proxy) for the test database.
 */
export const realtimeClientThrough = (endpoint: string) => (db: TestDatabase) =>
  createDynamoDBClient(
    { endpoint, connectTimeoutMs: 1_000, requestTimeoutMs: 500, maxAttempts: 3 },
    { ...REALTIME_DYNAMODB_CLIENT_OVERRIDES, region: 'local', credentials: { accessKeyId: db.accessKeyId, secretAccessKey: 'local' } },
  ).client;

/** The realtime function's name in the local Lambda service. */
export const REALTIME_FUNCTION = 'hiring-api-test-realtime';

/**
 * The HTTP handler invokes the WebSocket function through a local Lambda service (the real Lambda
 * client): `RequestResponse` (the mutation answers after the deliveries, as `npm start` does) or
 * `Event` (asynchronously, as deployed).
 */
export async function createRealtimeApi({ invocationType = 'RequestResponse', onFanOut, logger = silent, dynamodb, realtime: overrides }: RealtimeApiOptions = {}): Promise<RealtimeApi> {
  let handle: WebSocketEventHandler = async () => ({ statusCode: 503 });
  const lambda = await startLambdaService({ [REALTIME_FUNCTION]: (event) => handle(event) });
  const gateway = await startWebSocketGateway((event) => handle(event));
  const management = new ApiGatewayManagementApiClient({ endpoint: gateway.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const connections = () => createConnectionApi(gateway.endpoint, management);
  const hiring = await createHiringApi({
    plugins: () => [
      httpRealtimePlugin({
        publish: { mode: 'invoke', functionName: REALTIME_FUNCTION, invocationType },
        sdl: apiSdl,
        logger: silent,
        lambda: lambda.invoker(),
      }),
    ],
  });
  const { db } = hiring.api;
  const realtime = createRealtime({
    client: dynamodb ? dynamodb(db) : db.doc,
    tableName: db.tableName,
    auth: hiring.auth,
    sdl: apiSdl,
    connections,
    logger,
    resolvers: { definitions: resolvers, runtime: { client: db.doc, tables: { main: db.tableName }, tokenSecret: 'test-secret', env: {} } },
    // As createHiringApi holds HTTP requests: the API key to the SDK's documents.
    trustedDocuments: { documents: trustedDocuments, modes: ['API_KEY'] },
    // As deployed: the default budgets (no QUERY_BUDGET_* set) and the API's page sizes.
    queryBudgets: DEFAULT_QUERY_BUDGETS,
    listSizes: { defaultSize: DEFAULT_PAGE_SIZE, maximumSize: MAX_PAGE_SIZE },
    onFanOut,
    ...overrides,
  });
  const handler = createWebSocketHandler(realtime, { endpoint: gateway.endpoint, logger });
  handle = handler as WebSocketEventHandler;
  const clients: Client[] = [];
  return {
    hiring,
    lambda,
    gateway,
    realtime,
    client(connectionParams, onClosed, options = {}) {
      const client = createClient({ url: gateway.url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true, on: onClosed ? { closed: onClosed } : {}, ...options });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((client) => client.dispose()));
      await gateway.close();
      await lambda.close();
      management.destroy();
    },
  };
}
