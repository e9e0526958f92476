/**
 * Hostile and malformed requests through the real Lambda handler (HTTP API v2 events, the deployed
 * auth configuration, QUERY_DEPTH_LIMIT and RESOLVER_COUNT_LIMIT set): each ends in a JSON GraphQL
 * error with a stable errorType and a message free of stack traces and file paths, and a refused
 * mutation writes nothing.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../src/config';
import { MAX_DOCUMENT_NESTING } from '@appsync-lambda/engine';
import { createLambdaHandler } from '../helpers/handler';
import { createTestDatabase, type TestDatabase } from '../helpers/dynamodb';
import { httpApiEvent, cognitoIdToken, createSigningKey } from '@appsync-lambda/test-support';
import { deployedAuthConfig } from '../helpers/jwt';

interface Request {
  method?: string;
  body?: string;
  /** null: no content-type header. */
  contentType?: string | null;
  query?: Record<string, string>;
  base64?: boolean;
  headers?: Record<string, string>;
  /** Send no credentials. */
  anonymous?: boolean;
}

interface Answer {
  status: number;
  headers: Record<string, unknown>;
  text: string | undefined;
}

let db: TestDatabase;
let handler: ReturnType<typeof createLambdaHandler>;
let token: string;
const logger = new Logger({ serviceName: 'hostile-input-test', logLevel: 'SILENT' });
afterEach(() => vi.restoreAllMocks());

beforeAll(async () => {
  db = await createTestDatabase();
  const key = createSigningKey();
  token = cognitoIdToken(key, { 'cognito:groups': ['admins', 'recruiters'] });
  const { limits } = readConfig({ TABLE_NAME: db.tableName, QUERY_DEPTH_LIMIT: '6', RESOLVER_COUNT_LIMIT: '100' });
  handler = createLambdaHandler({
    logger,
    auth: deployedAuthConfig(key),
    limits,
    runtime: { client: db.doc, tables: { main: db.tableName }, tokenSecret: 'test-secret', env: {} },
  });
});

function event(request: Request): APIGatewayProxyEventV2 {
  const method = request.method ?? 'POST';
  const contentType = request.contentType === undefined ? 'application/json' : request.contentType;
  const headers: Record<string, string> = {
    ...(request.anonymous ? {} : { authorization: token }),
    ...(contentType === null ? {} : { 'content-type': contentType }),
    ...request.headers,
  };
  const built = httpApiEvent({ body: request.body, headers, query: request.query });
  built.requestContext.http.method = method;
  built.routeKey = `${method} /graphql`;
  built.requestContext.routeKey = built.routeKey;
  built.isBase64Encoded = request.base64 ?? false;
  return built;
}

async function send(request: Request): Promise<Answer> {
  const result = (await handler(event(request), { awsRequestId: 'test' } as Context, () => undefined)) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode ?? 200, headers: result.headers ?? {}, text: result.body };
}

const post = (payload: unknown, request: Request = {}) => send({ ...request, body: JSON.stringify(payload) });

/** Asserts a JSON GraphQL error answer and returns its body. */
function expectError(answer: Answer, status: number, errorType: string): { data?: unknown; errors: Array<Record<string, any>> } {
  expect(answer.status).toBe(status);
  expect(String(answer.headers['content-type'])).toMatch(/^application\/json/);
  const body = JSON.parse(answer.text ?? '') as { data?: unknown; errors: Array<Record<string, any>> };
  const [first] = body.errors;
  expect(first?.errorType).toBe(errorType);
  expect(typeof first?.message).toBe('string');
  expect(first?.message).not.toMatch(/\bat .*:\d+:\d+|node_modules|[\w-]+\.(?:[cm]?js|ts)\b|\n\s+at /);
  expect(first?.extensions?.stacktrace).toBeUndefined();
  return body;
}

async function storedItems(): Promise<unknown[]> {
  const page = await db.doc.send(new ScanCommand({ TableName: db.tableName, ConsistentRead: true }));
  return page.Items ?? [];
}

/** Runs `act` and asserts the table is unchanged afterwards. */
async function expectNothingWritten(act: () => Promise<void>): Promise<void> {
  const before = await storedItems();
  await act();
  expect(await storedItems()).toEqual(before);
}

