/**
 * The engine behind its HTTP API handler, serving a test schema and test resolvers: the runtime
 * conformance suite's API. Resolver modules are defined in the test files, written like real
 * AppSync modules; every failure the engine reports through its hooks is recorded.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  createAppSyncEngine,
  createHttpApiHandler,
  type AuthSettings,
  type EngineHooks,
  type EngineOptions,
  type ErrorReport,
  type HttpApiRoute,
  type LambdaInvoker,
  type ResolverDefinition,
} from '@appsync-lambda/engine';
import { graphqlEvent, type EventOptions } from '@appsync-lambda/test-support';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { TestDatabase } from './database';

/** A schema covering what the conformance tests need: scalars, lists, non-null, interfaces, unions. Like a schema deployed to AppSync, it declares none of AppSync's scalars or directives. */
export const TEST_SDL = /* GraphQL */ `
  type Query {
    probe(input: String, n: Int, thing: ThingInput): AWSJSON
    other: AWSJSON
    text: String
    strict: String!
    parent(id: ID): Parent
    parents: [Parent]
    node(id: ID): Node
    search: [SearchResult]
    noResolver: String
  }
  type Mutation {
    save(thing: ThingInput): AWSJSON
  }
  input ThingInput {
    name: String
    tags: [String]
  }
  type Parent {
    id: ID
    name: String
    probe: AWSJSON
    required: String!
    child: Child
    children: [Child]
  }
  type Child {
    id: ID
    name: String
    grandChild: Child
  }
  interface Node {
    id: ID!
  }
  type Job implements Node {
    id: ID!
    title: String
    company: Company
  }
  type Company implements Node {
    id: ID!
    name: String
  }
  union SearchResult = Job | Company
`;

/** A failure the engine reported to the hooks' `onError`, with the ids of its request. */
export interface ReportedError extends ErrorReport {
  requestId: string;
  apiRequestId: string | null;
}

export interface RuntimeApi {
  invoke(event: APIGatewayProxyEventV2, requestId?: string): Promise<APIGatewayProxyStructuredResultV2>;
  graphql(query: string, variables?: Record<string, unknown>, options?: EventOptions): Promise<{ status: number; body: Record<string, any> }>;
  /** Every failure reported so far, in order. */
  errors: ReportedError[];
}

export interface RuntimeApiOptions extends Partial<Omit<EngineOptions, 'sdl' | 'resolvers' | 'auth' | 'tables' | 'dynamodb' | 'paginationSecret' | 'hooks'>> {
  resolvers: Record<string, ResolverDefinition>;
  sdl?: string;
  db?: TestDatabase;
  /** Data source names to tables; `main` is the test database's table unless given. */
  tables?: Record<string, string>;
  /** The Lambda data sources' client. */
  lambda?: LambdaInvoker;
  /** Routes the handler tries before the GraphQL server. */
  routes?: readonly HttpApiRoute[];
  /** The authorization configuration; without it, requests are trusted as API Gateway's authorizer left them. */
  auth?: AuthSettings;
  /** The user pool's default action when `auth` is not given. */
  identity?: { defaultAuthStrategy?: 'ALLOW' | 'DENY' };
}

/** Hooks recording every reported failure, as an application's logging hooks would write it. */
function recordingHooks(errors: ReportedError[]): EngineHooks {
  return {
    onRequestStart: (_request, { requestId, apiRequestId }) => ({
      onError: (report) => void errors.push({ ...report, requestId, apiRequestId }),
    }),
  };
}

/** A document client for tests that never reach DynamoDB (NONE data source only). */
function unusedClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }));
}

export function createRuntimeApi({ resolvers, sdl = TEST_SDL, env = {}, db, tables, auth, identity, routes, ...options }: RuntimeApiOptions): RuntimeApi {
  const errors: ReportedError[] = [];
  const engine = createAppSyncEngine({
    ...options,
    // The SDL as written for AppSync: the engine adds AppSync's scalars and directives itself.
    sdl,
    resolvers,
    auth: auth ?? { trustAuthorizer: true, defaultAuthStrategy: identity?.defaultAuthStrategy },
    tables: { main: db?.tableName ?? 'unused', ...tables },
    dynamodb: db?.doc ?? unusedClient(),
    paginationSecret: 'test-secret',
    env,
    hooks: recordingHooks(errors),
  });
  const handler = createHttpApiHandler(engine, { routes });
  const invoke = async (event: APIGatewayProxyEventV2, requestId = 'test-request') =>
    (await handler(event, { awsRequestId: requestId } as Context, () => undefined)) as APIGatewayProxyStructuredResultV2;
  return {
    errors,
    invoke,
    async graphql(query, variables, eventOptions) {
      const result = await invoke(graphqlEvent(query, variables, eventOptions));
      return { status: result.statusCode ?? 200, body: JSON.parse(String(result.body)) };
    },
  };
}

/** Parses an AWSJSON field value. */
export function json<T = any>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
