/**
 * Lambda entry of the WebSocket API ($connect, $disconnect, $default) and of the fan-out: cold-start
 * wiring only. Same bundle as the HTTP entry (src/handler.ts), but a function of its own, so the
 * HTTP cold start loads none of this. Same configuration too (src/config/): REALTIME_ENDPOINT is the
 * Management API endpoint of the WebSocket stage (needed for fan-out; WebSocket events carry their own).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { createDynamoDBClient, createLambdaInvoker } from '@appsync-lambda/engine';
import { createConnectionApi, createRealtime, createWebSocketHandler } from '@appsync-lambda/engine/realtime';
import { schemaSdl } from './api';
import { loadConfig } from './config';
import { fanOutMetrics } from './observability/fanout-metrics';
import { trustedDocuments } from './generated/trusted-documents';
import { resolvers } from './resolvers/index';

const config = loadConfig();
const logger = new Logger(config.observability.logger);
const { client } = createDynamoDBClient(config.dynamodb);
// One EMF line per fan-out (METRICS=off turns them off), by Subscription field.
const metrics = config.observability.metrics && new Metrics(config.observability.metrics);

// The subscription fields' resolvers run with the same data-source settings as over HTTP.
const runtime = { client, tables: config.tables, tokenSecret: config.tokenSecret, env: Object.freeze({ ...config.resolverEnv }), lambda: createLambdaInvoker(config.lambda) };

export const websocketHandler = createWebSocketHandler(
  createRealtime({
    client,
    tableName: config.tables.main!,
    auth: config.auth,
    sdl: schemaSdl,
    connections: (endpoint) => createConnectionApi(endpoint),
    logger,
    resolvers: { definitions: resolvers, runtime },
    trustedDocuments: { documents: trustedDocuments, modes: config.trustedDocumentModes },
    onFanOut: metrics && fanOutMetrics({ metrics, sdl: schemaSdl }),
  }),
  { endpoint: config.realtime.endpoint, logger },
);
