/**
 * The hiring API with subscriptions, as deployed but in-process: the real HTTP handler invoking the
 * realtime function with committed mutations (through the real Lambda client and a local Lambda
 * service), the real WebSocket handler behind a local API Gateway (websocket-gateway.ts), one
 * DynamoDB Local database, and graphql-ws clients.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { createClient, type Client } from 'graphql-ws';
import { createConnectionApi, createRealtime, createWebSocketHandler, httpRealtimePlugin, type FanOutReport, type Realtime } from '@appsync-lambda/engine/realtime';
import { schemaSdl as apiSdl } from '../../src/api';
import { trustedDocuments } from '../../src/generated/trusted-documents';
import { resolvers } from '../../src/resolvers/index';
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
  client(connectionParams: Record<string, string>, onClosed?: (event: unknown) => void): Client;
  close(): Promise<void>;
}

const logger = new Logger({ serviceName: 'hiring-api-test', logLevel: 'SILENT' });

/** The realtime function's name in the local Lambda service. */
export const REALTIME_FUNCTION = 'hiring-api-test-realtime';

/**
 * The HTTP handler invokes the WebSocket function through a local Lambda service (the real Lambda
 * client): `RequestResponse` (the mutation answers after the deliveries, as `npm start` does) or
 * `Event` (asynchronously, as deployed).
 */
export async function createRealtimeApi({
  invocationType = 'RequestResponse',
  onFanOut,
}: { invocationType?: 'RequestResponse' | 'Event'; onFanOut?: (report: FanOutReport) => void } = {}): Promise<RealtimeApi> {
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
        logger,
        lambda: lambda.invoker(),
      }),
    ],
  });
  const { db } = hiring.api;
  const realtime = createRealtime({
    client: db.doc,
    tableName: db.tableName,
    auth: hiring.auth,
    sdl: apiSdl,
    connections,
    logger,
    resolvers: { definitions: resolvers, runtime: { client: db.doc, tables: { main: db.tableName }, tokenSecret: 'test-secret', env: {} } },
    // As createHiringApi holds HTTP requests: the API key to the SDK's documents.
    trustedDocuments: { documents: trustedDocuments, modes: ['API_KEY'] },
    onFanOut,
  });
  const handler = createWebSocketHandler(realtime, { endpoint: gateway.endpoint, logger });
  handle = handler as WebSocketEventHandler;
  const clients: Client[] = [];
  return {
    hiring,
    lambda,
    gateway,
    realtime,
    client(connectionParams, onClosed) {
      const client = createClient({ url: gateway.url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true, on: onClosed ? { closed: onClosed } : {} });
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
