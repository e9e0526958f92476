/** Lambda entry: cold-start wiring only. Everything here runs once per container. */
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createLambdaHandler } from './lambda';
import { readResolverLogLevel } from './observability/resolver-console';
import { readConfig } from './config';

const config = readConfig(process.env);
// Powertools reads LOG_LEVEL and POWERTOOLS_LOGGER_SAMPLE_RATE itself; the service name is serverless.yml's.
const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME || 'hiring-api' });
const resolverLogLevel = readResolverLogLevel(process.env.RESOLVER_LOG_LEVEL);

const client = DynamoDBDocumentClient.from(
  new DynamoDBClient(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint } : {}),
  { marshallOptions: { removeUndefinedValues: true } },
);

export const handler = createLambdaHandler({
  logger,
  resolverLogLevel,
  runtime: { client, tables: config.tables, tokenSecret: config.tokenSecret, env: config.resolverEnv },
  limits: config.limits,
  identity: { defaultAuthStrategy: config.defaultAuthStrategy },
  auth: config.auth,
  introspection: config.introspection,
  ...config.memory,
});
