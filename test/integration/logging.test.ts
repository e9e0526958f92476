/**
 * What an operator reads in CloudWatch: the real Lambda handler with a real Powertools Logger whose
 * JSON output is captured from stdout/stderr (where Lambda's runtime collects it).
 */
import { util } from '@aws-appsync/utils';
import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import appsyncSdl from '../../schema/appsync.graphql';
import { createLambdaHandler, type LambdaOptions } from '../helpers/handler';
import { NONE, unit, type ResolverModule } from '@appsync-lambda/engine';
import { createTestDatabase, type TestDatabase } from '../helpers/dynamodb';
import { graphqlEvent, type EventOptions, cognitoIdToken, createSigningKey } from '@appsync-lambda/test-support';
import { deployedAuthConfig, TEST_API_KEY } from '../helpers/jwt';

const SERVICE = 'logging-test';
type LogLine = Record<string, any>;

/** Every JSON line our service's loggers write while a test runs; other output passes through. */
let lines: LogLine[] = [];
let raw = '';
function capture(stream: NodeJS.WriteStream) {
  const write = stream.write.bind(stream);
  return vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
    const text = String(chunk);
    if (!text.includes(`"service":"${SERVICE}"`)) return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    raw += text;
    for (const line of text.split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    return true;
  }) as typeof stream.write);
}
beforeEach(() => {
  lines = [];
  raw = '';
  capture(process.stdout);
  capture(process.stderr);
});
afterEach(() => vi.restoreAllMocks());

const requestLines = () => lines.filter((line) => line.message === 'GraphQL request');

function lambdaContext(awsRequestId: string): Context {
  return {
    awsRequestId,
    functionName: 'hiring-api-prod-graphql',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:hiring-api-prod-graphql',
    memoryLimitInMB: '1024',
  } as Context;
}

function createLoggedApi(options: Omit<LambdaOptions, 'logger'>, logger = new Logger({ serviceName: SERVICE, logLevel: 'INFO' })) {
  const handler = createLambdaHandler({ ...options, logger });
  let invocations = 0;
  const invoke = async (event: APIGatewayProxyEventV2, awsRequestId = `aws-req-${++invocations}`) => {
    const result = (await handler(event, lambdaContext(awsRequestId), () => undefined)) as APIGatewayProxyStructuredResultV2;
    return { event, status: result.statusCode, body: JSON.parse(String(result.body)) as Record<string, any>, text: String(result.body) };
  };
  return { logger, invoke, graphql: (query: string, variables?: Record<string, unknown>, eventOptions?: EventOptions) => invoke(graphqlEvent(query, variables, eventOptions)) };
}

