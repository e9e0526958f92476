/**
 * Query budgets per authorization mode (the engine's `DEFAULT_QUERY_BUDGETS`, docs/limits.md), through the real handler with the
 * deployed budgets. The API key is not held to the trusted documents here, so its own budget is
 * what stands between an attacker's document and the resolvers (trusted-documents.test.ts covers
 * the manifest, which refuses these documents earlier still).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { getIntrospectionQuery } from 'graphql';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_KEY_BUDGET, SIGNED_IN_BUDGET } from '@appsync-lambda/engine';
import type { EventOptions } from '@appsync-lambda/test-support';
import { createHiringApi, type HiringApi } from '../helpers/hiring';

let hiring: HiringApi;
let companyId: string;
let dynamodbCalls = 0;
const logger = new Logger({ serviceName: 'query-budgets-test', logLevel: 'SILENT' });
const errorLogs = vi.spyOn(logger, 'error');

beforeAll(async () => {
  hiring = await createHiringApi({ trustedDocuments: undefined, logger });
  companyId = (await hiring.aCompany({ name: 'Budget Co' })).id;
  await hiring.aJob(companyId);
  const send = hiring.api.db.doc.send.bind(hiring.api.db.doc);
  // Counts the DynamoDB requests the handler makes (observation only: every call goes through).
  hiring.api.db.doc.send = ((...args: Parameters<typeof send>) => {
    dynamodbCalls += 1;
    return send(...args);
  }) as typeof send;
});

let callsBefore = 0;
afterEach(() => {
  callsBefore = dynamodbCalls;
});

const aliases = (count: number, field = (i: number) => `a${i}: jobsByCompany(companyId: "${companyId}", limit: 100) { items { id title } }`) =>
  `{ ${Array.from({ length: count }, (_, i) => field(i)).join(' ')} }`;

/** Sends the query and expects the single QueryLimitExceeded error, with nothing run and nothing logged at ERROR. */
async function refused(query: string, caller: EventOptions, errorInfo: { limit: string; maximum: number; actual: number }, variables?: Record<string, unknown>) {
  const before = dynamodbCalls;
  errorLogs.mockClear();
  const { status, body } = await hiring.api.graphql(query, variables, caller);
  expect(status).toBe(400);
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  expect(body.errors![0]).toMatchObject({ errorType: 'QueryLimitExceeded', errorInfo, path: null, extensions: { errorType: 'QueryLimitExceeded', errorInfo } });
  expect(dynamodbCalls).toBe(before);
  expect(errorLogs).not.toHaveBeenCalled();
}

