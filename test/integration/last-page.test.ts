/**
 * No list ends on an empty page (DDB-06: nextToken is null when there are no more pages): for every
 * list kind of the API, a page that ends exactly at the last item carries a null nextToken, through
 * the SDK against DynamoDB Local. Before, DynamoDB's LastEvaluatedKey at the limit gave such a page
 * a token that led to an empty one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApplicationsByJobDocument,
  ApplyToJobDocument,
  CandidateDocument,
  CompaniesDocument,
  CompanyDocument,
  CreateCompanyDocument,
  CreateJobDocument,
  JobsByCompanyDocument,
  MoveApplicationDocument,
  OpenJobsDocument,
  type CreateJobInput,
} from '@hiring/sdk';
import { createHiringApi, RECRUITER_SUB, type HiringApi } from '../helpers/hiring';
import { createHiringSdk, type HiringSdk } from '../helpers/sdk';

type Page = { items: unknown[]; nextToken?: string | null };

/** The size of each page of a list read with `read`, to its end. */
async function pageSizes(read: (nextToken: string | null) => Promise<Page>): Promise<number[]> {
  const sizes: number[] = [];
  let nextToken: string | null = null;
  do {
    const page: Page = await read(nextToken);
    sizes.push(page.items.length);
    nextToken = page.nextToken ?? null;
  } while (nextToken && sizes.length < 20);
  return sizes;
}

let hiring: HiringApi;
let sdk: HiringSdk;
const companies: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };
let jobId: string;
let candidateId: string;

beforeAll(async () => {
  // A database of its own: the test knows every company and job in it.
  hiring = await createHiringApi();
  sdk = await createHiringSdk(hiring);
  for (const key of ['a', 'b', 'c', 'd'] as const) {
    companies[key] = (await sdk.admin.request(CreateCompanyDocument, { input: { name: `Company ${key}` } })).createCompany.id;
    await hiring.addRecruiter(companies[key], { userId: RECRUITER_SUB });
  }
  const job = async (companyId: string, input: Partial<CreateJobInput> = {}) =>
    (await sdk.recruiter.request(CreateJobDocument, { input: { companyId, title: 'Engineer', status: 'OPEN', ...input } })).createJob.id;
  // a: 4 open jobs. b: 3 on-site, then (newer) 4 remote. d: 2 drafts and 3 open. 14 open jobs in all.
  const aJobs = [];
  for (let i = 0; i < 4; i += 1) aJobs.push(await job(companies.a));
  for (let i = 0; i < 3; i += 1) await job(companies.b, { remote: false });
  for (let i = 0; i < 4; i += 1) await job(companies.b, { remote: true });
  for (let i = 0; i < 2; i += 1) await job(companies.d, { status: 'DRAFT' });
  for (let i = 0; i < 3; i += 1) await job(companies.d);
  // 4 applications to the first job of a, 2 of them in SCREEN; one candidate applies to all of a's jobs.
  jobId = aJobs[0]!;
  candidateId = (await hiring.aCandidate({ companyId: companies.a })).id;
  for (const id of aJobs) await sdk.recruiter.request(ApplyToJobDocument, { jobId: id, candidateId });
  for (let i = 0; i < 3; i += 1) {
    const { applyToJob } = await sdk.recruiter.request(ApplyToJobDocument, { jobId, candidateId: (await hiring.aCandidate({ companyId: companies.a })).id });
    if (i < 2) await sdk.recruiter.request(MoveApplicationDocument, { id: applyToJob.id, stage: 'SCREEN', expectedVersion: 1 });
  }
});
afterAll(() => sdk?.close());