describe('request log line', () => {
  const key = createSigningKey();
  const admin = { headers: { authorization: cognitoIdToken(key, { 'cognito:groups': ['admins'] }) } };
  let db: TestDatabase;
  let api: ReturnType<typeof createLoggedApi>;
  let debugApi: ReturnType<typeof createLoggedApi>;
  const initializationType = process.env.AWS_LAMBDA_INITIALIZATION_TYPE;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Powertools reports a cold start only for on-demand environments, read when the Logger is built.
    process.env.AWS_LAMBDA_INITIALIZATION_TYPE = 'on-demand';
    const options = {
      runtime: { client: db.doc, tables: { main: db.tableName }, tokenSecret: 'test-secret', env: {} },
      auth: deployedAuthConfig(key),
    };
    api = createLoggedApi(options);
    // As with LOG_LEVEL=DEBUG (Powertools resets the level to the configured one on every invocation).
    debugApi = createLoggedApi(options, new Logger({ serviceName: SERVICE, logLevel: 'DEBUG' }));
  });
  afterAll(() => {
    if (initializationType === undefined) delete process.env.AWS_LAMBDA_INITIALIZATION_TYPE;
    else process.env.AWS_LAMBDA_INITIALIZATION_TYPE = initializationType;
  });

  const CREATE = 'mutation CreateCompany($input: CreateCompanyInput!) { createCompany(input: $input) { id } }';

  it('writes one INFO line per request with both request ids, the operation, auth mode, status, duration and cold start', async () => {
    const created = await api.graphql(CREATE, { input: { name: 'Acme' } }, admin);
    const read = await api.graphql('query Company($id: ID!) { company(id: $id) { name } }', { id: created.body.data.createCompany.id }, { headers: { 'x-api-key': TEST_API_KEY } });
    expect(read.body.data.company.name).toBe('Acme');
    const [first, second, ...rest] = requestLines();
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      level: 'INFO',
      service: SERVICE,
      requestId: 'aws-req-1',
      apiRequestId: created.event.requestContext.requestId,
      operationName: 'CreateCompany',
      operationType: 'mutation',
      authType: 'User Pool Authorization',
      status: 200,
      errorCount: 0,
      errorTypes: [],
      cold_start: true,
      function_name: 'hiring-api-prod-graphql',
      function_request_id: 'aws-req-1',
    });
    expect(first?.durationMs).toBeTypeOf('number');
    expect(second).toMatchObject({ requestId: 'aws-req-2', apiRequestId: read.event.requestContext.requestId, operationName: 'Company', operationType: 'query', authType: 'API Key Authorization', cold_start: false });
  });

  it('carries the DynamoDB calls and request units the request consumed, and its estimated cost from the dated prices', async () => {
    const created = await api.graphql(CREATE, { input: { name: 'Units Inc' } }, admin);
    await api.graphql('query Company($id: ID!) { company(id: $id) { name } }', { id: created.body.data.createCompany.id }, { headers: { 'x-api-key': TEST_API_KEY } });
    const [write, read] = requestLines() as [LogLine, LogLine];
    // Creating a company is one write, no read; reading it back is one GetItem.
    expect(write?.dynamodb).toMatchObject({ calls: 1, readUnits: 0 });
    expect(write?.dynamodb.writeUnits).toBeGreaterThan(0);
    expect(read?.dynamodb).toEqual({ calls: 1, readUnits: expect.any(Number), writeUnits: 0 });
    expect(read?.dynamodb.readUnits).toBeGreaterThan(0);
    // Micro-dollars: the Lambda and HTTP API request prices are fixed, DynamoDB's follow the units.
    const prices = (await import('../../src/observability/prices.json')).default;
    expect(read?.costMicroUsd.lambdaRequest).toBeCloseTo(prices.lambda.perRequest * 1e6, 5);
    expect(read?.costMicroUsd.httpApi).toBeCloseTo(prices.httpApi.perRequest * 1e6, 5);
    expect(read?.costMicroUsd.dynamodbRead).toBeCloseTo(read.dynamodb.readUnits * prices.dynamodb.perReadRequestUnit * 1e6, 5);
    expect(write?.costMicroUsd.dynamodbWrite).toBeCloseTo(write.dynamodb.writeUnits * prices.dynamodb.perWriteRequestUnit * 1e6, 5);
    expect(read?.costMicroUsd.total).toBeGreaterThan(read.costMicroUsd.lambdaRequest + read.costMicroUsd.httpApi);
  });

  it('writes the line for requests refused before GraphQL runs (401), with their errorType', async () => {
    const refused = await api.graphql('{ company(id: "x") { name } }');
    expect(refused.status).toBe(401);
    expect(requestLines()).toEqual([expect.objectContaining({ status: 401, errorCount: 1, errorTypes: ['UnauthorizedException'] })]);
    // Powertools leaves out keys whose value is null: no auth mode, no operation.
    expect(requestLines()[0]).not.toHaveProperty('authType');
    expect(requestLines()[0]).not.toHaveProperty('operationName');
  });

  it('counts the errors the caller receives and lists their errorTypes once each', async () => {
    const response = await api.graphql('query Two { a: company(id: "x") { name } b: createdNothing }', undefined, admin);
    expect(response.status).toBe(400);
    expect(requestLines()).toEqual([expect.objectContaining({ status: 400, operationName: 'Two', operationType: 'query', errorCount: 1, errorTypes: ['ValidationError'] })]);
  });

  it('never writes variables, tokens or the query text at INFO', async () => {
    await api.graphql(CREATE, { input: { name: 'Secret Corp 4711' } }, admin);
    expect(requestLines()).toHaveLength(1);
    expect(raw).not.toContain('Secret Corp 4711');
    expect(raw).not.toContain(admin.headers.authorization);
    expect(raw).not.toContain('createCompany(input');
  });

  it('adds the query text at DEBUG, still without variables or headers', async () => {
    await debugApi.graphql(CREATE, { input: { name: 'Secret Corp 4712' } }, admin);
    expect(requestLines()).toEqual([expect.objectContaining({ query: CREATE })]);
    expect(raw).not.toContain('Secret Corp 4712');
    expect(raw).not.toContain(admin.headers.authorization);
  });
});

