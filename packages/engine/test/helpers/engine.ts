/**
 * An engine serving a small schema through its HTTP API handler, as a deployment would, for the
 * engine's own tests: a GraphQL request in, the status, the body as sent and the failures the
 * engine reported out. Requests are trusted as an authorizer left them, and nothing reaches AWS:
 * the resolvers use the NONE data source, the DynamoDB client points nowhere.
 */
import { createAppSyncEngine, createHttpApiHandler, engineRequestFromEvent, type EngineOptions, type ErrorReport, type ResolverDefinition } from '@appsync-lambda/engine';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

/** A GraphQL response body as clients read it. */
export interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: Array<Record<string, any>>;
}

export interface TestEngine {
  /** Posts one operation; `text` is the body exactly as the handler returned it. */
  graphql(query: string, variables?: Record<string, unknown>): Promise<{ status: number; text: string; body: GraphQLBody }>;
  /** Runs one operation on the engine's server alone, without the HTTP adapter's checks: the result before it is serialised. */
  execute(query: string, variables?: Record<string, unknown>): Promise<GraphQLBody>;
  /** Every failure the engine reported to its hooks (what an application logs). */
  reports: ErrorReport[];
}

export interface TestEngineOptions extends Partial<Omit<EngineOptions, 'sdl' | 'resolvers' | 'hooks'>> {
  sdl: string;
  resolvers: Readonly<Record<string, ResolverDefinition>>;
}

/** A document client that is never called (NONE data sources only). */
function unusedClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }));
}

function postEvent(body: string): APIGatewayProxyEventV2 {
  const http = { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' };
  return {
    version: '2.0',
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'api',
      http,
      requestId: 'api-request',
      routeKey: 'POST /graphql',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body,
    isBase64Encoded: false,
  };
}

/** Builds the engine and its handler; one per test file or per setting under test. */
export function createTestEngine({ sdl, resolvers, ...options }: TestEngineOptions): TestEngine {
  const reports: ErrorReport[] = [];
  const engine = createAppSyncEngine({
    auth: { trustAuthorizer: true },
    tables: {},
    dynamodb: unusedClient(),
    paginationSecret: 'test-secret',
    ...options,
    sdl,
    resolvers,
    hooks: { onRequestStart: () => ({ onError: (report) => void reports.push(report) }) },
  });
  const handler = createHttpApiHandler(engine, { maxResponseBytes: options.maxResponseBytes });
  return {
    reports,
    async execute(query, variables) {
      const request = engineRequestFromEvent(postEvent(JSON.stringify({ query, variables })));
      const contextValue = engine.createContext(request, await engine.authenticate(request), { requestId: 'test-request' });
      const { body } = await engine.server.executeOperation({ query, variables }, { contextValue });
      if (body.kind !== 'single') throw new Error('An incremental result: the engine answers single results only');
      return body.singleResult as GraphQLBody;
    },
    async graphql(query, variables) {
      const result = (await handler(postEvent(JSON.stringify({ query, variables })), { awsRequestId: 'test-request' } as Context, () => undefined)) as APIGatewayProxyStructuredResultV2;
      const text = String(result.body);
      return { status: result.statusCode ?? 200, text, body: JSON.parse(text) as GraphQLBody };
    },
  };
}
