/** The events API's Lambda entry: cold-start wiring only, from the function's environment (serverless.yml). */
import { Logger } from '@aws-lambda-powertools/logger';
import { DYNAMODB_CLIENT_DEFAULTS, LAMBDA_INVOKER_DEFAULTS, createDynamoDBClient, createLambdaInvoker, readAuthConfig } from '@appsync-lambda/engine';
import { createEventsApi } from './api';
import { loggingHooks } from './logging';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

const logger = new Logger({ serviceName: 'events-api' });
// One client each per container: their connections and retry quotas outlive requests.
const { client } = createDynamoDBClient(DYNAMODB_CLIENT_DEFAULTS);

export const handler = createEventsApi({
  tables: { events: required('EVENTS_TABLE'), tickets: required('TICKETS_TABLE') },
  ticketCodesFunction: required('TICKET_CODES_FUNCTION'),
  weatherUrl: process.env.WEATHER_URL,
  dynamodb: client,
  lambda: createLambdaInvoker(LAMBDA_INVOKER_DEFAULTS),
  auth: readAuthConfig(process.env),
  paginationSecret: required('PAGINATION_SECRET'),
  hooks: loggingHooks(logger),
});
