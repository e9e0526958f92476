/**
 * The local stack's sample data (scripts/lib/seed.ts), run over HTTP against the real handler: it
 * covers every job status and every stage, through the API's own mutations (closeJob included), and
 * the job counts it leaves agree with the applications stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../scripts/lib/seed';
import { seedCandidates, seedCompanies } from '../../scripts/lib/seed-data';
import { OpenJobsDocument } from '@hiring/sdk';
import { createHiringApi, storedItems, type HiringApi } from '../helpers/hiring';
import { startLocalHttpApi, type LocalHttpApi } from '../helpers/http-server';
import { createHiringSdk, type HiringSdk } from '../helpers/sdk';

let hiring: HiringApi;
let server: LocalHttpApi;
let sdk: HiringSdk;
let items: Array<Record<string, any>>;

beforeAll(async () => {
  hiring = await createHiringApi();
  server = await startLocalHttpApi((event) => hiring.api.invoke(event));
  sdk = await createHiringSdk(hiring);
  const counts = await seed(`${server.origin}/graphql`, undefined, hiring.admin.headers);
  expect(counts).toEqual({
    companies: seedCompanies.length,
    recruiters: seedCompanies.reduce((total, company) => total + company.recruiters.length, 0),
    jobs: seedCompanies.reduce((total, company) => total + company.jobs.length, 0),
    candidates: seedCandidates.length,
    applications: seedCandidates.reduce((total, candidate) => total + candidate.applications.length, 0),
    // No candidate user given: nobody is linked.
    linked: 0,
  });
  items = await storedItems(hiring.api);
});
afterAll(async () => {
  await server?.close();
  await sdk?.close();
});

const ofType = (typename: string) => items.filter((item) => item.__typename === typename);
/** A job's counts item (JOB#<id> / #COUNTS), or an empty one when the job has none. */
const countsOf = (jobId: string) => items.find((item) => item.PK === `JOB#${jobId}` && item.SK === '#COUNTS') ?? {};

describe('seed', () => {
  it('stores jobs in every status and applications in every stage', () => {
    expect(new Set(ofType('Job').map((job) => job.status))).toEqual(new Set(['DRAFT', 'OPEN', 'CLOSED']));
    expect(new Set(ofType('Application').map((application) => application.stage))).toEqual(new Set(['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED', 'WITHDRAWN']));
    const closed = ofType('Job').find((job) => job.status === 'CLOSED')!;
    expect(closed).toMatchObject({ version: 2 });
    expect(countsOf(closed.id)).toMatchObject({ applicationCount: 1 });
  });

  it('leaves every job’s counts equal to its stored applications', () => {
    for (const job of ofType('Job')) {
      const applications = ofType('Application').filter((application) => application.jobId === job.id);
      const counts = countsOf(job.id);
      expect(counts.applicationCount ?? 0, job.title).toBe(applications.length);
      for (const stage of ['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED', 'WITHDRAWN']) {
        expect(counts[`stageCount_${stage}`] ?? 0, `${job.title} ${stage}`).toBe(applications.filter((application) => application.stage === stage).length);
      }
    }
  });

  it('makes each company’s recruiters (by email) recruiters of that company alone, whose candidates are those who applied to it', async () => {
    for (const company of seedCompanies) {
      const stored = ofType('Company').find((item) => item.name === company.name)!;
      expect(ofType('CompanyRecruiter').filter((item) => item.companyId === stored.id).map((item) => item.email)).toEqual(company.recruiters);
      const titles = new Set(company.jobs.map((job) => job.title));
      const applied = new Set(seedCandidates.filter((candidate) => candidate.applications.some(({ job }) => titles.has(job))).map((candidate) => candidate.email));
      const knownIds = ofType('CandidateCompany').filter((item) => item.companyId === stored.id).map((item) => item.candidateId);
      expect(new Set(ofType('Candidate').filter((candidate) => knownIds.includes(candidate.id)).map((candidate) => candidate.email))).toEqual(applied);
    }
    expect(ofType('RecruiterCompany')).toHaveLength(ofType('CompanyRecruiter').length);
  });

  it('puts exactly its OPEN jobs on the job board', async () => {
    const { openJobs } = await sdk.jobBoard.request(OpenJobsDocument, { limit: 100 });
    const open = ofType('Job').filter((job) => job.status === 'OPEN');
    expect(new Set(openJobs.items.map(({ title }) => title))).toEqual(new Set(open.map((job) => job.title)));
    expect(openJobs.nextToken).toBeNull();
  });
});
