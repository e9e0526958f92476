/**
 * The public job board through the SDK with the API key (held to the SDK's documents, as deployed):
 * it sees OPEN jobs only, wherever it looks; openJobs lists them newest first across companies,
 * narrowed by company, location, remote and employment type; companies lists companies by name.
 * The company's recruiters and admins see every status.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddCompanyRecruiterDocument,
  CloseJobDocument,
  CompaniesDocument,
  CompanyDocument,
  CreateCompanyDocument,
  CreateJobDocument,
  GraphQLRequestError,
  JobDocument,
  JobsByCompanyDocument,
  OpenJobsDocument,
  PublishJobDocument,
  UpdateJobDocument,
  type Client,
  type CreateJobInput,
  type OpenJobsFilter,
} from '@hiring/sdk';
import { createHiringApi, RECRUITER_SUB, type HiringApi } from '../helpers/hiring';
import { createHiringSdk, type HiringSdk } from '../helpers/sdk';
import { rejection } from '@appsync-lambda/test-support';

let hiring: HiringApi;
let sdk: HiringSdk;

beforeAll(async () => {
  hiring = await createHiringApi();
  sdk = await createHiringSdk(hiring);
});
afterAll(() => sdk?.close());

/** A company (made by an admin) whose recruiter sdk.recruiter is. */
async function aCompany(name: string) {
  const { createCompany } = await sdk.admin.request(CreateCompanyDocument, { input: { name } });
  await sdk.admin.request(AddCompanyRecruiterDocument, { input: { companyId: createCompany.id, userId: RECRUITER_SUB } });
  return createCompany;
}

async function aJob(companyId: string, input: Partial<CreateJobInput> = {}) {
  return (await sdk.recruiter.request(CreateJobDocument, { input: { companyId, title: 'Engineer', status: 'OPEN', ...input } })).createJob;
}

/** Every page of the board for `filter`, as `client`; checks that no page is empty unless the list is. */
async function board(client: Client, filter: OpenJobsFilter | null, limit = 2) {
  const ids: string[] = [];
  const pages: number[] = [];
  let nextToken: string | null | undefined = null;
  do {
    const { openJobs }: { openJobs: { items: Array<{ id: string }>; nextToken?: string | null } } = await client.request(OpenJobsDocument, { filter, limit, nextToken });
    ids.push(...openJobs.items.map(({ id }) => id));
    pages.push(openJobs.items.length);
    nextToken = openJobs.nextToken;
  } while (nextToken && pages.length < 50);
  if (ids.length > 0) expect(pages.every((size) => size > 0), `pages ${pages.join(',')}`).toBe(true);
  return ids;
}

describe('API key visibility', () => {
  it('Query.job is null for a DRAFT or CLOSED job with the API key; recruiters see every status', async () => {
    const company = await aCompany('Visible Co');
    const jobs = { DRAFT: await aJob(company.id, { status: 'DRAFT' }), OPEN: await aJob(company.id), CLOSED: await aJob(company.id, { status: 'CLOSED' }) };
    expect((await sdk.jobBoard.request(JobDocument, { id: jobs.OPEN.id })).job).toMatchObject({ id: jobs.OPEN.id, status: 'OPEN' });
    expect((await sdk.jobBoard.request(JobDocument, { id: jobs.DRAFT.id })).job).toBeNull();
    expect((await sdk.jobBoard.request(JobDocument, { id: jobs.CLOSED.id })).job).toBeNull();
    for (const [status, job] of Object.entries(jobs)) expect((await sdk.recruiter.request(JobDocument, { id: job.id })).job?.status).toBe(status);
  });

  it('jobsByCompany and Company.jobs list only OPEN jobs with the API key, every job for recruiters', async () => {
    const company = await aCompany('Listing Co');
    const open = await aJob(company.id);
    await aJob(company.id, { status: 'DRAFT' });
    await aJob(company.id, { status: 'CLOSED' });
    const { jobsByCompany } = await sdk.jobBoard.request(JobsByCompanyDocument, { companyId: company.id });
    expect(jobsByCompany).toEqual({ items: [open], nextToken: null });
    const { company: page } = await sdk.jobBoard.request(CompanyDocument, { id: company.id });
    expect(page?.jobs).toEqual({ items: [open], nextToken: null });
    expect((await sdk.recruiter.request(JobsByCompanyDocument, { companyId: company.id })).jobsByCompany.items.map(({ status }) => status).sort()).toEqual(['CLOSED', 'DRAFT', 'OPEN']);
    expect((await sdk.admin.request(CompanyDocument, { id: company.id })).company?.jobs.items).toHaveLength(3);
  });

  it('a job joins the board when published and leaves it when closed', async () => {
    const company = await aCompany('Lifecycle Board Co');
    const job = await aJob(company.id, { status: 'DRAFT' });
    expect(await board(sdk.jobBoard, { companyId: company.id })).toEqual([]);
    const { publishJob } = await sdk.recruiter.request(PublishJobDocument, { id: job.id, expectedVersion: 1 });
    expect(await board(sdk.jobBoard, { companyId: company.id })).toEqual([job.id]);
    expect((await sdk.jobBoard.request(JobDocument, { id: job.id })).job).toMatchObject({ status: 'OPEN', version: 2 });
    await sdk.recruiter.request(CloseJobDocument, { id: job.id, expectedVersion: publishJob.version });
    expect(await board(sdk.jobBoard, { companyId: company.id })).toEqual([]);
    expect(await board(sdk.jobBoard, null, 100)).not.toContain(job.id);
    expect((await sdk.jobBoard.request(JobDocument, { id: job.id })).job).toBeNull();
  });
});

