/**
 * Pagination tokens through the real handler: opaque, bound to the list that minted them, strictly
 * parsed. A token that does not belong to the request is InvalidNextToken, never a DynamoDB error.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createHiringApi, type HiringApi } from '../helpers/hiring';

const JOBS_BY_COMPANY = /* GraphQL */ `
  query ($companyId: ID!, $limit: Int, $nextToken: String) {
    jobsByCompany(companyId: $companyId, limit: $limit, nextToken: $nextToken) { items { id title } nextToken }
  }
`;
const COMPANY_JOBS = /* GraphQL */ `
  query ($id: ID!, $limit: Int, $nextToken: String) { company(id: $id) { jobs(limit: $limit, nextToken: $nextToken) { items { id } nextToken } } }
`;
const APPLY = 'mutation ($jobId: ID!, $candidateId: ID!) { applyToJob(jobId: $jobId, candidateId: $candidateId) { id } }';
const BY_JOB = /* GraphQL */ `
  query ($jobId: ID!, $stage: Stage, $limit: Int, $nextToken: String) {
    applicationsByJob(jobId: $jobId, stage: $stage, limit: $limit, nextToken: $nextToken) { items { id } nextToken }
  }
`;

let hiring: HiringApi;
let companyA: string;
let companyB: string;
const titles = ['one', 'two', 'three', 'four', 'five'];

beforeAll(async () => {
  // Tokens are the subject here, not documents: the job board may send these lists' ad-hoc documents.
  hiring = await createHiringApi({ trustedDocuments: undefined });
  companyA = (await hiring.aCompany({ name: 'Company A' })).id;
  companyB = (await hiring.aCompany({ name: 'Company B' })).id;
  for (const title of titles) await hiring.aJob(companyA, { title });
  for (const title of titles) await hiring.aJob(companyB, { title });
});

async function firstTokenOf(companyId: string): Promise<string> {
  const { jobsByCompany } = await hiring.ok(JOBS_BY_COMPANY, { companyId, limit: 2 });
  expect(jobsByCompany.nextToken).toEqual(expect.any(String));
  return jobsByCompany.nextToken;
}

/** Runs the query as the job board and expects one InvalidNextToken error with the generic message. */
async function expectInvalidToken(query: string, variables: Record<string, unknown>) {
  const { status, body } = await hiring.api.graphql(query, variables, hiring.jobBoard);
  expect(status).toBe(200);
  expect(body.errors).toHaveLength(1);
  expect(body.errors![0]).toMatchObject({ errorType: 'InvalidNextToken', message: 'The pagination token is invalid or belongs to another list.' });
  expect(JSON.stringify(body)).not.toMatch(/DynamoDB|starting key|ValidationException/i);
}

describe('Query.jobsByCompany', () => {
  it('DDB-06 pages through every job of a company with opaque tokens, as the job board', async () => {
    const seen: string[] = [];
    let nextToken: string | null = null;
    let pages = 0;
    do {
      const { body }: { body: any } = await hiring.api.graphql(JOBS_BY_COMPANY, { companyId: companyA, limit: 2, nextToken }, hiring.jobBoard);
      expect(body.errors).toBeUndefined();
      seen.push(...body.data.jobsByCompany.items.map((job: { title: string }) => job.title));
      nextToken = body.data.jobsByCompany.nextToken;
      pages += 1;
    } while (nextToken && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...titles].reverse());
  });

  it('DDB-06 tokens show no key layout: no key attribute name, key prefix, id or timestamp, even base64-decoded', async () => {
    const token = await firstTokenOf(companyA);
    const decoded = Buffer.from(token, 'base64url').toString('latin1');
    for (const text of [token, decoded]) {
      // Strings of 4+ characters: a short one (PK) turns up in random bytes now and then.
      for (const readable of ['GSI1PK', 'GSI1SK', 'COMPANY', 'JOB#', '#META', companyA, companyA.slice(0, 8), `${new Date().getUTCFullYear()}-`]) {
        expect(text).not.toContain(readable);
      }
    }
  });

  it('DDB-06 company A’s token on company B is InvalidNextToken, not a DynamoDB error', async () => {
    const token = await firstTokenOf(companyA);
    await expectInvalidToken(JOBS_BY_COMPANY, { companyId: companyB, limit: 2, nextToken: token });
  });

  it('DDB-06 a token of another resolver over the same list is InvalidNextToken (Query.jobsByCompany → Company.jobs)', async () => {
    const token = await firstTokenOf(companyA);
    await expectInvalidToken(COMPANY_JOBS, { id: companyA, limit: 2, nextToken: token });
    const { company } = await hiring.ok(COMPANY_JOBS, { id: companyA, limit: 2 });
    await expectInvalidToken(JOBS_BY_COMPANY, { companyId: companyA, limit: 2, nextToken: company.jobs.nextToken });
  });

  it('DDB-06 tampered, truncated, extended, oversized and made-up tokens are InvalidNextToken', async () => {
    const token = await firstTokenOf(companyA);
    const bytes = Buffer.from(token, 'base64url');
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0x40;
    const forged = Buffer.from(JSON.stringify({ r: 'Query.jobsByCompany', k: { PK: 'JOB#x', SK: '#META' } })).toString('base64url');
    for (const nextToken of [bytes.toString('base64url'), token.slice(0, -3), `${token}x`, `${token}AAAA`, `${token}.${token}`, 'A'.repeat(100_000), forged, '']) {
      await expectInvalidToken(JOBS_BY_COMPANY, { companyId: companyA, limit: 2, nextToken });
    }
  });

  it('DDB-06 a token stays valid when only the page size changes', async () => {
    const token = await firstTokenOf(companyA);
    const { jobsByCompany } = await hiring.ok(JOBS_BY_COMPANY, { companyId: companyA, limit: 10, nextToken: token });
    expect(jobsByCompany.items.map((job: { title: string }) => job.title)).toEqual(['three', 'two', 'one']);
    expect(jobsByCompany.nextToken).toBeNull();
  });
});

describe('Query.applicationsByJob', () => {
  it('DDB-06 a token of one stage’s list, or of another job, is InvalidNextToken', async () => {
    const job = await hiring.aJob(companyA);
    const otherJob = await hiring.aJob(companyA);
    for (let n = 0; n < 3; n += 1) {
      const candidate = await hiring.aCandidate();
      await hiring.ok(APPLY, { jobId: job.id, candidateId: candidate.id });
      await hiring.ok(APPLY, { jobId: otherJob.id, candidateId: candidate.id });
    }
    const { applicationsByJob } = await hiring.ok(BY_JOB, { jobId: job.id, stage: 'APPLIED', limit: 1 });
    const token = applicationsByJob.nextToken as string;
    expect(token).toEqual(expect.any(String));
    for (const variables of [{ jobId: job.id, stage: 'SCREEN' }, { jobId: job.id }, { jobId: otherJob.id, stage: 'APPLIED' }]) {
      const { body } = await hiring.api.graphql(BY_JOB, { ...variables, limit: 1, nextToken: token }, hiring.recruiter);
      expect(body.errors?.[0]).toMatchObject({ errorType: 'InvalidNextToken' });
    }
    const { applicationsByJob: next } = await hiring.ok(BY_JOB, { jobId: job.id, stage: 'APPLIED', limit: 5, nextToken: token });
    expect(next.items).toHaveLength(2);
  });
});
