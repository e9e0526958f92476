// The hiring API's own authorization rules (schema/schema.graphql): recruiters and admins sign in
// with the user pool; the public job board reads with an API key and writes nothing (AUTH-01..AUTH-05).
import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { CompanyDocument, CreateJobDocument } from '@hiring/sdk';
import type { TestApi } from '../../helpers/api';
import type { EventOptions } from '@appsync-lambda/test-support';
import { createHiringApi, RECRUITER_SUB } from '../../helpers/hiring';

const CREATE_COMPANY = 'mutation ($input: CreateCompanyInput!) { createCompany(input: $input) { id name } }';
const CREATE_JOB = 'mutation ($input: CreateJobInput!) { createJob(input: $input) { id title } }';
const COMPANY_PAGE = 'query ($id: ID!) { company(id: $id) { name jobs { items { title status } } } }';
// The job board's API key may send only the SDK's documents (trusted documents).
const SDK_COMPANY_PAGE = print(CompanyDocument);
const SDK_CREATE_JOB = print(CreateJobDocument);

let api: TestApi;
let admin: EventOptions;
let recruiter: EventOptions;
let jobBoard: EventOptions;
let companyId: string;
beforeAll(async () => {
  const hiring = await createHiringApi();
  ({ api, admin, recruiter, jobBoard } = hiring);
  const { body } = await api.graphql(CREATE_COMPANY, { input: { name: 'Acme' } }, admin);
  expect(body.errors).toBeUndefined();
  companyId = body.data!.createCompany.id;
  // The recruiter works for the company (tenancy: tenancy.test.ts).
  await hiring.addRecruiter(companyId, { userId: RECRUITER_SUB });
});

describe('hiring API authorization', () => {
  it('AUTH-05 lets recruiters post jobs but not register companies', async () => {
    const job = await api.graphql(CREATE_JOB, { input: { companyId, title: 'Engineer', status: 'OPEN' } }, recruiter);
    expect(job.body.errors).toBeUndefined();
    const company = await api.graphql(CREATE_COMPANY, { input: { name: 'Nope' } }, recruiter);
    expect(company.body).toMatchObject({ data: null, errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access createCompany on type Mutation' }] });
  });

  it('AUTH-04 lets the job board read companies and their jobs, nested fields included, with an API key', async () => {
    const { body } = await api.graphql(SDK_COMPANY_PAGE, { id: companyId }, jobBoard);
    expect(body.errors).toBeUndefined();
    expect(body.data!.company).toMatchObject({ name: 'Acme', jobs: { items: expect.arrayContaining([expect.objectContaining({ title: 'Engineer', status: 'OPEN' })]) } });
  });

  it('AUTH-03 refuses every mutation to an API key, and an API without credentials (EXE-12)', async () => {
    const { body } = await api.graphql(SDK_CREATE_JOB, { input: { companyId, title: 'Spam' } }, jobBoard);
    expect(body).toMatchObject({ data: null, errors: [{ errorType: 'Unauthorized', path: ['createJob'] }] });
    const anonymous = await api.graphql(COMPANY_PAGE, { id: companyId });
    expect(anonymous.status).toBe(401);
  });
});
