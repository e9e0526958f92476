// Conformance: AppSync's HTTP data source (HTTP-01..HTTP-06) through the real handler, against a
// real HTTP server on loopback: the request object as sent on the wire, ctx.result, the faults a
// network and a hostile endpoint produce (masked, GAP-11), the request deadline, and SigV4 signing
// checked by recomputing the signature from what arrived.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import { util, type Context } from '@aws-appsync/utils';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { httpDataSource, type HttpDataSourceOptions, type SigningCredentials, fn, NONE, pipeline, unit, type ResolverModule } from '@appsync-lambda/engine';
import { createRuntimeApi, json, type RuntimeApi } from '../../../helpers/harness';

/** One request as the endpoint received it. */
interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  /** Whether it came on a connection that had carried an earlier request. */
  reused: boolean;
  body: string;
}

type Route = (request: IncomingMessage, response: ServerResponse, received: Received) => void;

let server: Server;
/** Connections that have carried a request. */
const served = new WeakSet<object>();
let endpoint: string;
let received: Received[] = [];
let route: Route = (_request, response) => response.end();

beforeAll(async () => {
  server = createServer((request, response) => {
    const reused = served.has(request.socket);
    served.add(request.socket);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { method: request.method!, url: request.url!, headers: request.headers, reused, body: Buffer.concat(chunks).toString('utf8') };
      received.push(entry);
      route(request, response, entry);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  received = [];
  route = (_request, response) => response.end();
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

/** Settles when the connection of `request` is closed, by either side (a reset included). */
const closing = (request: IncomingMessage) => new Promise<void>((resolve) => request.socket.once('close', () => resolve()));

/** A resolver handing its request object to the data source and returning `ctx.result`, or raising `ctx.error`. */
const passThrough = (request: (ctx: Context) => unknown): ResolverModule => ({
  request,
  response: (ctx: Context) => (ctx.error ? util.error(ctx.error.message, ctx.error.type) : ctx.result),
});

function apiFor(request: (ctx: Context) => unknown, options: HttpDataSourceOptions = {}, base = endpoint): RuntimeApi {
  return createRuntimeApi({ resolvers: { 'Query.probe': unit(passThrough(request), httpDataSource(base, options)) } });
}

/** Runs `{ probe }` and returns the data source's result (or the error the response handler raised). */
async function probe(api: RuntimeApi) {
  const { body } = await api.graphql('{ probe }');
  return { result: body.data?.probe == null ? null : json(body.data.probe), errors: body.errors as any[] | undefined };
}

describe('the HTTP request object (HTTP-01)', () => {
  it('HTTP-01 sends a GET to the endpoint plus resourcePath, with params.query encoded and params.headers passed', async () => {
    route = (_request, response) => response.end('ok');
    const api = apiFor(() => ({
      version: '2018-05-29',
      method: 'GET',
      resourcePath: '/v1/jobs',
      params: { query: { q: 'senior engineer', tags: ['a&b', 'c'], limit: 10, remote: true, skipped: null }, headers: { Accept: 'application/json', 'X-Trace': 't-1' } },
    }));
    const { result, errors } = await probe(api);
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({ statusCode: 200, body: 'ok' });
    expect(received).toHaveLength(1);
    const [call] = received;
    expect(call).toMatchObject({ method: 'GET', url: '/v1/jobs?q=senior%20engineer&tags=a%26b&tags=c&limit=10&remote=true', body: '' });
    expect(call!.headers).toMatchObject({ accept: 'application/json', 'x-trace': 't-1', 'user-agent': 'appsync-js-runtime' });
    expect(call!.headers.authorization).toBeUndefined();
  });

  it('HTTP-01 sends an object body as JSON with Content-Type application/json', async () => {
    route = (_request, response) => response.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"j-1"}');
    const api = apiFor((ctx) => ({ method: 'POST', resourcePath: '/v1/jobs', params: { body: { title: ctx.args.input ?? 'Engineer', remote: true } } }));
    const { result } = await probe(api);
    expect(result).toMatchObject({ statusCode: 201, body: '{"id":"j-1"}' });
    expect(received[0]).toMatchObject({ method: 'POST', url: '/v1/jobs', body: '{"title":"Engineer","remote":true}' });
    expect(received[0]!.headers).toMatchObject({ 'content-type': 'application/json', 'content-length': '34' });
  });

  it('HTTP-01 sends a string body as it is, with the Content-Type the request gives', async () => {
    const api = apiFor(() => ({ method: 'PUT', resourcePath: '/notes/1', params: { headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'déjà vu' } }));
    await probe(api);
    expect(received[0]).toMatchObject({ method: 'PUT', url: '/notes/1', body: 'déjà vu' });
    expect(received[0]!.headers).toMatchObject({ 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength('déjà vu')) });
  });

  it('HTTP-01 appends resourcePath to an endpoint with a base path, and a path like //host stays on the endpoint', async () => {
    const api = apiFor(() => ({ method: 'DELETE', resourcePath: '//elsewhere.example/x' }), {}, `${endpoint}/stage/`);
    const { result } = await probe(api);
    expect(result).toMatchObject({ statusCode: 200 });
    expect(received[0]).toMatchObject({ method: 'DELETE', url: '/stage//elsewhere.example/x' });
    expect(received[0]!.headers.host).toBe(new URL(endpoint).host);
  });

  it('HTTP-01 runs as a pipeline function, its result reaching the next step (EXE-03)', async () => {
    route = (_request, response) => response.end('{"name":"Ada"}');
    const resolver = pipeline({ request: () => ({}), response: (ctx: Context) => ctx.prev.result }, [
      fn('fetchCandidate', { request: () => ({ method: 'PATCH', resourcePath: '/c/1', params: { body: '{}', headers: { 'content-type': 'application/json' } } }), response: (ctx: Context) => JSON.parse(ctx.result.body) }, httpDataSource(endpoint)),
      fn('greet', { request: (ctx: Context) => ({ payload: { greeting: `Hello ${ctx.prev.result.name}` } }), response: (ctx: Context) => ctx.result }, NONE),
    ]);
    const { body } = await createRuntimeApi({ resolvers: { 'Query.probe': resolver } }).graphql('{ probe }');
    expect(body.errors).toBeUndefined();
    expect(json(body.data.probe)).toEqual({ greeting: 'Hello Ada' });
    expect(received[0]).toMatchObject({ method: 'PATCH', url: '/c/1', body: '{}' });
  });
});

describe('ctx.result (HTTP-02)', () => {
  it('HTTP-02 is { statusCode, headers, body } with lower-case header names and repeated headers joined', async () => {
    route = (_request, response) => {
      response.setHeader('X-Request-Id', 'r-42');
      response.setHeader('Set-Cookie', ['a=1', 'b=2']);
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('hello');
    };
    const { result } = await probe(apiFor(() => ({ method: 'GET', resourcePath: '/' })));
    expect(Object.keys(result).sort()).toEqual(['body', 'headers', 'statusCode']);
    expect(result.statusCode).toBe(200);
    expect(result.body).toBe('hello');
    expect(result.headers).toMatchObject({ 'x-request-id': 'r-42', 'set-cookie': 'a=1, b=2', 'content-type': 'text/plain' });
  });

  it('HTTP-02 hands a 500 to the response handler as a result, with no ctx.error (EXE-08)', async () => {
    route = (_request, response) => response.writeHead(500).end('{"message":"boom"}');
    const seen: Record<string, unknown> = {};
    const resolver = unit(
      {
        request: () => ({ method: 'GET', resourcePath: '/fails' }),
        response: (ctx: Context) => {
          seen.error = ctx.error ?? null;
          return ctx.result.statusCode === 200 ? ctx.result.body : util.appendError(ctx.result.body, `HTTP:${ctx.result.statusCode}`);
        },
      },
      httpDataSource(endpoint),
    );
    const api = createRuntimeApi({ resolvers: { 'Query.probe': resolver } });
    const { body } = await api.graphql('{ probe }');
    expect(seen.error).toBeNull();
    expect(body.data.probe).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ message: '{"message":"boom"}', errorType: 'HTTP:500' })]);
    expect(api.errors.filter((report) => report.severity === 'error')).toEqual([]);
  });

  it('HTTP-02 does not follow redirects: a 302 is the result', async () => {
    route = (_request, response) => response.writeHead(302, { location: 'http://127.0.0.1:9/elsewhere' }).end();
    const { result } = await probe(apiFor(() => ({ method: 'GET', resourcePath: '/moved' })));
    expect(result).toMatchObject({ statusCode: 302, headers: { location: 'http://127.0.0.1:9/elsewhere' }, body: '' });
    expect(received).toHaveLength(1);
  });
});

