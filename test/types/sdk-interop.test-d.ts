import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { createClient as createUrqlClient, fetchExchange, type CombinedError } from '@urql/core';
import { GraphQLClient } from 'graphql-request';
import { describe, expectTypeOf, it } from 'vitest';
import {
  CompanyDocument,
  CreateCompanyDocument,
  CreateJobDocument,
  type CompanyQuery,
  type CreateCompanyMutation,
  type CreateJobMutation,
} from '@hiring/sdk';

const url = 'https://api.example.com/graphql';
const apollo = new ApolloClient({ link: new HttpLink({ uri: url }), cache: new InMemoryCache() });
const urql = createUrqlClient({ url, exchanges: [fetchExchange], preferGetMethod: false });
const graphqlRequest = new GraphQLClient(url);

describe('Apollo Client 4 with the SDK documents', () => {
  it('types mutate and query data from the document', () => {
    expectTypeOf(apollo.mutate({ mutation: CreateCompanyDocument, variables: { input: { name: 'Acme' } } })).resolves.toHaveProperty('data').toEqualTypeOf<CreateCompanyMutation | undefined>();
    expectTypeOf(apollo.query({ query: CompanyDocument, variables: { id: 'c1', jobsLimit: 5 } })).resolves.toHaveProperty('data').toEqualTypeOf<CompanyQuery | undefined>();
  });

  it('rejects variables the document does not declare or type', () => {
    // @ts-expect-error title is required in CreateJobInput
    void apollo.mutate({ mutation: CreateJobDocument, variables: { input: { companyId: 'c1' } } });
    // @ts-expect-error jobsLimit is an Int
    void apollo.query({ query: CompanyDocument, variables: { id: 'c1', jobsLimit: '5' } });
  });
});

describe('urql 6 with the SDK documents', () => {
  it('types the operation result data from the document, with a CombinedError beside it', () => {
    const created = urql.mutation(CreateCompanyDocument, { input: { name: 'Acme' } }).toPromise();
    expectTypeOf(created).resolves.toHaveProperty('data').toEqualTypeOf<CreateCompanyMutation | undefined>();
    expectTypeOf(created).resolves.toHaveProperty('error').toEqualTypeOf<CombinedError | undefined>();
    expectTypeOf(urql.query(CompanyDocument, { id: 'c1' }).toPromise()).resolves.toHaveProperty('data').toEqualTypeOf<CompanyQuery | undefined>();
  });

  it('rejects variables the document does not declare or type', () => {
    // @ts-expect-error status must be a JobStatus
    void urql.mutation(CreateJobDocument, { input: { companyId: 'c1', title: 'Engineer', status: 'ARCHIVED' } });
    // @ts-expect-error companyId is not a variable of Company
    void urql.query(CompanyDocument, { companyId: 'c1' });
  });
});

describe('graphql-request 7 with the SDK documents', () => {
  it('resolves with the typed data of the document', () => {
    expectTypeOf(graphqlRequest.request(CreateJobDocument, { input: { companyId: 'c1', title: 'Engineer' } })).resolves.toEqualTypeOf<CreateJobMutation>();
    expectTypeOf(graphqlRequest.request(CompanyDocument, { id: 'c1' })).resolves.toEqualTypeOf<CompanyQuery>();
  });

  it('rejects missing or mistyped variables', () => {
    // @ts-expect-error id is required
    void graphqlRequest.request(CompanyDocument, {});
    // @ts-expect-error name must be a string
    void graphqlRequest.request(CreateCompanyDocument, { input: { name: 1 } });
  });
});
