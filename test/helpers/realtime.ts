/**
 * The hiring API with subscriptions, as deployed but in-process: the real HTTP handler publishing
 * committed mutations inline (REALTIME_PUBLISH=inline), the real WebSocket handler behind a local
 * API Gateway (websocket-gateway.ts), one DynamoDB Local database, and graphql-ws clients.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { createClient, type Client } from 'graphql-ws';
import { createConnectionApi } from '../../src/realtime/connections';
import { httpRealtimePlugin } from '../../src/realtime/http';
import { apiSdl, createRealtime, type Realtime } from '../../src/realtime/realtime';
import { createWebSocketHandler } from '../../src/realtime/websocket';
import { trustedDocuments } from '../../src/generated/trusted-documents';
import { resolvers } from '../../src/resolvers/index';
import { createLambdaInvoker, LAMBDA_INVOKER_DEFAULTS } from '../../src/runtime/lambda/invoker';
import { createHiringApi, type HiringApi } from './hiring';
import { startLambdaService, type LambdaService } from './lambda-service';
import { startWebSocketGateway, type WebSocketEventHandler, type WebSocketGateway } from './websocket-gateway';

export interface RealtimeApi {
  hiring: HiringApi;
  /** With `publish: 'invoke'`: the Lambda service the HTTP handler hands events to. */
  lambda?: LambdaService;
  gateway: WebSocketGateway;
  realtime: Realtime;
  /** A graphql-ws client sending `connectionParams` in connection_init (no retries). */
  client(connectionParams: Record<string, string>, onClosed?: (event: unknown) => void): Client;
  close(): Promise<void>;
}

const logger = new Logger({ serviceName: 'hiring-api-test', logLevel: 'SILENT' });

/** The realtime function's name under `publish: 'invoke'`. */
export const REALTIME_FUNCTION = 'hiring-api-test-realtime';

/**
 * `publish`: `inline` (the fan-out runs in the HTTP request, as `npm start` does) or `invoke` (the
 * HTTP handler invokes the WebSocket function asynchronously through a local Lambda service, as
 * deployed).
 */
export async function createRealtimeApi({ publish = 'inline' }: { publish?: 'inline' | 'invoke' } = {}): Promise<RealtimeApi> {
  let handle: WebSocketEventHandler = async () => ({ statusCode: 503 });
  const lambda = publish === 'invoke' ? await startLambdaService({ [REALTIME_FUNCTION]: (event) => handle(event) }) : undefined;
  const gateway = await startWebSocketGateway((event) => handle(event));
  const management = new ApiGatewayManagementApiClient({ endpoint: gateway.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const connections = () => createConnectionApi(gateway.endpoint, management);
  const hiring = await createHiringApi({
    plugins: (db, auth) => [
      httpRealtimePlugin({
        env: publish === 'invoke' ? { REALTIME_PUBLISH: 'invoke', REALTIME_FUNCTION_NAME: REALTIME_FUNCTION } : { REALTIME_PUBLISH: 'inline', REALTIME_ENDPOINT: gateway.endpoint },
        sdl: apiSdl,
        logger,
        lambda: lambda?.invoker() ?? createLambdaInvoker(LAMBDA_INVOKER_DEFAULTS),
        client: db.doc,
        tableName: db.tableName,
        auth: auth!,
        connections,
      }),
    ],
  });
  const { db } = hiring.api;
  const realtime = createRealtime({
    client: db.doc,
    tableName: db.tableName,
    auth: hiring.auth,
    connections,
    logger,
    resolvers: { definitions: resolvers, runtime: { client: db.doc, tables: { main: db.tableName }, tokenSecret: 'test-secret', env: {} } },
    // As createHiringApi holds HTTP requests: the API key to the SDK's documents.
    trustedDocuments: { documents: trustedDocuments, modes: ['API_KEY'] },
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
      await lambda?.close();
      management.destroy();
    },
  };
}
