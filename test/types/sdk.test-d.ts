import type { ResultOf, TypedDocumentNode, VariablesOf } from '@graphql-typed-document-node/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  CompanyDocument,
  createClient,
  CreateCompanyDocument,
  CreateJobDocument,
  createSubscriptionClient,
  JobsByCompanyDocument,
  OnApplicationMovedDocument,
  OnJobPublishedDocument,
  type CompanyQuery,
  type JobStatus,
  type LiveSubscription,
  type OnApplicationMovedSubscription,
  type Stage,
} from '@hiring/sdk';

const client = createClient({ url: 'https://api.example.com/graphql' });

describe('SDK documents', () => {
  it('are TypedDocumentNodes any TypedDocumentNode client (Apollo, urql, graphql-request) reads', () => {
    expectTypeOf(CompanyDocument).toExtend<TypedDocumentNode<CompanyQuery, { id: string | number; jobsLimit?: number | null }>>();
    expectTypeOf<ResultOf<typeof CreateJobDocument>['createJob']['status']>().toEqualTypeOf<JobStatus>();
    expectTypeOf<VariablesOf<typeof JobsByCompanyDocument>['companyId']>().toEqualTypeOf<string | number>();
  });

  it('map client-side scalars to their wire types (AWSDateTime and AWSURL are strings)', () => {
    expectTypeOf<ResultOf<typeof CreateCompanyDocument>['createCompany']['createdAt']>().toEqualTypeOf<string>();
    expectTypeOf<ResultOf<typeof CreateCompanyDocument>['createCompany']['website']>().toEqualTypeOf<string | null>();
  });
});

describe('client.request', () => {
  it('returns the typed data of the document', () => {
    expectTypeOf(client.request(CompanyDocument, { id: 'c1' })).resolves.toEqualTypeOf<CompanyQuery>();
  });

  it('rejects missing, misspelled or mistyped variables', () => {
    // @ts-expect-error id is required
    void client.request(CompanyDocument);
    // @ts-expect-error companyID is not a variable of JobsByCompany
    void client.request(JobsByCompanyDocument, { companyID: 'c1' });
    // @ts-expect-error status must be a JobStatus
    void client.request(CreateJobDocument, { input: { companyId: 'c1', title: 'Engineer', status: 'ARCHIVED' } });
  });

  it('accepts an AbortSignal', () => {
    void client.request(CompanyDocument, { id: 'c1' }, { signal: new AbortController().signal });
  });
});

describe('createSubscriptionClient().subscribe', () => {
  const live = createSubscriptionClient({ url: 'wss://ws.example.com/prod' });

  it('yields the typed data of the subscription document', () => {
    expectTypeOf(live.subscribe(OnApplicationMovedDocument, { jobId: 'j1' })).toEqualTypeOf<LiveSubscription<OnApplicationMovedSubscription>>();
    expectTypeOf<OnApplicationMovedSubscription['onApplicationMoved']>().toEqualTypeOf<{
      id: string;
      jobId: string;
      companyId: string;
      candidateId: string;
      stage: Stage;
      version: number;
      appliedAt: string;
      updatedAt: string;
    } | null>();
  });

  it('takes optional variables only where the subscription has no required one, and checks their types', () => {
    live.subscribe(OnJobPublishedDocument);
    // @ts-expect-error jobId is an ID (string or number), not a boolean
    live.subscribe(OnApplicationMovedDocument, { jobId: true });
    // @ts-expect-error the document's required variables must be given
    live.subscribe(CompanyDocument);
  });
});
