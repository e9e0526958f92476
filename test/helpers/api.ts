/** The real Lambda handler against the test file's own DynamoDB Local database. */
import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createLambdaHandler, type LambdaOptions } from '../helpers/handler';
import type { DeadlineSettings, AuthConfig } from '@appsync-lambda/engine';
import { createTestDatabase, type TestDatabase } from './dynamodb';
import { graphqlEvent, type EventOptions } from '@appsync-lambda/test-support';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Record<string, unknown>;
  body: { data?: T | null; errors?: Array<Record<string, any>> };
}

export interface TestApi {
  db: TestDatabase;
  invoke(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2>;
  graphql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: EventOptions): Promise<GraphQLResponse<T>>;
}

/** Size limits a test sets on the handler (the deployed defaults otherwise). */
export type TestLimits = Pick<LambdaOptions, 'maxRequestBytes' | 'maxQueryBytes' | 'maxResponseBytes' | 'documentCacheBytes'>;

/** `queryBudgets` and `trustedDocuments` are off unless given. */
export interface TestApiOptions extends Pick<LambdaOptions, 'queryBudgets' | 'trustedDocuments' | 'tracing'> {
  env?: Record<string, string>;
  /** Enforces an authorization configuration, as the deployed handler does; without it nothing is enforced. */
  auth?: AuthConfig;
  /** The client the handler uses (e.g. one through a fault proxy); the database's own client by default. */
  connect?: (db: TestDatabase) => DynamoDBDocumentClient;
  deadline?: DeadlineSettings;
  logger?: Logger;
  /** What the Lambda context's getRemainingTimeInMillis() answers; absent by default. */
  remainingTimeMs?: number;
  /** Size limits (the deployed defaults otherwise). */
  limits?: TestLimits;
  /** More Apollo plugins for the handler's server, given the test's database (e.g. subscriptions' publisher). */
  plugins?: (db: TestDatabase, auth: AuthConfig | undefined) => NonNullable<LambdaOptions['plugins']>;
}

export async function createTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  const handler = createLambdaHandler({
    ...options.limits,
    logger: options.logger ?? new Logger({ serviceName: 'hiring-api-test', logLevel: 'SILENT' }),
    auth: options.auth,
    deadline: options.deadline,
    queryBudgets: options.queryBudgets,
    trustedDocuments: options.trustedDocuments,
    plugins: options.plugins?.(db, options.auth),
    tracing: options.tracing,
    runtime: { client: options.connect?.(db) ?? db.doc, tables: { main: db.tableName }, tokenSecret: 'test-secret', env: options.env ?? {} },
  });
  const { remainingTimeMs } = options;
  const lambdaContext = { awsRequestId: 'test', ...(remainingTimeMs === undefined ? {} : { getRemainingTimeInMillis: () => remainingTimeMs }) } as Context;
  const invoke = async (event: APIGatewayProxyEventV2) => (await handler(event, lambdaContext, () => undefined)) as APIGatewayProxyStructuredResultV2;
  return {
    db,
    invoke,
    async graphql(query, variables, eventOptions) {
      const result = await invoke(graphqlEvent(query, variables, eventOptions));
      return { status: result.statusCode ?? 200, headers: result.headers ?? {}, body: JSON.parse(String(result.body)) };
    },
  };
}