describe('DDB-06 no empty last page', () => {
  it('Query.jobsByCompany, for recruiters (GSI1) and for the API key (GSI4)', async () => {
    const read = (client: typeof sdk.recruiter, companyId: string, limit: number) => (nextToken: string | null) =>
      client.request(JobsByCompanyDocument, { companyId, limit, nextToken }).then(({ jobsByCompany }) => jobsByCompany);
    expect(await pageSizes(read(sdk.recruiter, companies.a, 2))).toEqual([2, 2]);
    expect(await pageSizes(read(sdk.recruiter, companies.a, 4))).toEqual([4]);
    expect(await pageSizes(read(sdk.recruiter, companies.d, 5))).toEqual([5]);
    expect(await pageSizes(read(sdk.jobBoard, companies.d, 3))).toEqual([3]);
    expect(await pageSizes(read(sdk.jobBoard, companies.d, 1))).toEqual([1, 1, 1]);
    expect(await pageSizes(read(sdk.recruiter, companies.c, 2))).toEqual([0]);
  });

  it('Company.jobs', async () => {
    const read = (limit: number) => (nextToken: string | null) =>
      sdk.jobBoard.request(CompanyDocument, { id: companies.a, jobsLimit: limit, jobsNextToken: nextToken }).then(({ company }) => company!.jobs);
    expect(await pageSizes(read(2))).toEqual([2, 2]);
    expect(await pageSizes(read(4))).toEqual([4]);
  });

  it('Query.openJobs, unfiltered (GSI3) and by company (GSI4)', async () => {
    const read = (filter: { companyId?: string } | null, limit: number) => (nextToken: string | null) =>
      sdk.jobBoard.request(OpenJobsDocument, { filter, limit, nextToken }).then(({ openJobs }) => openJobs);
    expect(await pageSizes(read(null, 7))).toEqual([7, 7]);
    expect(await pageSizes(read(null, 14))).toEqual([14]);
    expect(await pageSizes(read({ companyId: companies.b }, 7))).toEqual([7]);
  });

  it('Query.openJobs with a filter whose last match is followed by items that do not match', async () => {
    const read = (filter: { companyId?: string; remote: boolean }, limit: number) => (nextToken: string | null) =>
      sdk.jobBoard.request(OpenJobsDocument, { filter, limit, nextToken }).then(({ openJobs }) => openJobs);
    // Newest first: b's 4 remote jobs, then its 3 on-site ones (and, on GSI3, every older job).
    expect(await pageSizes(read({ remote: true }, 2))).toEqual([2, 2]);
    expect(await pageSizes(read({ companyId: companies.b, remote: true }, 2))).toEqual([2, 2]);
    expect(await pageSizes(read({ companyId: companies.b, remote: true }, 4))).toEqual([4]);
    // The on-site jobs come after the remote ones: the first range of b holds no match, and is not sent empty.
    expect(await pageSizes(read({ companyId: companies.b, remote: false }, 2))).toEqual([2, 1]);
    expect(await pageSizes(read({ companyId: companies.c, remote: true }, 2))).toEqual([0]);
  });

  it('Query.companies', async () => {
    const read = (limit: number) => (nextToken: string | null) => sdk.jobBoard.request(CompaniesDocument, { limit, nextToken }).then(({ companies: page }) => page);
    expect(await pageSizes(read(2))).toEqual([2, 2]);
    expect(await pageSizes(read(4))).toEqual([4]);
  });

  it('Query.applicationsByJob, all stages and one stage', async () => {
    const read = (stage: 'SCREEN' | null, limit: number) => (nextToken: string | null) =>
      sdk.recruiter.request(ApplicationsByJobDocument, { jobId, stage, limit, nextToken }).then(({ applicationsByJob }) => applicationsByJob);
    expect(await pageSizes(read(null, 2))).toEqual([2, 2]);
    expect(await pageSizes(read('SCREEN', 2))).toEqual([2]);
    expect(await pageSizes(read('SCREEN', 1))).toEqual([1, 1]);
  });

  it('Job.applications', async () => {
    const query = 'query ($id: ID!, $limit: Int, $nextToken: String) { job(id: $id) { applications(limit: $limit, nextToken: $nextToken) { items { id } nextToken } } }';
    const read = (limit: number) => (nextToken: string | null) => hiring.ok(query, { id: jobId, limit, nextToken }).then(({ job }) => job.applications as Page);
    expect(await pageSizes(read(2))).toEqual([2, 2]);
    expect(await pageSizes(read(4))).toEqual([4]);
  });

  it('Candidate.applications', async () => {
    const read = (limit: number) => (nextToken: string | null) =>
      sdk.recruiter.request(CandidateDocument, { id: candidateId, applicationsLimit: limit, applicationsNextToken: nextToken }).then(({ candidate }) => candidate!.applications);
    expect(await pageSizes(read(2))).toEqual([2, 2]);
    expect(await pageSizes(read(4))).toEqual([4]);
  });

  it('costs one more Query for a page that stopped at its limit, reading one item (unfiltered) or one range (filtered)', async () => {
    const doc = hiring.api.db.doc;
    const send = doc.send.bind(doc) as (command: unknown) => Promise<unknown>;
    const limits: number[] = [];
    // Observation only: every call goes through.
    doc.send = ((command: { constructor: { name: string }; input: { Limit?: number } }) => {
      if (command.constructor.name === 'QueryCommand') limits.push(command.input.Limit ?? 0);
      return send(command);
    }) as unknown as typeof doc.send;
    try {
      await sdk.jobBoard.request(OpenJobsDocument, { filter: { companyId: companies.a }, limit: 2 });
      expect(limits).toEqual([2, 1]);
      limits.length = 0;
      await sdk.jobBoard.request(OpenJobsDocument, { filter: { companyId: companies.a }, limit: 5 });
      expect(limits).toEqual([5]);
      limits.length = 0;
      await sdk.jobBoard.request(OpenJobsDocument, { filter: { companyId: companies.b, remote: true }, limit: 2 });
      expect(limits).toEqual([2, 100]);
    } finally {
      doc.send = send as typeof doc.send;
    }
  });
});
