/**
 * The SDK's TypedDocumentNodes with Apollo Client 4, urql 6 and graphql-request 7, each through
 * its own API, against the real handler over HTTP with the deployed auth config (user pools +
 * API key): typed data from a mutation and a query, and where each exposes errorType/errorInfo.
 */
import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { cacheExchange, createClient as createUrqlClient, fetchExchange } from '@urql/core';
import { ClientError, GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { CompanyDocument, CreateCompanyDocument, CreateJobDocument, type CompanyQuery, type CreateCompanyMutation } from '@hiring/sdk';
import { createHiringApi, type HiringApi } from '../helpers/hiring';
import { startLocalHttpApi, type LocalHttpApi } from '../helpers/http-server';
import { rejection } from '@appsync-lambda/test-support';

let hiring: HiringApi;
let server: LocalHttpApi;
let url: string;
/** An admin's user pool ID token (createCompany is for admins; createJob for recruiters and admins). */
let token: string;

beforeAll(async () => {
  hiring = await createHiringApi();
  server = await startLocalHttpApi((event) => hiring.api.invoke(event));
  url = `${server.origin}/graphql`;
  token = hiring.admin.headers!.authorization!;
});

afterAll(async () => {
  await server?.close();
});

const notFound = { errorType: 'NotFound', errorInfo: { companyId: 'missing' } };

describe('Apollo Client 4 (@apollo/client core, no React)', () => {
  const apollo = () => new ApolloClient({ link: new HttpLink({ uri: url, headers: { authorization: token } }), cache: new InMemoryCache() });

  it('runs CreateCompany and Company with typed variables and data', async () => {
    const client = apollo();
    const created = await client.mutate({ mutation: CreateCompanyDocument, variables: { input: { name: 'Apollo Co' } } });
    expectTypeOf(created.data).toEqualTypeOf<CreateCompanyMutation | undefined>();
    expect(created.data?.createCompany).toMatchObject({ name: 'Apollo Co', website: null });
    const id = created.data!.createCompany.id;

    const { data } = await client.query({ query: CompanyDocument, variables: { id, jobsLimit: 5 } });
    expectTypeOf(data).toEqualTypeOf<CompanyQuery | undefined>();
    expect(data?.company).toMatchObject({ id, name: 'Apollo Co', jobs: { items: [], nextToken: null } });
  });

  it('rejects with CombinedGraphQLErrors whose errors[].extensions carry errorType and errorInfo', async () => {
    const error = await rejection(apollo().mutate({ mutation: CreateJobDocument, variables: { input: { companyId: 'missing', title: 'Engineer' } } }));
    expect(CombinedGraphQLErrors.is(error)).toBe(true);
    if (!CombinedGraphQLErrors.is(error)) return;
    expect(error.errors[0]?.extensions?.errorType).toBe('NotFound');
    expect(error.errors[0]).toMatchObject({ path: ['createJob'], extensions: notFound });
    expect(error.data).toBeNull();
  });
});

describe('urql 6 (@urql/core)', () => {
  const urql = () =>
    createUrqlClient({
      url,
      exchanges: [cacheExchange, fetchExchange],
      fetchOptions: () => ({ headers: { authorization: token } }),
    });

  it('runs CreateCompany and Company with typed variables and data', async () => {
    const client = urql();
    const created = await client.mutation(CreateCompanyDocument, { input: { name: 'urql Co' } }).toPromise();
    expect(created.error).toBeUndefined();
    expectTypeOf(created.data).toEqualTypeOf<CreateCompanyMutation | undefined>();
    expect(created.data?.createCompany).toMatchObject({ name: 'urql Co', website: null });
    const id = created.data!.createCompany.id;

    const { data, error } = await client.query(CompanyDocument, { id, jobsLimit: 5 }).toPromise();
    expect(error).toBeUndefined();
    expectTypeOf(data).toEqualTypeOf<CompanyQuery | undefined>();
    expect(data?.company).toMatchObject({ id, name: 'urql Co', jobs: { items: [], nextToken: null } });
  });

  it('resolves with result.error (a CombinedError) whose graphQLErrors[].extensions carry errorType and errorInfo', async () => {
    const result = await urql().mutation(CreateJobDocument, { input: { companyId: 'missing', title: 'Engineer' } }).toPromise();
    expect(result.data).toBeNull();
    expect(result.error?.graphQLErrors[0]?.extensions.errorType).toBe('NotFound');
    expect(result.error?.graphQLErrors[0]).toMatchObject({ path: ['createJob'], extensions: notFound });
  });

  it('sends queries as GET (its default): the authorization header proves a CORS preflight to the CSRF check', async () => {
    const id = (await hiring.aCompany({ name: 'GET Co' })).id;
    const requests: string[] = [];
    const client = createUrqlClient({
      url,
      exchanges: [fetchExchange],
      fetchOptions: () => ({ headers: { authorization: token } }),
      fetch: (input, init) => {
        requests.push(init?.method ?? 'GET');
        return fetch(input, init);
      },
    });
    const { data, error } = await client.query(CompanyDocument, { id }).toPromise();
    expect(error).toBeUndefined();
    expect(data?.company?.name).toBe('GET Co');
    expect(requests).toEqual(['GET']);
  });
});

describe('graphql-request 7', () => {
  const graphqlRequest = () => new GraphQLClient(url, { headers: { authorization: token } });

  it('runs CreateCompany and Company with typed variables and data', async () => {
    const client = graphqlRequest();
    const { createCompany } = await client.request(CreateCompanyDocument, { input: { name: 'graphql-request Co' } });
    expectTypeOf(createCompany).toEqualTypeOf<CreateCompanyMutation['createCompany']>();
    expect(createCompany).toMatchObject({ name: 'graphql-request Co', website: null });

    const { company } = await client.request(CompanyDocument, { id: createCompany.id, jobsLimit: 5 });
    expectTypeOf(company).toEqualTypeOf<CompanyQuery['company']>();
    expect(company).toMatchObject({ id: createCompany.id, name: 'graphql-request Co', jobs: { items: [], nextToken: null } });
  });

  it('rejects with a ClientError whose response.errors keep errorType and errorInfo at the top level and under extensions', async () => {
    const error = await rejection(graphqlRequest().request(CreateJobDocument, { input: { companyId: 'missing', title: 'Engineer' } }));
    expect(error).toBeInstanceOf(ClientError);
    const { response } = error as ClientError;
    expect(response.errors?.[0]?.extensions.errorType).toBe('NotFound');
    expect(response.status).toBe(200);
    expect(response.errors?.[0]).toMatchObject({ path: ['createJob'], ...notFound, extensions: notFound });
  });
});
