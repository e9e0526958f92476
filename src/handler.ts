/** Lambda entry: cold-start wiring only. Everything here runs once per container. */
import { Logger } from '@aws-lambda-powertools/logger';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createDynamoDBClient, createLambdaInvoker, type HttpApiHandler } from '@appsync-lambda/engine';
import { httpRealtimePlugin } from '@appsync-lambda/engine/realtime';
import { createHiringApi, operationNames, schemaSdl } from './api';
import { readConfig } from './config';
import { trustedDocuments } from './generated/trusted-documents';
import { metricsFromEnv } from './observability/metrics';
import { readResolverLogLevel } from './observability/resolver-console';
import { readTracing, tracerFromEnv } from './observability/tracing';

const config = readConfig(process.env);
// Powertools reads LOG_LEVEL and POWERTOOLS_LOGGER_SAMPLE_RATE itself; the service name is serverless.yml's.
const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME || 'hiring-api' });

// CloudWatch metrics as log lines (METRICS=off turns them off), by SDK operation name.
const metrics = metricsFromEnv(process.env);

// X-Ray traces when TRACING=on or resolvers (off by default): the Tracer is loaded then, and only then.
const tracing = readTracing(process.env.TRACING);

// One client per container: its connections and its retry quota outlive requests.
const { client } = createDynamoDBClient(config.dynamodb);
const lambda = createLambdaInvoker(config.lambda);

const createApi = (tracer?: Tracer): HttpApiHandler => createHiringApi({
  logger,
  resolverLogLevel: readResolverLogLevel(process.env.RESOLVER_LOG_LEVEL),
  metrics: metrics && { metrics, operations: operationNames(trustedDocuments) },
  tracing: tracer && { tracer, resolvers: tracing === 'resolvers' },
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
  // Committed mutations go to their subscribers (REALTIME_PUBLISH; docs/realtime.md).
  plugins: [httpRealtimePlugin({ env: process.env, sdl: schemaSdl, logger, lambda })],
});

// With tracing on, the Tracer loads during the init phase (its import starts here) and the API is
// built once it has; the first request waits for both.
const loading = tracing === 'off' ? undefined : tracerFromEnv(process.env).then(createApi);
export const handler: HttpApiHandler = loading
  ? (event, context, callback) => loading.then((api) => api(event, context, callback) as Promise<APIGatewayProxyStructuredResultV2>)
  : createApi();