describe('request objects the HTTP data source cannot send (HTTP-03)', () => {
  it.each([
    ['a method outside GET, POST, PUT, DELETE, PATCH', { method: 'HEAD', resourcePath: '/' }],
    ['a lower-case method', { method: 'get', resourcePath: '/' }],
    ['a resourcePath not starting with /', { method: 'GET', resourcePath: 'v1/jobs' }],
    ['no resourcePath', { method: 'GET' }],
    ['a header value that is not a string', { method: 'GET', resourcePath: '/', params: { headers: { 'x-count': 3 } } }],
    ['a header AppSync does not let a resolver set', { method: 'GET', resourcePath: '/', params: { headers: { Host: 'elsewhere.example' } } }],
    ['a line break in a header value', { method: 'GET', resourcePath: '/', params: { headers: { 'x-a': 'b\r\nx-injected: 1' } } }],
    ['a Content-Type AppSync does not send', { method: 'POST', resourcePath: '/', params: { headers: { 'content-type': 'multipart/form-data' }, body: 'x' } }],
    ['a query value that is an object', { method: 'GET', resourcePath: '/', params: { query: { filter: { a: 1 } } } }],
    ['a request that is not an object', 'GET /'],
  ])('HTTP-03 fails the field with MappingTemplate for %s, without calling the endpoint (GAP-05)', async (_what, request) => {
    const { result, errors } = await probe(apiFor(() => request));
    expect(result).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ errorType: 'MappingTemplate', path: ['probe'] })]);
    expect(received).toEqual([]);
  });

  it('HTTP-03 rejects a malformed endpoint at cold start', () => {
    expect(() => httpDataSource('ftp://files.example')).toThrow(/http or https/);
    expect(() => httpDataSource('https://user:secret@api.example')).toThrow(/credentials/);
    expect(() => httpDataSource('not a url')).toThrow(/not a URL/);
    expect(() => httpDataSource('https://api.example', { timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => httpDataSource('https://api.example', { authorizationConfig: { authorizationType: 'AWS_IAM', awsIamConfig: { signingRegion: '', signingServiceName: 'lambda' } } })).toThrow(/signingRegion/);
  });
});