/** An openJobs request of exactly `bytes` bytes whose filter holds only keys OpenJobsFilter does not define. */
function openJobsWithUnknownKeys(bytes: number): string {
  const query = 'query ($filter: OpenJobsFilter) { openJobs(filter: $filter) { items { id } } }';
  const filter: Record<string, number> = {};
  // Counted as keys are added (`"k12":1` and a comma): serialising each time would take minutes.
  let length = JSON.stringify({ query, variables: { filter } }).length;
  for (let index = 0; length + 24 < bytes; index += 1) {
    filter[`k${index}`] = 1;
    length += `"k${index}":1`.length + (index > 0 ? 1 : 0);
  }
  // One last key takes the bytes left.
  const left = bytes - length - ',"pad":1'.length;
  filter[`pad${'x'.repeat(left)}`] = 1;
  return JSON.stringify({ query, variables: { filter } });
}

const createCompany = 'mutation ($input: CreateCompanyInput!) { createCompany(input: $input) { id name } }';
const createCandidate = 'mutation ($input: CreateCandidateInput!) { createCandidate(input: $input) { id } }';
const companyById = 'query ($id: ID!) { company(id: $id) { id } }';
const mutationBody = JSON.stringify({ query: createCompany, variables: { input: { name: 'Never stored' } } });

describe('the HTTP request', () => {
  it('a body that is not JSON is a 400 MalformedHttpRequestException, and no mutation runs', async () => {
    await expectNothingWritten(async () => {
      const body = expectError(await send({ body: `${mutationBody.slice(0, -1)},` }), 400, 'MalformedHttpRequestException');
      expect(body.errors[0]!.message).toBe('The request body is not valid JSON.');
      expectError(await send({ body: '' }), 400, 'MalformedHttpRequestException');
      expectError(await send({ body: `\uFEFF${mutationBody}` }), 400, 'MalformedHttpRequestException');
    });
  });

  it('JSON that is not one operation object is a 400 BadRequest: a batch array, a string, null, a number', async () => {
    await expectNothingWritten(async () => {
      const batch = expectError(await send({ body: `[${mutationBody}]` }), 400, 'BadRequest');
      expect(batch.errors[0]!.message).toMatch(/batched operations are not supported/i);
      for (const body of [JSON.stringify(createCompany), 'null', '42', 'true']) {
        const answer = expectError(await send({ body }), 400, 'BadRequest');
        expect(answer.errors[0]!.message).toMatch(/must be a JSON object/);
      }
    });
  });

  it('a missing query is a 400 BadRequest; a query that is not a string too', async () => {
    expect(expectError(await post({}), 400, 'BadRequest').errors[0]!.message).toBe('The request body has no `query`.');
    expectError(await post({ variables: { id: '1' } }), 400, 'BadRequest');
    for (const query of [5, { kind: 'Document' }, ['{ __typename }'], null]) {
      expect(expectError(await post({ query }), 400, 'BadRequest').errors[0]!.message).toMatch(/quer/i);
    }
  });

  it('a POST that is not application/json is a 415 BadRequest naming the content-type, and no mutation runs', async () => {
    await expectNothingWritten(async () => {
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql']) {
        const body = expectError(await send({ body: mutationBody, contentType }), 415, 'BadRequest');
        expect(body.errors[0]!.message).toContain(`got '${contentType.split(';')[0]}'`);
      }
      const missing = expectError(await send({ body: mutationBody, contentType: null }), 415, 'BadRequest');
      expect(missing.errors[0]!.message).toContain('got none');
    });
    // A charset parameter is fine; the media type itself is compared exactly.
    expect((await post({ query: '{ __typename }' }, { contentType: 'application/json; charset=utf-8' })).status).toBe(200);
    expect(expectError(await post({ query: '{ __typename }' }, { contentType: 'Application/JSON' }), 415, 'BadRequest').errors[0]!.message).toContain(
      "got 'Application/JSON'",
    );
  });

  it('a base64-encoded body (isBase64Encoded) is decoded; one that decodes to no JSON is a 400 MalformedHttpRequestException', async () => {
    const valid = await send({ body: Buffer.from(JSON.stringify({ query: '{ __typename }' })).toString('base64'), base64: true });
    expect(valid.status).toBe(200);
    expect(JSON.parse(valid.text!)).toEqual({ data: { __typename: 'Query' } });
    await expectNothingWritten(async () => {
      expectError(await send({ body: '%%% not base64 %%%', base64: true }), 400, 'MalformedHttpRequestException');
      // Plain JSON wrongly flagged as base64 decodes to bytes that are not JSON.
      expectError(await send({ body: mutationBody, base64: true }), 400, 'MalformedHttpRequestException');
    });
  });

  it('a GET without a query is a 400 BadRequest', async () => {
    expectError(await send({ method: 'GET', contentType: 'application/json' }), 400, 'BadRequest');
    expectError(await send({ method: 'GET', contentType: null, headers: { 'apollo-require-preflight': 'true' } }), 400, 'BadRequest');
    const ok = await send({ method: 'GET', contentType: 'application/json', query: { query: '{ __typename }' } });
    expect(JSON.parse(ok.text!)).toEqual({ data: { __typename: 'Query' } });
  });

  it('a GET with a mutation is refused (405 BadRequest, allow: POST), with or without a content-type, and writes nothing', async () => {
    await expectNothingWritten(async () => {
      const query = { query: 'mutation { createCompany(input: { name: "Never stored" }) { id } }' };
      for (const contentType of ['application/json', null]) {
        const answer = await send({ method: 'GET', contentType, query });
        expect(expectError(answer, 405, 'BadRequest').errors[0]!.message).toMatch(/mutation/i);
        expect(answer.headers.allow).toBe('POST');
      }
    });
  });

  it('methods other than GET and POST are a 405 BadRequest with allow: GET, POST, and run nothing', async () => {
    await expectNothingWritten(async () => {
      for (const method of ['PUT', 'DELETE', 'PATCH', 'HEAD']) {
        const answer = await send({ method, body: mutationBody });
        expectError(answer, 405, 'BadRequest');
        expect(answer.headers.allow).toBe('GET, POST');
      }
    });
  });

  it('an OPTIONS preflight is a 204 with no body, without credentials, and runs nothing', async () => {
    await expectNothingWritten(async () => {
      const answer = await send({
        method: 'OPTIONS',
        anonymous: true,
        contentType: null,
        body: mutationBody,
        headers: { origin: 'https://jobs.example.com', 'access-control-request-method': 'POST' },
      });
      expect(answer.status).toBe(204);
      expect(answer.text).toBeUndefined();
      expect(answer.headers.allow).toBe('GET, POST, OPTIONS');
    });
  });

  it('EXE-12 credentials are checked first: a malformed request without them is a 401 UnauthorizedException', async () => {
    expectError(await send({ body: '{', anonymous: true }), 401, 'UnauthorizedException');
    expectError(await send({ method: 'PUT', body: mutationBody, anonymous: true }), 401, 'UnauthorizedException');
  });
});

