import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CompanyDocument,
  createClient,
  CreateCompanyDocument,
  CreateJobDocument,
  GraphQLRequestError,
  isGraphQLRequestError,
  JobDocument,
  JobsByCompanyDocument,
  type Client,
} from '@hiring/sdk';
import { createTestApi } from '../helpers/api';
import { startLocalHttpApi, type LocalHttpApi } from '../helpers/http-server';
import { rejection } from '@appsync-lambda/test-support';

let server: LocalHttpApi;
let client: Client;
const seen: APIGatewayProxyEventV2[] = [];
/** Runs when the server receives a request, before the handler answers. */
let onRequest: (() => void) | undefined;

beforeAll(async () => {
  const api = await createTestApi();
  server = await startLocalHttpApi(async (event) => {
    seen.push(event);
    onRequest?.();
    return api.invoke(event);
  });
  client = createClient({ url: `${server.origin}/graphql` });
});

afterAll(async () => {
  await server?.close();
});

describe('createClient().request', () => {
  it('runs the typed operations end to end and returns typed data', async () => {
    const { createCompany } = await client.request(CreateCompanyDocument, { input: { name: 'Acme', website: 'https://acme.example' } });
    expect(createCompany).toMatchObject({ name: 'Acme', website: 'https://acme.example' });
    const { createJob } = await client.request(CreateJobDocument, { input: { companyId: createCompany.id, title: 'Engineer', status: 'OPEN' } });
    expect(createJob).toMatchObject({ companyId: createCompany.id, title: 'Engineer', status: 'OPEN', description: null });

    const { job } = await client.request(JobDocument, { id: createJob.id });
    expect(job?.title).toBe('Engineer');
    const { company } = await client.request(CompanyDocument, { id: createCompany.id, jobsLimit: 5 });
    expect(company?.jobs.items.map((item) => item.id)).toEqual([createJob.id]);
    const { jobsByCompany } = await client.request(JobsByCompanyDocument, { companyId: createCompany.id });
    expect(jobsByCompany).toEqual({ items: [createJob], nextToken: null });
    expect(await client.request(JobDocument, { id: 'missing' })).toEqual({ job: null });
  });

  it('sends the operation name, the API key, the token and extra headers', async () => {
    const authed = createClient({
      url: `${server.origin}/graphql`,
      apiKey: 'da2-key',
      getToken: async () => 'token-1',
      headers: () => ({ 'x-client': 'web' }),
    });
    await authed.request(JobDocument, { id: 'missing' }, { headers: { 'x-request': 'one' } });
    const event = seen.at(-1)!;
    expect(event.headers).toMatchObject({ 'x-api-key': 'da2-key', authorization: 'token-1', 'x-client': 'web', 'x-request': 'one', 'content-type': 'application/json' });
    expect(JSON.parse(Buffer.from(event.body!, 'base64').toString('utf8'))).toMatchObject({ operationName: 'Job', variables: { id: 'missing' } });
  });

  it('throws a GraphQLRequestError carrying errorType and errorInfo from a resolver error', async () => {
    const error = await rejection(client.request(CreateJobDocument, { input: { companyId: 'nope', title: 'Engineer' } }));
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect(isGraphQLRequestError(error)).toBe(true);
    const requestError = error as GraphQLRequestError;
    expect(requestError.errorType).toBe('NotFound');
    expect(requestError.errors[0]).toMatchObject({ errorType: 'NotFound', errorInfo: { companyId: 'nope' }, path: ['createJob'] });
    expect(requestError.data).toBeNull();
    expect(requestError.status).toBe(200);
  });

  it('throws a ValidationError for a variable an AppSync scalar rejects (SCAL-08)', async () => {
    const error = await rejection(client.request(CreateCompanyDocument, { input: { name: 'Acme', website: 'acme.example' } }));
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect((error as GraphQLRequestError).errors[0]).toMatchObject({ errorType: 'ValidationError', message: expect.stringContaining('AWSURL') });
  });

  it('rejects with the abort reason and sends nothing when the signal is already aborted', async () => {
    const before = seen.length;
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(client.request(JobDocument, { id: 'x' }, { signal: controller.signal }));
    expect((error as Error).name).toBe('AbortError');
    expect(seen.length).toBe(before);
  });

  it('aborts a request in flight', async () => {
    const controller = new AbortController();
    onRequest = () => controller.abort();
    const error = await rejection(client.request(JobDocument, { id: 'x' }, { signal: controller.signal }));
    onRequest = undefined;
    expect((error as Error).name).toBe('AbortError');
    expect(controller.signal.aborted).toBe(true);
  });

  it('reads errorType from extensions when the top level has none, and reports HTTP failures without a GraphQL body', async () => {
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const apollo = createClient({ url: 'http://unused.invalid', fetch: async () => json({ data: null, errors: [{ message: 'no', extensions: { errorType: 'Unauthorized', errorInfo: { why: 1 } } }] }) });
    expect(((await rejection(apollo.request(JobDocument, { id: 'x' }))) as GraphQLRequestError).errors[0]).toMatchObject({ errorType: 'Unauthorized', errorInfo: { why: 1 } });

    const gateway = createClient({ url: 'http://unused.invalid', fetch: async () => new Response('Bad Gateway', { status: 502 }) });
    const error = (await rejection(gateway.request(JobDocument, { id: 'x' }))) as GraphQLRequestError;
    expect(error).toMatchObject({ status: 502, errorType: 'HttpError' });
  });
});