describe('query budgets', () => {
  it('refuses an API-key request with 9,999 or 2,000 aliases of jobsByCompany(limit: 100) before anything runs', async () => {
    // Such texts are larger than any document may be (MAX_QUERY_BYTES): 413 before they are read.
    for (const [count, limit] of [[9_999, 'requestBytes'], [2_000, 'queryBytes']] as const) {
      const before = dynamodbCalls;
      const { status, body } = await hiring.api.graphql(aliases(count), undefined, hiring.jobBoard);
      expect(status).toBe(413);
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]).toMatchObject({ errorType: 'RequestTooLarge', errorInfo: { limit } });
      expect(dynamodbCalls).toBe(before);
    }
    // 500 fit the size limit; 18 tokens an alias, plus the braces: far over the token limit, checked before the text is parsed.
    await refused(aliases(500), hiring.jobBoard, { limit: 'tokens', maximum: 1_000, actual: 18 * 500 + 2 });
    // Within the token limit (10 tokens an alias), the alias count refuses it.
    const compact = `{ ${Array.from({ length: 60 }, (_, i) => `a${i}:jobsByCompany(companyId:"c"){nextToken}`).join(' ')} }`;
    await refused(compact, hiring.jobBoard, { limit: 'aliases', maximum: API_KEY_BUDGET.limits.aliases!, actual: 60 });
  });

  it('refuses the same flood from a signed-in user, whose budget is larger but bounded', async () => {
    await refused(aliases(500), hiring.recruiter, { limit: 'tokens', maximum: SIGNED_IN_BUDGET.limits.tokens!, actual: 18 * 500 + 2 });
    const many = `{ ${Array.from({ length: 51 }, (_, i) => `a${i}: job(id: "x${i}") { id }`).join(' ')} }`;
    await refused(many, hiring.recruiter, { limit: 'aliases', maximum: 50, actual: 51 });
  });

  it('counts tokens as the parser does (comments are free) and reports the measured count', async () => {
    const padded = `# ${'x'.repeat(5_000)}\n{ company(id: "${companyId}") { name } }`;
    expect((await hiring.api.graphql(padded, undefined, hiring.jobBoard)).body.errors).toBeUndefined();
    const fields = Array.from({ length: 500 }, () => 'name').join(' ');
    // `{ company(id: "…") {` is 8 tokens, then the fields and 2 closing braces.
    const within = await hiring.api.graphql(`{ company(id: "${companyId}") { ${fields} } }`, undefined, hiring.jobBoard);
    expect(within.body.errors).toBeUndefined();
    await refused(`{ company(id: "${companyId}") { ${fields} ${fields} } }`, hiring.jobBoard, { limit: 'tokens', maximum: 1_000, actual: 1_010 });
  });

  it('refuses an operation deeper than the mode’s depth limit (fragments flattened)', async () => {
    const deep = 'query ($id: ID!) { company(id: $id) { jobs { items { applications { items { job { id } } } } } } }';
    await refused(deep, hiring.jobBoard, { limit: 'depth', maximum: 6, actual: 7 }, { id: companyId });
    const viaFragment = 'query ($id: ID!) { company(id: $id) { ...C } } fragment C on Company { jobs { items { applications { items { job { id } } } } } }';
    await refused(viaFragment, hiring.jobBoard, { limit: 'depth', maximum: 6, actual: 7 }, { id: companyId });
  });

  it('refuses more directives than the mode allows', async () => {
    const twice = '@include(if: true) @skip(if: false)';
    await refused(`{ company(id: "${companyId}") { name ${twice} website ${twice} createdAt ${twice} } }`, hiring.jobBoard, { limit: 'directives', maximum: 5, actual: 6 });
  });

  it('estimates cost as fields times list limits, from literals and variables, absent limits counting the default page of 20', async () => {
    // openJobs, one Query: three pages stay within the API key's DynamoDB calls.
    const page = 'openJobs(filter: { companyId: $id }, limit: $limit) { items { id companyId title description location status createdAt updatedAt } nextToken }';
    const three = `query ($id: ID!, $limit: Int) { a: ${page} b: ${page} c: ${page} }`;
    // Per alias: openJobs + items + nextToken + 100 jobs × 8 fields = 803.
    await refused(three, hiring.jobBoard, { limit: 'cost', maximum: 2_000, actual: 3 * 803 }, { id: companyId, limit: 100 });
    // With the default page size (limit absent) the same document costs 3 × (3 + 20 × 8) = 489.
    const { body } = await hiring.api.graphql(three, { id: companyId }, hiring.jobBoard);
    expect(body.errors).toBeUndefined();
    expect(body.data?.a.items).toHaveLength(1);
    // A signed-in user's budget takes the 100-item pages.
    const recruiter = await hiring.api.graphql(three, { id: companyId, limit: 100 }, hiring.recruiter);
    expect(recruiter.body.errors).toBeUndefined();
  });

  it('estimates DynamoDB calls: a page is a Query, items fetched by key are batched 100 to a call', async () => {
    const page = 'openJobs(filter: { companyId: $id }, limit: 1) { nextToken }';
    const pages = `query ($id: ID!) { ${page} ${Array.from({ length: 4 }, (_, i) => `p${i}: ${page}`).join(' ')} company(id: $id) { name } }`;
    // 5 Queries + 1 GetItem (batched) = 6 calls, one more than the API key's 5.
    await refused(pages, hiring.jobBoard, { limit: 'dynamodbCalls', maximum: 5, actual: 6 }, { id: companyId });
    // Each step of a pipeline counts: jobsByCompany checks the recruiter's membership (two GetItems) before its Query.
    const board = 'query ($id: ID!) { a: jobsByCompany(companyId: $id, limit: 1) { nextToken } b: jobsByCompany(companyId: $id, limit: 1) { nextToken } }';
    await refused(board, hiring.jobBoard, { limit: 'dynamodbCalls', maximum: 5, actual: 6 }, { id: companyId });
  });

  it('checks a document Apollo has cached (validated for a signed-in user) against the API key’s budget', async () => {
    const page = 'jobsByCompany(companyId: $id, limit: 100) { items { id companyId title description location status createdAt updatedAt } }';
    const query = `query Cached($id: ID!) { a: ${page} b: ${page} c: ${page} }`;
    const first = await hiring.api.graphql(query, { id: companyId }, hiring.recruiter);
    expect(first.body.errors).toBeUndefined();
    await refused(query, hiring.jobBoard, { limit: 'cost', maximum: 2_000, actual: 3 * 802 }, { id: companyId });
  });

  it('LIM-04 keeps introspection from the API key by default, and for signed-in users', async () => {
    const query = '{ __schema { queryType { name } } }';
    const { status, body } = await hiring.api.graphql(query, undefined, hiring.jobBoard);
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError', message: expect.stringMatching(/introspection/) })]);
    const recruiter = await hiring.api.graphql(query, undefined, hiring.recruiter);
    expect(recruiter.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('lets signed-in users load the schema with GraphiQL’s introspection query, deeper than their depth limit', async () => {
    const introspection = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true });
    const { status, body } = await hiring.api.graphql(introspection, undefined, hiring.recruiter);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({ __schema: { queryType: { name: 'Query' } } });
    // Mixed with a data field, the same document is held to the mode's depth limit.
    const mixed = introspection.replace('__schema {', `company(id: "${companyId}") { id } __schema {`);
    await refused(mixed, hiring.recruiter, { limit: 'depth', maximum: SIGNED_IN_BUDGET.limits.depth!, actual: 15 });
  });

  it('gives the API key no field suggestions ("Did you mean …?"); signed-in users keep them', async () => {
    const query = `{ compny(id: "${companyId}") { name } }`;
    const jobBoard = await hiring.api.graphql(query, undefined, hiring.jobBoard);
    const recruiter = await hiring.api.graphql(query, undefined, hiring.recruiter);
    for (const answer of [jobBoard, recruiter]) {
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError', message: expect.stringContaining('"compny"') })]);
    }
    expect(jobBoard.body.errors![0]!.message).not.toContain('"company"');
    expect(recruiter.body.errors![0]!.message).toContain('"company"');
  });

  it('runs requests within budget', async () => {
    const { body } = await hiring.api.graphql('query ($id: ID!) { company(id: $id) { name jobs(limit: 100) { items { title } } } }', { id: companyId }, hiring.jobBoard);
    expect(body.errors).toBeUndefined();
    expect(body.data?.company.jobs.items).toHaveLength(1);
    expect(dynamodbCalls).toBeGreaterThan(callsBefore);
  });
});