/** The faults the data source reported as errors: their coordinate and details. */
const faultLogs = (api: RuntimeApi) =>
  api.errors.filter((report) => report.severity === 'error' && report.message === 'HTTP data source fault').map((report) => ({ coordinate: report.coordinate, ...report.details }));

describe('faults of the endpoint and the network (HTTP-04, GAP-11)', () => {
  it('HTTP-04 turns a refused connection into DataSourceUnavailable with a generic message, details reported as an error', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    const api = apiFor(() => ({ method: 'GET', resourcePath: '/secret-path' }), {}, `http://127.0.0.1:${port}`);
    const { result, errors } = await probe(api);
    expect(result).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ errorType: 'DataSourceUnavailable', message: 'The data source is unavailable; try again later', path: ['probe'] })]);
    expect(JSON.stringify(errors)).not.toMatch(new RegExp(`${port}|127\\.0\\.0\\.1|ECONNREFUSED|secret-path`));
    expect(faultLogs(api)).toEqual([expect.objectContaining({ coordinate: 'Query.probe', errorType: 'DataSourceUnavailable', errorCode: 'ECONNREFUSED', host: `127.0.0.1:${port}`, method: 'GET', deadlinePassed: false })]);
  });

  it('HTTP-04 gives ctx.error { message, type } to the response handler, which may handle it (CTX-09)', async () => {
    route = (request) => request.socket.destroy();
    const resolver = unit({ request: () => ({ method: 'GET', resourcePath: '/' }), response: (ctx: Context) => ({ error: ctx.error, result: ctx.result ?? null }) }, httpDataSource(endpoint));
    const { body } = await createRuntimeApi({ resolvers: { 'Query.probe': resolver } }).graphql('{ probe }');
    expect(json(body.data.probe)).toEqual({ error: { type: 'DataSourceUnavailable', message: 'The data source is unavailable; try again later' }, result: null });
  });

  it('HTTP-04 turns a connection reset in the middle of the body into DataSourceUnavailable', async () => {
    route = (_request, response) => {
      response.writeHead(200, { 'content-length': '1000' });
      response.write('partial', () => response.socket?.destroy());
    };
    const api = apiFor(() => ({ method: 'GET', resourcePath: '/' }));
    const { errors } = await probe(api);
    expect(errors).toEqual([expect.objectContaining({ errorType: 'DataSourceUnavailable' })]);
    expect(faultLogs(api)).toHaveLength(1);
  });

  it('HTTP-04 sends a GET once more, on a new connection, when a kept-alive connection is dropped before any answer', async () => {
    const api = apiFor(() => ({ method: 'GET', resourcePath: '/again' }));
    await probe(api);
    // From now on the endpoint drops every request that arrives on a connection it served before.
    route = (request, response, call) => (call.reused ? request.socket.destroy() : response.end('answered'));
    const { result, errors } = await probe(api);
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({ statusCode: 200, body: 'answered' });
    expect(received.slice(1).map((call) => [call.url, call.reused])).toEqual([
      ['/again', true],
      ['/again', false],
    ]);
    expect(faultLogs(api)).toEqual([]);
  });

  it('HTTP-04 does not send a POST again when its kept-alive connection is dropped: DataSourceUnavailable', async () => {
    const api = apiFor(() => ({ method: 'POST', resourcePath: '/charge', params: { body: { amount: 10 } } }));
    await probe(api);
    route = (request, response, call) => (call.reused ? request.socket.destroy() : response.end('charged'));
    const { errors } = await probe(api);
    expect(errors).toEqual([expect.objectContaining({ errorType: 'DataSourceUnavailable' })]);
    expect(received.slice(1).map((call) => [call.url, call.reused])).toEqual([['/charge', true]]);
  });

  it('HTTP-04 ends a call the endpoint never answers at its timeout, with Timeout, and closes the connection', async () => {
    let closed!: Promise<void>;
    route = (request) => void (closed = closing(request));
    const api = apiFor(() => ({ method: 'GET', resourcePath: '/hangs' }), { timeoutMs: 200 });
    const { result, errors } = await probe(api);
    expect(result).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ errorType: 'Timeout', message: 'The data source did not answer in time; try again later' })]);
    await closed;
    expect(faultLogs(api)).toEqual([expect.objectContaining({ errorType: 'Timeout', deadlinePassed: false })]);
  });

  it('HTTP-04 ends the call at the request deadline, failing the field with Timeout (GAP-11)', async () => {
    let closed!: Promise<void>;
    route = (request) => void (closed = closing(request));
    const resolvers = { 'Query.probe': unit(passThrough(() => ({ method: 'GET', resourcePath: '/hangs' })), httpDataSource(endpoint)) };
    const api = createRuntimeApi({ resolvers, deadline: { maxMs: 300, marginMs: 0 } });
    const { status, body } = await api.graphql('{ probe }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ probe: null });
    expect(body.errors).toEqual([expect.objectContaining({ errorType: 'Timeout', path: ['probe'] })]);
    await closed;
    expect(faultLogs(api)).toEqual([expect.objectContaining({ errorType: 'Timeout', deadlinePassed: true })]);
  });
});

