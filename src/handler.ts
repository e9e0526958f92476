/** Lambda entry: cold-start wiring only. Everything here runs once per container. */
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createLambdaHandler } from './lambda';
import { readConfig } from './config';

const config = readConfig(process.env);
const logger = new Logger({ serviceName: 'hiring-api' });

const client = DynamoDBDocumentClient.from(
  new DynamoDBClient(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint } : {}),
  { marshallOptions: { removeUndefinedValues: true } },
);

export const handler = createLambdaHandler({
  logger,
  runtime: { client, tables: config.tables, tokenSecret: config.tokenSecret, env: config.resolverEnv },
  limits: config.limits,
  identity: { defaultAuthStrategy: config.defaultAuthStrategy },
  auth: config.auth,
  introspection: config.introspection,
});