describe('Query.openJobs', () => {
  it('lists OPEN jobs across companies, newest first, from the sparse index (no Scan)', async () => {
    const a = await aCompany('Board A');
    const b = await aCompany('Board B');
    const mine: Array<{ id: string; createdAt: string }> = [];
    for (const companyId of [a.id, b.id, a.id, b.id]) mine.push(await aJob(companyId));
    await aJob(a.id, { status: 'DRAFT' });
    await aJob(b.id, { status: 'CLOSED' });
    const listed = await board(sdk.jobBoard, null, 3);
    const newestFirst = [...mine].sort((x, y) => (`${y.createdAt}#${y.id}` < `${x.createdAt}#${x.id}` ? -1 : 1)).map(({ id }) => id);
    expect(listed.filter((id) => mine.some((job) => job.id === id))).toEqual(newestFirst);
    const { Items } = await hiring.api.db.doc.send(new QueryCommand({ TableName: hiring.api.db.tableName, IndexName: 'GSI3', KeyConditionExpression: 'GSI3PK = :open', ExpressionAttributeValues: { ':open': 'OPEN' } }));
    expect(Items!.every((item) => item.status === 'OPEN')).toBe(true);
    expect(new Set(listed)).toEqual(new Set(Items!.map((item) => item.id)));
  });

  it('narrows by company (GSI4) and by location, ignoring letter case and repeated spaces (GSI5)', async () => {
    const company = await aCompany('Located Co');
    const other = await aCompany('Elsewhere Co');
    const lyon = await aJob(company.id, { location: 'Lyon, France' });
    const berlin = await aJob(company.id, { location: 'Berlin' });
    const lyonElsewhere = await aJob(other.id, { location: 'lyon,  FRANCE ' });
    await aJob(company.id, { location: 'Lyon, France', status: 'DRAFT' });
    expect(new Set(await board(sdk.jobBoard, { companyId: company.id }))).toEqual(new Set([lyon.id, berlin.id]));
    expect(new Set(await board(sdk.jobBoard, { location: ' LYON, france' }))).toEqual(new Set([lyon.id, lyonElsewhere.id]));
    expect(await board(sdk.jobBoard, { companyId: company.id, location: 'Lyon, France' })).toEqual([lyon.id]);
    expect(await board(sdk.jobBoard, { location: 'Nowhere' })).toEqual([]);
  });

  it('narrows by remote and employment type, alone and with company or location', async () => {
    const company = await aCompany('Typed Co');
    const remoteContract = await aJob(company.id, { remote: true, employmentType: 'CONTRACT', location: 'Porto' });
    const remoteFull = await aJob(company.id, { remote: true, employmentType: 'FULL_TIME' });
    const onsiteContract = await aJob(company.id, { remote: false, employmentType: 'CONTRACT', location: 'Porto' });
    const intern = await aJob(company.id, { employmentType: 'INTERNSHIP' });
    expect(new Set(await board(sdk.jobBoard, { companyId: company.id, remote: true }))).toEqual(new Set([remoteContract.id, remoteFull.id]));
    expect(new Set(await board(sdk.jobBoard, { companyId: company.id, remote: false }))).toEqual(new Set([onsiteContract.id, intern.id]));
    expect(new Set(await board(sdk.jobBoard, { companyId: company.id, employmentType: 'CONTRACT' }))).toEqual(new Set([remoteContract.id, onsiteContract.id]));
    expect(await board(sdk.jobBoard, { location: 'porto', remote: true, employmentType: 'CONTRACT' })).toEqual([remoteContract.id]);
    expect(await board(sdk.jobBoard, { employmentType: 'INTERNSHIP' }, 1)).toContain(intern.id);
  });

  it('follows a job’s location and details when it is updated while OPEN', async () => {
    const company = await aCompany('Moving Co');
    const job = await aJob(company.id, { location: 'Madrid' });
    await sdk.recruiter.request(UpdateJobDocument, { id: job.id, input: { location: 'Valencia', remote: true }, expectedVersion: 1 });
    expect(await board(sdk.jobBoard, { location: 'Madrid' })).not.toContain(job.id);
    expect(await board(sdk.jobBoard, { location: 'valencia', remote: true })).toEqual([job.id]);
    await sdk.recruiter.request(UpdateJobDocument, { id: job.id, input: { location: null }, expectedVersion: 2 });
    expect(await board(sdk.jobBoard, { location: 'valencia' })).toEqual([]);
    expect(await board(sdk.jobBoard, { companyId: company.id })).toEqual([job.id]);
  });

  it('refuses a token of another filter with InvalidNextToken, and a filter over its limits with ValidationError', async () => {
    const company = await aCompany('Token Co');
    for (let i = 0; i < 3; i += 1) await aJob(company.id);
    const { openJobs } = await sdk.jobBoard.request(OpenJobsDocument, { filter: { companyId: company.id }, limit: 1 });
    expect(openJobs.nextToken).toEqual(expect.any(String));
    const error = (await rejection(sdk.jobBoard.request(OpenJobsDocument, { filter: null, limit: 1, nextToken: openJobs.nextToken }))) as GraphQLRequestError;
    expect(error.errorType).toBe('InvalidNextToken');
    const long = (await rejection(sdk.jobBoard.request(OpenJobsDocument, { filter: { location: 'L'.repeat(201) } }))) as GraphQLRequestError;
    expect(long.errors[0]).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'filter.location', maximum: 200, actual: 201 } });
    const id = (await rejection(sdk.jobBoard.request(OpenJobsDocument, { filter: { companyId: 'c'.repeat(129) } }))) as GraphQLRequestError;
    expect(id.errors[0]).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'filter.companyId', maximum: 128 } });
  });
});

describe('Query.companies', () => {
  it('lists every company by name, ignoring letter case, to the API key and to recruiters', async () => {
    for (const name of ['zeta Labs', 'Alpha Works', 'beta Systems']) await aCompany(name);
    const names: string[] = [];
    let nextToken: string | null | undefined = null;
    do {
      const { companies }: { companies: { items: Array<{ name: string }>; nextToken?: string | null } } = await sdk.jobBoard.request(CompaniesDocument, { limit: 4, nextToken });
      expect(companies.items.length).toBeGreaterThan(0);
      names.push(...companies.items.map(({ name }) => name));
      nextToken = companies.nextToken;
    } while (nextToken);
    expect(names).toEqual([...names].sort((x, y) => (x.toLowerCase() < y.toLowerCase() ? -1 : 1)));
    expect(names).toEqual(expect.arrayContaining(['Alpha Works', 'beta Systems', 'zeta Labs']));
    expect((await sdk.recruiter.request(CompaniesDocument, { limit: 100 })).companies.items.map(({ name }) => name)).toEqual(names);
  });
});
