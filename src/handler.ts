/** Lambda entry: cold-start wiring only. Everything here runs once per container. */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createDynamoDBClient, createLambdaInvoker, type HttpApiHandler } from '@appsync-lambda/engine';
import { httpRealtimePlugin } from '@appsync-lambda/engine/realtime';
import { createHiringApi, operationNames, schemaSdl } from './api';
import { loadConfig } from './config';
import { trustedDocuments } from './generated/trusted-documents';
import { loadTracer } from './observability/tracing';

const config = loadConfig();
const { observability } = config;
const logger = new Logger(observability.logger);

// CloudWatch metrics as log lines (METRICS=off turns them off), by SDK operation name.
const metrics = observability.metrics && new Metrics(observability.metrics);

// One client per container: its connections and its retry quota outlive requests.
const { client } = createDynamoDBClient(config.dynamodb);
const lambda = createLambdaInvoker(config.lambda);

const createApi = (tracer?: Tracer): HttpApiHandler => createHiringApi({
  logger,
  resolverLogLevel: observability.resolverLogLevel,
  metrics: metrics && { metrics, operations: operationNames(trustedDocuments) },
  tracing: tracer && { tracer, resolvers: observability.tracing?.resolvers, handlerName: observability.tracing?.handlerName },
  dynamodb: client,
  tables: config.tables,
  paginationSecret: config.tokenSecret,
  env: config.resolverEnv,
  // The Lambda client is created on the first call of a Lambda data source, not here.
  lambda,
  limits: config.limits,
  auth: config.auth,
  introspection: config.introspection,
  deadline: config.deadline,
  queryBudgets: config.queryBudgets,
  trustedDocuments: { documents: trustedDocuments, modes: config.trustedDocumentModes },
  ...config.memory,
  playground: config.playground,
  // Committed mutations go to their subscribers (REALTIME_PUBLISH, the engine's realtime/publish/).
  plugins: [httpRealtimePlugin({ publish: config.realtime.publish, sdl: schemaSdl, logger, lambda })],
});

// X-Ray traces when TRACING=on or resolvers (off by default): the Tracer loads during the init
// phase (its import starts here) and the API is built once it has; the first request waits for both.
const loading = observability.tracing && loadTracer(observability.tracing.tracer).then(createApi);
export const handler: HttpApiHandler = loading
  ? (event, context, callback) => loading.then((api) => api(event, context, callback) as Promise<APIGatewayProxyStructuredResultV2>)
  : createApi();