describe('TLS (HTTP-07)', () => {
  it('HTTP-07 refuses an https endpoint whose certificate no trusted authority signed: DataSourceUnavailable, nothing sent', async () => {
    const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/tls/${name}`, import.meta.url));
    let requests = 0;
    const tls = createTlsServer({ key: fixture('self-signed.key'), cert: fixture('self-signed.crt') }, (_request, response) => {
      requests += 1;
      response.end('should not be reached');
    });
    tls.listen(0, '127.0.0.1');
    await once(tls, 'listening');
    try {
      const api = apiFor(() => ({ method: 'POST', resourcePath: '/', params: { body: 'secret payload', headers: { 'content-type': 'text/plain' } } }), {}, `https://127.0.0.1:${(tls.address() as AddressInfo).port}`);
      const { errors } = await probe(api);
      expect(errors).toEqual([expect.objectContaining({ errorType: 'DataSourceUnavailable', message: 'The data source is unavailable; try again later' })]);
      expect(faultLogs(api)).toEqual([expect.objectContaining({ errorCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' })]);
      expect(requests).toBe(0);
    } finally {
      tls.close();
    }
  });
});

describe('the response size bound (HTTP-05)', () => {
  it('HTTP-05 refuses an answer whose Content-Length is over the bound, with ResponseTooLarge', async () => {
    route = (_request, response) => response.writeHead(200, { 'content-length': '2048' }).end('x'.repeat(2048));
    const api = apiFor(() => ({ method: 'GET', resourcePath: '/big' }), { maxResponseBytes: 1024 });
    const { errors } = await probe(api);
    expect(errors).toEqual([expect.objectContaining({ errorType: 'ResponseTooLarge', message: "The data source's answer is larger than this API accepts" })]);
    expect(faultLogs(api)).toEqual([expect.objectContaining({ errorType: 'ResponseTooLarge' })]);
  });

  it('HTTP-05 stops reading an endless body once it passes the bound, and closes the connection', async () => {
    let closed!: Promise<void>;
    route = (request, response) => {
      closed = closing(request);
      const chunk = Buffer.alloc(64 * 1024, 'y');
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      response.writeHead(200, { 'content-type': 'text/plain' });
      pump();
    };
    // The default timeout (10 s) is far away: only the size bound can end this call.
    const api = apiFor(() => ({ method: 'GET', resourcePath: '/endless' }), { maxResponseBytes: 256 * 1024 });
    const { errors } = await probe(api);
    expect(errors).toEqual([expect.objectContaining({ errorType: 'ResponseTooLarge' })]);
    await closed;
  });

  it('HTTP-05 reads an answer exactly at the bound', async () => {
    route = (_request, response) => response.end('z'.repeat(1024));
    const { result } = await probe(apiFor(() => ({ method: 'GET', resourcePath: '/' }), { maxResponseBytes: 1024 }));
    expect(result.body).toHaveLength(1024);
  });
});

const CREDENTIALS: SigningCredentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const IAM = { authorizationType: 'AWS_IAM', awsIamConfig: { signingRegion: 'eu-west-1', signingServiceName: 'execute-api' } } as const;
const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=(\w+)\/(\d{8})\/([\w-]+)\/([\w-]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

/** The Authorization header the signer computes, with `credentials`, for the request as it arrived. */
async function expectedAuthorization(call: Received, credentials: SigningCredentials, overrides: Partial<Received> = {}): Promise<string> {
  const arrived = { ...call, ...overrides };
  const [, , , region, service, signedHeaders] = AUTHORIZATION.exec(String(call.headers.authorization))!;
  const amzDate = String(call.headers['x-amz-date']);
  const signingDate = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  const url = new URL(arrived.url, endpoint);
  const query: Record<string, string | string[]> = {};
  // The query as it arrived, decoded as AWS decodes it (RFC 3986: '+' is a plus sign).
  for (const pair of url.search.slice(1).split('&').filter(Boolean)) {
    const [name = '', value = ''] = pair.split('=').map(decodeURIComponent);
    const current = query[name];
    query[name] = current === undefined ? value : [...[current].flat(), value];
  }
  const headers = Object.fromEntries(signedHeaders!.split(';').map((name) => [name, String(arrived.headers[name])]));
  // S3 signs the path as sent; every other service signs it encoded once more (SigV4's rule).
  const signer = new SignatureV4({ credentials, region: region!, service: service!, sha256: Sha256, uriEscapePath: service !== 's3' });
  const signed = await signer.sign(
    { method: arrived.method, protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: url.pathname, query, headers, body: arrived.body },
    { signingDate },
  );
  return signed.headers.authorization!;
}

describe('SigV4 signing for AWS service endpoints (HTTP-06)', () => {
  it('HTTP-06 signs with awsIamConfig’s region and service, and the signature recomputed from the request as it arrived matches', async () => {
    const api = apiFor(
      () => ({ method: 'POST', resourcePath: '/prod/jobs/a b', params: { query: { q: 'C++ & Go*', page: '2' }, headers: { 'Content-Type': 'application/json', 'X-Custom': 'v' }, body: { title: 'Engineer' } } }),
      { authorizationConfig: IAM, credentials: CREDENTIALS },
    );
    const { errors } = await probe(api);
    expect(errors).toBeUndefined();
    const [call] = received;
    const match = AUTHORIZATION.exec(String(call!.headers.authorization));
    expect(match).not.toBeNull();
    const [, keyId, day, region, service, signedHeaders] = match!;
    expect({ keyId, region, service }).toEqual({ keyId: 'AKIDEXAMPLE', region: 'eu-west-1', service: 'execute-api' });
    expect(call!.headers['x-amz-date']).toMatch(new RegExp(`^${day}T\\d{6}Z$`));
    expect(signedHeaders!.split(';')).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'x-amz-content-sha256', 'content-type', 'x-custom']));
    expect(signedHeaders!.split(';')).not.toContain('user-agent');
    expect(call!.headers.authorization).toBe(await expectedAuthorization(call!, CREDENTIALS));
  });

  it('HTTP-06 signs the path as sent for S3, whose canonical path is not encoded twice', async () => {
    const s3 = { authorizationType: 'AWS_IAM', awsIamConfig: { signingRegion: 'eu-west-1', signingServiceName: 's3' } } as const;
    await probe(apiFor(() => ({ method: 'GET', resourcePath: '/bucket/my file.txt' }), { authorizationConfig: s3, credentials: CREDENTIALS }));
    const [call] = received;
    expect(call!.url).toBe('/bucket/my%20file.txt');
    expect(call!.headers.authorization).toContain('/eu-west-1/s3/aws4_request');
    expect(call!.headers.authorization).toBe(await expectedAuthorization(call!, CREDENTIALS));
  });

  it('HTTP-06 signature check fails for a request changed on the way or signed with another secret', async () => {
    const api = apiFor(() => ({ method: 'PUT', resourcePath: '/items/1', params: { body: 'original', headers: { 'content-type': 'text/plain' } } }), { authorizationConfig: IAM, credentials: CREDENTIALS });
    await probe(api);
    const [call] = received;
    expect(call!.headers.authorization).toBe(await expectedAuthorization(call!, CREDENTIALS));
    expect(call!.headers.authorization).not.toBe(await expectedAuthorization(call!, CREDENTIALS, { url: '/items/2' }));
    expect(call!.headers.authorization).not.toBe(await expectedAuthorization(call!, { ...CREDENTIALS, secretAccessKey: 'another-secret' }));
  });

  it('HTTP-06 sends and signs the session token of temporary credentials, from a credentials provider', async () => {
    const temporary = { ...CREDENTIALS, sessionToken: 'session-token-1' };
    await probe(apiFor(() => ({ method: 'GET', resourcePath: '/', params: { query: { a: '1' } } }), { authorizationConfig: IAM, credentials: async () => temporary }));
    const [call] = received;
    expect(call!.headers['x-amz-security-token']).toBe('session-token-1');
    expect(AUTHORIZATION.exec(String(call!.headers.authorization))![5]!.split(';')).toContain('x-amz-security-token');
    expect(call!.headers.authorization).toBe(await expectedAuthorization(call!, temporary));
  });

  it('HTTP-06 fails the call with DataSourceUnavailable when no credentials can be had, without calling the endpoint', async () => {
    const api = apiFor(() => ({ method: 'GET', resourcePath: '/' }), { authorizationConfig: IAM, credentials: () => Promise.reject(new Error('no role for AKIDEXAMPLE')) });
    const { errors } = await probe(api);
    expect(errors).toEqual([expect.objectContaining({ errorType: 'DataSourceUnavailable' })]);
    expect(JSON.stringify(errors)).not.toContain('AKIDEXAMPLE');
    expect(faultLogs(api)).toEqual([expect.objectContaining({ causeMessage: 'no role for AKIDEXAMPLE' })]);
    expect(received).toEqual([]);
  });

  it('HTTP-06 fails the call with Timeout when the credentials do not come within the call’s timeout', async () => {
    const api = apiFor(() => ({ method: 'GET', resourcePath: '/' }), { authorizationConfig: IAM, credentials: () => new Promise<SigningCredentials>(() => undefined), timeoutMs: 200 });
    const { errors } = await probe(api);
    expect(errors).toEqual([expect.objectContaining({ errorType: 'Timeout' })]);
    expect(received).toEqual([]);
  });

  describe('with the default credential provider chain', () => {
    afterEach(() => void vi.unstubAllEnvs());

    it('HTTP-06 signs with the function’s credentials from the environment when the data source gives none', async () => {
      vi.stubEnv('AWS_PROFILE', undefined);
      vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDFROMENVIRONMENT');
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret-from-environment');
      vi.stubEnv('AWS_SESSION_TOKEN', 'token-from-environment');
      await probe(apiFor(() => ({ method: 'GET', resourcePath: '/' }), { authorizationConfig: IAM }));
      const [call] = received;
      expect(AUTHORIZATION.exec(String(call!.headers.authorization))![1]).toBe('AKIDFROMENVIRONMENT');
      expect(call!.headers['x-amz-security-token']).toBe('token-from-environment');
      const fromEnvironment = { accessKeyId: 'AKIDFROMENVIRONMENT', secretAccessKey: 'secret-from-environment', sessionToken: 'token-from-environment' };
      expect(call!.headers.authorization).toBe(await expectedAuthorization(call!, fromEnvironment));
    });
  });
});