describe('error and resolver console lines', () => {
  const SDL = /* GraphQL */ `
    type Query { broken: String, chatty: String, strict: String!, count: Int, parent: Parent }
    type Parent { required: String!, size: Int }
  `;
  const returning = (value: unknown): ResolverModule => ({ request: () => ({ payload: value }), response: (ctx) => ctx.result });
  const resolvers = {
    'Query.broken': unit({ request: () => JSON.parse('{ not json'), response: () => null }, NONE),
    'Query.chatty': unit(
      {
        request: () => (console.log('loading', { id: 7 }), { payload: 'ok' }),
        response: (ctx) => (console.error('shaping', ctx.result), console.warn('careful'), ctx.result),
      },
      NONE,
    ),
    'Query.strict': unit(returning(null), NONE),
    'Query.count': unit(returning('many'), NONE),
    'Query.parent': unit(returning({ size: 'big' }), NONE),
    'Query.fails': unit({ request: () => util.error('nope', 'Nope'), response: () => null }, NONE),
  };
  const runtime = { client: undefined as never, tables: { main: 'unused' }, tokenSecret: 'test-secret', env: {} };
  const create = (resolverLogLevel?: LambdaOptions['resolverLogLevel']) =>
    createLoggedApi({ runtime, resolverLogLevel, schema: { sdl: `${appsyncSdl}\n${SDL}\nextend type Query { fails: String }`, resolvers } });
  const errorLines = () => lines.filter((line) => line.level === 'ERROR' && line.message !== 'GraphQL request');

  it('logs a resolver code fault once with its coordinate, request ids, error and cause; the response has no stack', async () => {
    const { event, body, text } = await create().invoke(graphqlEvent('query Broken { broken }'), 'aws-req-code');
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ errorType: 'Code', path: ['broken'] });
    expect(text).not.toMatch(/\bat .*\.ts|stack|cause/);
    const logged = errorLines();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ message: 'Resolver code fault', coordinate: 'Query.broken', requestId: 'aws-req-code', apiRequestId: event.requestContext.requestId, operationName: 'Broken', path: ['broken'] });
    expect(logged[0]?.error.stack).toEqual(expect.any(String));
    expect(logged[0]?.error.cause).toMatchObject({ name: 'SyntaxError' });
    expect(requestLines()).toEqual([expect.objectContaining({ requestId: 'aws-req-code', errorCount: 1, errorTypes: ['Code'] })]);
  });

  it('logs masked failures outside resolvers with the coordinate of the field at their path, aliases resolved', async () => {
    // Values graphql-js cannot serialise as the field's scalar: a fault raised after the resolvers ran.
    const { body } = await create().graphql('{ c: count p: parent { s: size } }');
    expect(body.errors.map((error: { errorType: string }) => error.errorType)).toEqual(['InternalFailure', 'InternalFailure']);
    // The caller sees neither value; the log keeps the cause, naming the value each resolver returned.
    expect(JSON.stringify(body)).not.toMatch(/many|big/);
    const logged = errorLines();
    expect(logged.map((line) => [line.message, line.coordinate]).sort()).toEqual([
      ['Unexpected error while resolving a request', 'Parent.size'],
      ['Unexpected error while resolving a request', 'Query.count'],
    ]);
    expect(logged.find((line) => line.coordinate === 'Query.count')).toMatchObject({ path: ['c'], error: { message: expect.stringContaining('"many"') } });
    expect(logged.find((line) => line.coordinate === 'Parent.size')).toMatchObject({ path: ['p', 's'], error: { message: expect.stringContaining('"big"') } });
  });

  it('EXE-09 logs a null in a non-null field at WARN with its coordinate and path, never at ERROR', async () => {
    const { body } = await create().graphql('query Strict { s: strict p: parent { r: required } }');
    expect(body.errors.map((error: { message: string }) => error.message).sort()).toEqual([
      "Cannot return null for non-nullable type: 'String' within parent 'Parent' (/p/r)",
      "Cannot return null for non-nullable type: 'String' within parent 'Query' (/s)",
    ]);
    expect(errorLines()).toEqual([]);
    const warnings = lines.filter((line) => line.level === 'WARN');
    expect(warnings.map((line) => [line.message, line.coordinate, line.path, line.operationName]).sort()).toEqual([
      ['A field that cannot be null resolved to null', 'Parent.required', ['p', 'r'], 'Strict'],
      ['A field that cannot be null resolved to null', 'Query.strict', ['s'], 'Strict'],
    ]);
    expect(warnings.every((line) => line.requestId && !line.error && !line.stack)).toBe(true);
  });

  it('does not log errors meant for the caller', async () => {
    await create().graphql('{ fails }');
    expect(errorLines()).toEqual([]);
    expect(requestLines()).toEqual([expect.objectContaining({ errorTypes: ['Nope'] })]);
  });

  it('EXE-15 writes console.* of a resolver as log lines with its coordinate and request ids, at the method level', async () => {
    const log = console.log;
    const { event, body } = await create('ALL').invoke(graphqlEvent('{ chatty }'), 'aws-req-chatty');
    expect(body.data.chatty).toBe('ok');
    const fromConsole = lines.filter((line) => line.coordinate === 'Query.chatty');
    expect(fromConsole).toEqual([
      expect.objectContaining({ level: 'INFO', message: 'loading { id: 7 }', source: 'console.log', requestId: 'aws-req-chatty', apiRequestId: event.requestContext.requestId }),
      expect.objectContaining({ level: 'ERROR', message: 'shaping ok', source: 'console.error' }),
      expect.objectContaining({ level: 'WARN', message: 'careful', source: 'console.warn' }),
    ]);
    expect(console.log).toBe(log);
  });

  it('RESOLVER_LOG_LEVEL=ERROR keeps only console.error; NONE drops resolver console output', async () => {
    await create('ERROR').graphql('{ chatty }');
    expect(lines.filter((line) => line.coordinate === 'Query.chatty').map((line) => line.message)).toEqual(['shaping ok']);
    lines = [];
    await create('NONE').graphql('{ chatty }');
    expect(lines.filter((line) => line.coordinate === 'Query.chatty')).toEqual([]);
    expect(requestLines()).toHaveLength(1);
  });
});
