/**
 * The real Lambda handler serving a test schema and test resolvers, for the runtime conformance
 * suite. Resolver modules are defined in the test files, written like real AppSync modules.
 */
import type { HttpApiRoute } from '@appsync-lambda/engine';
import type { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createLambdaHandler, type LambdaOptions } from '../../helpers/handler';
import type { LambdaInvoker } from '../../../packages/engine/src/core/runtime';
import type { ResolverDefinition } from '../../../packages/engine/src/core/resolver';
import type { TestDatabase } from '../../helpers/dynamodb';
import { graphqlEvent, type EventOptions } from '../../helpers/events';

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

export interface LoggedCall {
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
  extra: unknown[];
}

export interface RuntimeApi {
  invoke(event: APIGatewayProxyEventV2, requestId?: string): Promise<APIGatewayProxyStructuredResultV2>;
  graphql(query: string, variables?: Record<string, unknown>, options?: EventOptions): Promise<{ status: number; body: Record<string, any> }>;
  /** Everything the server logged. */
  logs: LoggedCall[];
}

export interface RuntimeApiOptions extends Partial<Omit<LambdaOptions, 'logger' | 'runtime' | 'schema'>> {
  resolvers: Record<string, ResolverDefinition>;
  sdl?: string;
  env?: Record<string, string>;
  db?: TestDatabase;
  /** Data source names to tables; `main` is the test database's table unless given. */
  tables?: Record<string, string>;
  /** The Lambda data sources' client. */
  lambda?: LambdaInvoker;
  /** Routes the handler tries before the GraphQL server. */
  routes?: readonly HttpApiRoute[];
}

/**
 * A logger recording its warnings and errors, so tests can check what is logged and how often. The
 * per-request INFO line has its own tests (test/integration/logging.test.ts).
 */
function recordingLogger(logs: LoggedCall[]): Logger {
  const record = (level: LoggedCall['level']) => (message: string, ...extra: unknown[]) => void logs.push({ level, message, extra });
  const ignore = () => undefined;
  return { error: record('error'), warn: record('warn'), info: ignore, debug: ignore, addContext: ignore, refreshSampleRateCalculation: ignore, getLevelName: () => 'INFO' } as unknown as Logger;
}

/** A document client for tests that never reach DynamoDB (NONE data source only). */
function unusedClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }));
}

export function createRuntimeApi({ resolvers, sdl = TEST_SDL, env = {}, db, tables, lambda, routes, ...options }: RuntimeApiOptions): RuntimeApi {
  const logs: LoggedCall[] = [];
  const handler = createLambdaHandler({
    ...options,
    logger: recordingLogger(logs),
    // The SDL as written for AppSync: the engine adds AppSync's scalars and directives itself.
    schema: { sdl, resolvers, routes },
    runtime: {
      client: db?.doc ?? unusedClient(),
      tables: { main: db?.tableName ?? 'unused', ...tables },
      tokenSecret: 'test-secret',
      env,
      ...(lambda ? { lambda } : {}),
    },
  });
  const invoke = async (event: APIGatewayProxyEventV2, requestId = 'test-request') =>
    (await handler(event, { awsRequestId: requestId } as Context, () => undefined)) as APIGatewayProxyStructuredResultV2;
  return {
    logs,
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
