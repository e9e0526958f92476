/**
 * The pieces of the query budget (`@appsync-lambda/engine/testing`): the cost estimate against the hiring schema
 * and its resolvers, the document measure, the token count, and the trusted-documents manifest
 * against the SDK's documents.
 */
import { createHash } from 'node:crypto';
import { buildSchema, getOperationAST, parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as sdk from '@hiring/sdk';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../src/data/pages';
import { trustedDocuments } from '../../../src/generated/trusted-documents';
import { resolvers } from '../../../src/resolvers/index';
import { API_KEY_BUDGET } from '@appsync-lambda/engine';
import { createCostEstimator, estimateCost, measureDocument, tokensOver, dynamodbCallsByCoordinate } from '@appsync-lambda/engine/testing';
import { schemaSdl } from '../../../src/api';

const schema = buildSchema(schemaSdl);
const calls = dynamodbCallsByCoordinate(resolvers);
const options = { dynamodbCallsOf: (coordinate: string) => calls.get(coordinate) ?? 0, defaultPageSize: DEFAULT_PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE };

function estimate(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  return estimateCost(schema, document, getOperationAST(document)!, variables, options);
}

describe('dynamodbCallsByCoordinate', () => {
  it('counts a unit resolver on the table as one call and a pipeline as its functions on the table', () => {
    expect(calls.get('Query.company')).toBe(1);
    expect(calls.get('Query.openJobs')).toBe(1);
    // The recruiter's membership, by user then by email (tenancy), then the Query.
    expect(calls.get('Company.jobs')).toBe(3);
    const createJob = resolvers['Mutation.createJob'];
    expect(createJob.kind).toBe('PIPELINE');
    expect(calls.get('Mutation.createJob')).toBe(createJob.kind === 'PIPELINE' ? createJob.functions.length : 0);
    expect(calls.get('Mutation.createJob')).toBeGreaterThan(1);
    expect(calls.get('Company.name')).toBeUndefined();
  });
});

describe('estimateCost', () => {
  it('counts each field once per value, the list under a page `limit` times (literal or variable)', () => {
    const page = '{ items { id title } nextToken }';
    // openJobs + items + nextToken + 100 × 2 fields.
    expect(estimate(`{ openJobs(limit: 100) ${page} }`)).toEqual({ cost: 203, dynamodbCalls: 1 });
    expect(estimate(`query ($n: Int) { openJobs(limit: $n) ${page} }`, { n: 7 })).toEqual({ cost: 17, dynamodbCalls: 1 });
  });

  it('takes the default page size for an absent or null limit, and at most the maximum page size', () => {
    const query = 'query ($n: Int) { jobsByCompany(companyId: "c", limit: $n) { items { id } } }';
    expect(estimate(query).cost).toBe(2 + DEFAULT_PAGE_SIZE);
    expect(estimate(query, { n: null }).cost).toBe(2 + DEFAULT_PAGE_SIZE);
    expect(estimate(query, { n: 10_000 }).cost).toBe(2 + MAX_PAGE_SIZE);
    expect(estimate(query, { n: 'lots' }).cost).toBe(2 + DEFAULT_PAGE_SIZE);
  });

  it('multiplies nested pages and counts their Queries per parent value', () => {
    const query = '{ openJobs(limit: 10) { items { applications(limit: 5) { items { id } } } } }';
    // 1 + 1 + 10 × (applications + items + 5 × id) = 72; 1 Query + 10 × Job.applications' three steps.
    expect(estimate(query)).toEqual({ cost: 72, dynamodbCalls: 1 + 10 * 3 });
  });

  it('counts items fetched by key as BatchGetItem calls of up to 100 keys', () => {
    const query = '{ applicationsByJob(jobId: "j", limit: 100) { items { candidate { name } job { title } } } }';
    // applicationsByJob's four steps (the job, the membership by user and by email, the Query), then
    // 100 candidates and 100 jobs by key: one batch each.
    expect(estimate(query).dynamodbCalls).toBe(4 + 2);
    expect(estimate('{ a: company(id: "1") { name } b: company(id: "2") { name } }').dynamodbCalls).toBe(1);
  });

  it('counts fragments where they are spread, aliases separately, and __typename as free', () => {
    const query = '{ a: openJobs(limit: 3) { ...Page } b: openJobs(limit: 3) { ...Page __typename } } fragment Page on JobConnection { items { id title __typename } }';
    expect(estimate(query)).toEqual({ cost: 2 * (1 + 1 + 3 * 2), dynamodbCalls: 2 });
  });

  it('counts each mutation as its calls, and lists without a limit as 10 entries', () => {
    expect(estimate('mutation { a: createJob(input: { companyId: "c", title: "t" }) { id } b: createJob(input: { companyId: "c", title: "t" }) { id } }').dynamodbCalls).toBe(
      2 * calls.get('Mutation.createJob')!,
    );
    expect(estimate('{ application(id: "a") { history { stage at } } }').cost).toBe(1 + 1 + 10 * 2);
  });

  it('keeps every SDK operation within the API key’s budget at 100 items a page', () => {
    const hundred = { jobsLimit: 100, limit: 100, applicationsLimit: 100 };
    const company = estimate(print(sdk.CompanyDocument), hundred);
    // A job's fields: 11 scalars and a salary of 3 (JobFields).
    // The company, then Company.jobs' three steps (the recruiter's membership, by user and by email, then the Query).
    expect(company).toEqual({ cost: 4 + 1 + 1 + 1 + 100 * 15 + 1, dynamodbCalls: 1 + 3 });
    expect(estimate(print(sdk.JobsByCompanyDocument), hundred).cost).toBe(3 + 100 * 15);
    expect(estimate(print(sdk.OpenJobsDocument), hundred)).toEqual({ cost: 3 + 100 * 15, dynamodbCalls: 1 });
    expect(estimate(print(sdk.CompaniesDocument), hundred)).toEqual({ cost: 3 + 100 * 4, dynamodbCalls: 1 });
    for (const document of [sdk.CompanyDocument, sdk.JobsByCompanyDocument, sdk.OpenJobsDocument, sdk.CompaniesDocument, sdk.JobDocument]) {
      const { cost, dynamodbCalls } = estimate(print(document), hundred);
      expect(cost).toBeLessThanOrEqual(API_KEY_BUDGET.limits.cost!);
      expect(dynamodbCalls).toBeLessThanOrEqual(API_KEY_BUDGET.limits.dynamodbCalls!);
    }
  });
});

describe('createCostEstimator', () => {
  it('keeps an operation’s estimate per page size of its limit variables, and only those', () => {
    const estimator = createCostEstimator(schema, options);
    const document = parse('query ($n: Int, $id: ID!) { openJobs(filter: { companyId: $id }, limit: $n) { items { id } } }');
    const operation = getOperationAST(document)!;
    const ten = estimator(document, operation, { n: 10, id: 'a' });
    expect(ten).toEqual({ cost: 12, dynamodbCalls: 1 });
    expect(estimator(document, operation, { n: 10, id: 'b' })).toBe(ten);
    expect(estimator(document, operation, { n: 100, id: 'a' })).toEqual({ cost: 102, dynamodbCalls: 1 });
    expect(estimator(document, operation, { n: 1_000, id: 'a' })).toEqual({ cost: 102, dynamodbCalls: 1 });
    expect(estimator(document, operation, { id: 'a' })).toEqual({ cost: 2 + DEFAULT_PAGE_SIZE, dynamodbCalls: 1 });
  });
});

describe('measureDocument', () => {
  it('measures depth (fragments flattened), aliases (not __typename) and directives over every operation', () => {
    const document = parse(
      'query A { x: company(id: "1") { ...F } } query B { company(id: "2") @include(if: true) { name @skip(if: false) __typename: __typename } } fragment F on Company { jobs { items { id } } }',
    );
    expect(measureDocument(document)).toEqual({ depth: 4, aliases: 1, directives: 2, introspection: false, data: true });
    expect(measureDocument(parse('{ __type(name: "Job") { name } }')).introspection).toBe(true);
  });

  it('tells a document selecting only __schema, __type and __typename from one that selects data', () => {
    expect(measureDocument(parse('{ __typename __type(name: "Job") { name fields { name } } ...S } fragment S on Query { __schema { types { name } } }')).data).toBe(false);
    expect(measureDocument(parse('{ __schema { queryType { name } } company(id: "1") { id } }')).data).toBe(true);
  });

  it('measures a document once and hands back the same measure', () => {
    const document = parse('{ company(id: "1") { name } }');
    expect(measureDocument(document)).toBe(measureDocument(document));
  });
});

describe('tokensOver', () => {
  it('counts the tokens the parser counts (comments and commas free) only when over the limit', () => {
    expect(tokensOver('{ a b c }', 5)).toBeNull();
    expect(tokensOver('{ a, b, c, d, e, f } # a long comment', 5)).toBe(8);
    expect(tokensOver(`# ${'x'.repeat(100)}\n{ a }`, 5)).toBeNull();
    expect(tokensOver('{ a b c d e f', 5)).toBe(7);
  });
});

describe('the trusted-documents manifest', () => {
  const documents = Object.entries(sdk).filter(([name]) => name.endsWith('Document') && !name.endsWith('FragmentDoc'));

  it('holds every SDK operation by the SHA-256 of its exact text (print of the TypedDocumentNode)', () => {
    expect(documents.length).toBeGreaterThanOrEqual(11);
    for (const [name, document] of documents) {
      const text = print(document as Parameters<typeof print>[0]);
      expect(trustedDocuments[createHash('sha256').update(text).digest('hex')], name).toBe(text);
    }
  });

  it('holds nothing else: the SDK’s texts and Apollo Client’s (with __typename), one each per operation', () => {
    expect(Object.keys(trustedDocuments)).toHaveLength(2 * documents.length);
    for (const [hash, text] of Object.entries(trustedDocuments)) expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
  });
});