describe('the GraphQL request (EXE-17: request-level failures are 400 with no data)', () => {
  it('an unknown operationName, or several operations and none named, is a 400 ValidationError', async () => {
    const unknown = expectError(await post({ query: 'query A { __typename }', operationName: 'B' }), 400, 'ValidationError');
    expect(unknown.errors[0]!.message).toBe('Unknown operation named "B".');
    expect(unknown.data).toBeUndefined();
    const several = expectError(await post({ query: 'query A { __typename } query B { __typename }' }), 400, 'ValidationError');
    expect(several.errors[0]!.message).toMatch(/operation name/);
    const chosen = await post({ query: 'query A { a: __typename } query B { b: __typename }', operationName: 'B' });
    expect(JSON.parse(chosen.text!)).toEqual({ data: { b: 'Query' } });
  });

  it('variables of the wrong type or missing are a 400 ValidationError; unknown extra variables are ignored', async () => {
    await expectNothingWritten(async () => {
      expectError(await post({ query: companyById, variables: { id: { nested: 1 } } }), 400, 'ValidationError');
      expectError(await post({ query: companyById }), 400, 'ValidationError');
      expectError(await post({ query: createCompany, variables: { input: { name: 5 } } }), 400, 'ValidationError');
      expectError(await post({ query: createCompany, variables: {} }), 400, 'ValidationError');
      // Fields the input type does not define, including __proto__, are refused.
      const proto = JSON.parse('{"name":"Never stored","__proto__":{"polluted":true}}') as unknown;
      const polluted = expectError(await post({ query: createCompany, variables: { input: proto } }), 400, 'ValidationError');
      expect(polluted.errors[0]!.message).toMatch(/"__proto__" is not defined/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
    const extra = await post({ query: companyById, variables: { id: 'missing', unused: 1 } });
    expect(JSON.parse(extra.text!)).toEqual({ data: { company: null } });
  });

  it('an openJobs filter of unknown keys, 672 bytes or 128 KB, is one ValidationError under 1 KB: never InternalFailure, nothing logged at ERROR', async () => {
    const errorLogs = vi.spyOn(logger, 'error');
    for (const bytes of [672, 128 * 1024]) {
      const body = openJobsWithUnknownKeys(bytes);
      expect(Buffer.byteLength(body)).toBe(bytes);
      const answer = await send({ body });
      expect(Buffer.byteLength(answer.text!)).toBeLessThan(1024);
      const { errors, data } = expectError(answer, 400, 'ValidationError');
      expect(data).toBeUndefined();
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toBe('Variable "$filter" got invalid value; Field "k0" is not defined by type "OpenJobsFilter". Other variable values are invalid too; fix this one first.');
    }
    expect(errorLogs).not.toHaveBeenCalled();
  });

  it('the same unknown keys written in the document are at most 100 ValidationErrors', async () => {
    const fields = Array.from({ length: 3000 }, (_, index) => `k${index}: 1`).join(' ');
    const { errors } = expectError(await post({ query: `{ openJobs(filter: { ${fields} }) { items { id } } }` }), 400, 'ValidationError');
    expect(errors).toHaveLength(100);
    expect(errors.every((error) => error.errorType === 'ValidationError')).toBe(true);
    expect(errors.at(-1)!.message).toMatch(/^Too many validation errors/);
  });

  it('EXE-09 a document producing 500 errors answers the first 99 and one TooManyErrors counting 500, with its data', async () => {
    const aliases = Array.from({ length: 500 }, (_, index) => `a${index}: company(id: $id) { id }`).join(' ');
    const answer = await post({ query: `query ($id: ID!) { ${aliases} }`, variables: { id: 'x'.repeat(200) } });
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.text!) as { data: Record<string, unknown>; errors: Array<Record<string, any>> };
    expect(Object.values(body.data)).toEqual(Array.from({ length: 500 }, () => null));
    expect(body.errors).toHaveLength(100);
    // 100 aliases fail their id's limit, the others RESOLVER_COUNT_LIMIT (100).
    for (const error of body.errors.slice(0, 99)) expect(['ValidationError', 'ResolverCountLimitExceeded']).toContain(error.errorType);
    expect(body.errors[99]).toMatchObject({ errorType: 'TooManyErrors', errorInfo: { limit: 'responseErrors', maximum: 100, actual: 500 }, path: null });
  });

  it('variables that are not an object are a 400 BadRequest', async () => {
    for (const variables of [[1], 'id=1', JSON.stringify({ id: '1' }), 7]) {
      expectError(await post({ query: '{ __typename }', variables }), 400, 'BadRequest');
    }
  });

  it('syntax errors and unknown fields are a 400 ValidationError with locations', async () => {
    const syntax = expectError(await post({ query: '{ company(' }), 400, 'ValidationError');
    expect(syntax.errors[0]!.message).toMatch(/^Syntax Error/);
    expect(syntax.errors[0]!.locations).toEqual([{ line: 1, column: 11, sourceName: null }]);
    const unknown = expectError(await post({ query: '{ company(id: "1") { salary } }' }), 400, 'ValidationError');
    expect(unknown.errors[0]!.message).toBe('Cannot query field "salary" on type "Company".');
  });

  it('LIM-03 an operation deeper than QUERY_DEPTH_LIMIT is a 400 ValidationError before any resolver runs', async () => {
    await expectNothingWritten(async () => {
      const deep = '{ application(id: "a") { job { applications { items { candidate { applications { items { id } } } } } } } }';
      const body = expectError(await post({ query: deep }), 400, 'ValidationError');
      expect(body.errors[0]!.message).toBe('Query depth 8 exceeds the limit of 6');
      const deepMutation = 'mutation { applyToJob(jobId: "j", candidateId: "c") { job { applications { items { candidate { applications { items { id } } } } } } } }';
      expectError(await post({ query: deepMutation }), 400, 'ValidationError');
    });
  });

  it(`documents nested deeper than ${MAX_DOCUMENT_NESTING} levels are a 400 ValidationError, never a parser stack overflow`, async () => {
    // Deep enough to overflow the parser's stack, small enough for MAX_QUERY_BYTES.
    const selections = `{ ${'company(id: "x") { jobs { items { '.repeat(1000)} id ${'} } } '.repeat(1000)} }`;
    const list = `{ company(id: ${'['.repeat(20_000)}"x"${']'.repeat(20_000)}) { id } }`;
    for (const query of [selections, list]) {
      const body = expectError(await post({ query }), 400, 'ValidationError');
      expect(body.errors[0]!.message).toBe(`Syntax Error: the document nests deeper than ${MAX_DOCUMENT_NESTING} levels.`);
    }
    expectError(await send({ method: 'GET', contentType: 'application/json', query: { query: list } }), 400, 'ValidationError');
    // Brackets in strings and comments do not count.
    // The query parses and reaches the resolver, which refuses an id that long (input limits).
    const quoted = `{ company(id: "${'{'.repeat(1000)}") { id } } # ${'['.repeat(1000)}`;
    expect(JSON.parse((await post({ query: quoted })).text!)).toMatchObject({ data: { company: null }, errors: [{ errorType: 'ValidationError', errorInfo: { field: 'id' } }] });
  });

  it('a 1 MB query, a comment or a million characters of fields, is a 413 RequestTooLarge before it is parsed', async () => {
    for (const query of [`{ __typename # ${'x'.repeat(1024 * 1024)}\n}`, `{ ${'__typename '.repeat(100_000)} }`]) {
      const body = expectError(await post({ query }), 413, 'RequestTooLarge');
      expect(body.errors[0]!.errorInfo).toMatchObject({ limit: 'requestBytes', actual: Buffer.byteLength(JSON.stringify({ query })) });
    }
  });

  it('LIM-02 alias bombing: 200 aliases of a list query stop at RESOLVER_COUNT_LIMIT with ResolverCountLimitExceeded', async () => {
    const aliases = Array.from({ length: 200 }, (_, index) => `a${index}: jobsByCompany(companyId: "c") { items { id } }`).join(' ');
    const answer = await post({ query: `{ ${aliases} }` });
    const body = expectError(answer, 200, 'ResolverCountLimitExceeded');
    expect(body.errors[0]!.message).toBe('Resolver count limit of 100 exceeded for this request');
    expect(body.errors[0]!.path).toEqual(['a100']);
    // jobsByCompany is non-null: the failed alias nulls the whole result.
    expect(body.data).toBeNull();
  });

  it('invalid AWS scalar values in literals and variables are a 400 ValidationError and write nothing', async () => {
    await expectNothingWritten(async () => {
      const literal = expectError(await post({ query: 'mutation { createCandidate(input: { name: "A", email: "not-an-email" }) { id } }' }), 400, 'ValidationError');
      expect(literal.errors[0]!.message).toBe('Invalid AWSEmail value: "not-an-email"');
      const cases: Array<[string, Record<string, unknown>, RegExp]> = [
        [createCandidate, { name: 'A', email: 'not-an-email' }, /AWSEmail/],
        [createCandidate, { name: 'A', email: 'a@example.com', phone: 'call me' }, /AWSPhone/],
        [createCompany, { name: 'A', website: 'not a url' }, /AWSURL/],
      ];
      for (const [query, input, scalar] of cases) {
        expect(expectError(await post({ query, variables: { input } }), 400, 'ValidationError').errors[0]!.message).toMatch(scalar);
      }
      const badEnumAndInt = 'mutation { moveApplication(id: "x", stage: PROMOTED, expectedVersion: "1") { id } }';
      expect(expectError(await post({ query: badEnumAndInt }), 400, 'ValidationError').errors).toHaveLength(2);
      const tooBig = { query: 'query ($limit: Int) { jobsByCompany(companyId: "c", limit: $limit) { items { id } } }', variables: { limit: 1e20 } };
      expectError(await post(tooBig), 400, 'ValidationError');
    });
  });

  it('a string input larger than an item can hold never reaches DynamoDB: its body is a 413 RequestTooLarge, and nothing is written', async () => {
    await expectNothingWritten(async () => {
      const body = expectError(await post({ query: createCompany, variables: { input: { name: 'A'.repeat(500_000) } } }), 413, 'RequestTooLarge');
      expect(body.errors[0]!.errorInfo).toMatchObject({ limit: 'requestBytes' });
      expect(body.data).toBeUndefined();
    });
  });

  it('unicode, null bytes and bidi controls in strings are stored and returned exactly', async () => {
    const name = 'Zoë\u0000 \u202eCorp 😀 \u4e2d\u6587 \u{1F468}\u200D\u{1F469}';
    const answer = await post({ query: createCompany, variables: { input: { name } } });
    const body = JSON.parse(answer.text!) as { data: { createCompany: { id: string; name: string } } };
    expect(body.data.createCompany.name).toBe(name);
    const read = await post({ query: 'query ($id: ID!) { company(id: $id) { name } }', variables: { id: body.data.createCompany.id } });
    expect(JSON.parse(read.text!)).toEqual({ data: { company: { name } } });
  });
});
