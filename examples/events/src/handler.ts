/** The events API's Lambda entry: cold-start wiring only, from the function's environment (serverless.yml), read once here. */
import { Logger } from '@aws-lambda-powertools/logger';
import { DYNAMODB_CLIENT_DEFAULTS, LAMBDA_INVOKER_DEFAULTS, createDynamoDBClient, createLambdaInvoker } from '@appsync-lambda/engine';
import { createEventsApi } from './api';
import { loggingHooks } from './logging';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

/** A comma list of the environment, its entries trimmed. */
const list = (name: string) => (process.env[name] ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);

const logger = new Logger({ serviceName: 'events-api' });
// One client each per container: their connections and retry quotas outlive requests.
const { client } = createDynamoDBClient(DYNAMODB_CLIENT_DEFAULTS);
const clientIds = list('COGNITO_CLIENT_IDS');

export const handler = createEventsApi({
  tables: { events: required('EVENTS_TABLE'), tickets: required('TICKETS_TABLE') },
  ticketCodesFunction: required('TICKET_CODES_FUNCTION'),
  weatherUrl: process.env.WEATHER_URL,
  dynamodb: client,
  lambda: createLambdaInvoker(LAMBDA_INVOKER_DEFAULTS),
  // As serverless.yml's appSync authentication: API keys by default, the user pool beside.
  auth: {
    defaultMode: 'API_KEY',
    additionalModes: ['AMAZON_COGNITO_USER_POOLS'],
    apiKeys: list('API_KEYS'),
    cognito: { userPoolId: required('COGNITO_USER_POOL_ID'), clientIds: clientIds.length ? clientIds : null, defaultAction: 'ALLOW' },
  },
  paginationSecret: required('PAGINATION_SECRET'),
  hooks: loggingHooks(logger),
});
