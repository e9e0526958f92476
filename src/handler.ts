/** Lambda entry: cold-start wiring only. Everything here runs once per container. */
import { Logger } from '@aws-lambda-powertools/logger';
import { createLambdaHandler } from './lambda';
import { readResolverLogLevel } from './observability/resolver-console';
import { readConfig } from './config';
import { createDynamoDBClient } from './runtime/dynamodb/client';
import { createLambdaInvoker } from './runtime/lambda/invoker';
import { trustedDocuments } from './generated/trusted-documents';
import { httpRealtimePlugin } from './realtime/http';
import { schemaSdl } from './server';

const config = readConfig(process.env);
// Powertools reads LOG_LEVEL and POWERTOOLS_LOGGER_SAMPLE_RATE itself; the service name is serverless.yml's.
const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME || 'hiring-api' });
const resolverLogLevel = readResolverLogLevel(process.env.RESOLVER_LOG_LEVEL);

// One client per container: its connections and its retry quota outlive requests.
const { client } = createDynamoDBClient(config.dynamodb);
const lambda = createLambdaInvoker(config.lambda);

export const handler = createLambdaHandler({
  logger,
  resolverLogLevel,
  // The Lambda client is created on the first call of a Lambda data source, not here.
  runtime: { client, tables: config.tables, tokenSecret: config.tokenSecret, env: config.resolverEnv, lambda },
  limits: config.limits,
  identity: { defaultAuthStrategy: config.defaultAuthStrategy },
  auth: config.auth,
  introspection: config.introspection,
  deadline: config.deadline,
  queryBudgets: config.queryBudgets,
  trustedDocuments: { documents: trustedDocuments, modes: config.trustedDocumentModes },
  ...config.memory,
  // Committed mutations go to their subscribers (REALTIME_PUBLISH, src/realtime/publisher.ts).
  plugins: [httpRealtimePlugin({ env: process.env, sdl: schemaSdl, logger, lambda })],
});
