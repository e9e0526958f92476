import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../helpers/api';

const CREATE_COMPANY = /* GraphQL */ `
  mutation ($input: CreateCompanyInput!) { createCompany(input: $input) { id name website createdAt } }
`;
const CREATE_JOB = /* GraphQL */ `
  mutation ($input: CreateJobInput!) { createJob(input: $input) { id companyId title status createdAt } }
`;
const JOBS_BY_COMPANY = /* GraphQL */ `
  query ($companyId: ID!, $limit: Int, $nextToken: String) {
    jobsByCompany(companyId: $companyId, limit: $limit, nextToken: $nextToken) { items { id title } nextToken }
  }
`;

// No auth configuration here: every request runs as the API key would (util.authType()), so the
// lists below show OPEN jobs only.
let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});

async function createCompany(name = 'Acme Robotics') {
  const { body } = await api.graphql(CREATE_COMPANY, { input: { name, website: 'https://acme.example' } });
  expect(body.errors).toBeUndefined();
  return body.data!.createCompany as { id: string; name: string };
}

describe('Mutation.createCompany', () => {
  it('stores the company and returns it with a generated id and timestamp', async () => {
    const company = await createCompany();
    expect(company).toMatchObject({ name: 'Acme Robotics', website: 'https://acme.example' });
    expect(company.id).toMatch(/^[0-9a-f-]{36}$/);
    const { body } = await api.graphql('query ($id: ID!) { company(id: $id) { id name } }', { id: company.id });
    expect(body.data!.company).toEqual({ id: company.id, name: 'Acme Robotics' });
  });

  it('rejects a blank name with a ValidationError and writes nothing', async () => {
    const { body } = await api.graphql(CREATE_COMPANY, { input: { name: '   ' } });
    expect(body.data).toBeNull();
    expect(body.errors?.[0]).toMatchObject({ errorType: 'ValidationError', path: ['createCompany'] });
  });

  it('rejects an invalid AWSURL website before any resolver runs', async () => {
    const { status, body } = await api.graphql(CREATE_COMPANY, { input: { name: 'X', website: 'not a url' } });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.errorType).toBe('ValidationError');
  });
});

describe('Mutation.createJob', () => {
  it('creates a job for an existing company (EXE-03 pipeline)', async () => {
    const company = await createCompany();
    const { body } = await api.graphql(CREATE_JOB, { input: { companyId: company.id, title: 'Staff Engineer', status: 'OPEN' } });
    expect(body.errors).toBeUndefined();
    expect(body.data!.createJob).toMatchObject({ companyId: company.id, title: 'Staff Engineer', status: 'OPEN' });
  });

  it('fails with NotFound for an unknown company and stores no job', async () => {
    const { body } = await api.graphql(CREATE_JOB, { input: { companyId: 'missing', title: 'Ghost job' } });
    expect(body.data).toBeNull();
    expect(body.errors?.[0]).toMatchObject({
      errorType: 'NotFound',
      errorInfo: { companyId: 'missing' },
      path: ['createJob'],
      extensions: { errorType: 'NotFound' },
    });
    const jobs = await api.graphql(JOBS_BY_COMPANY, { companyId: 'missing' });
    expect(jobs.body.data!.jobsByCompany.items).toEqual([]);
  });
});

describe('Query.jobsByCompany', () => {
  it('pages through a company’s jobs newest first with opaque tokens (DDB-06)', async () => {
    const company = await createCompany('Paging Co');
    const titles = ['first', 'second', 'third', 'fourth', 'fifth'];
    for (const title of titles) {
      const { body } = await api.graphql(CREATE_JOB, { input: { companyId: company.id, title, status: 'OPEN' } });
      expect(body.errors).toBeUndefined();
    }
    const seen: string[] = [];
    let nextToken: string | null = null;
    let pages = 0;
    do {
      const { body }: { body: any } = await api.graphql(JOBS_BY_COMPANY, { companyId: company.id, limit: 2, nextToken });
      expect(body.errors).toBeUndefined();
      seen.push(...body.data.jobsByCompany.items.map((job: { title: string }) => job.title));
      nextToken = body.data.jobsByCompany.nextToken;
      pages += 1;
    } while (nextToken && pages < 10);
    expect(seen).toEqual([...titles].reverse());
  });

  it('rejects a token minted for another list', async () => {
    const a = await createCompany('A');
    const b = await createCompany('B');
    for (const companyId of [a.id, a.id]) await api.graphql(CREATE_JOB, { input: { companyId, title: 'job', status: 'OPEN' } });
    const first = await api.graphql(JOBS_BY_COMPANY, { companyId: a.id, limit: 1 });
    const token = first.body.data!.jobsByCompany.nextToken;
    expect(token).toEqual(expect.any(String));
    const forged = await api.graphql(
      'query ($nextToken: String) { company(id: "x") { id } jobsByCompany(companyId: "' + b.id + '", nextToken: $nextToken) { items { id } } }',
      { nextToken: `${token.split('.')[0]}.AAAA` },
    );
    expect(forged.body.errors?.[0]?.errorType).toBe('InvalidNextToken');
  });

  it('rejects a limit above 100 with a ValidationError', async () => {
    const { body } = await api.graphql(JOBS_BY_COMPANY, { companyId: 'x', limit: 1000 });
    expect(body.errors?.[0]).toMatchObject({ errorType: 'ValidationError', errorInfo: { limit: 1000 } });
  });
});

describe('Company.jobs', () => {
  it('resolves the jobs of each company in a list', async () => {
    const company = await createCompany('Nested Co');
    await api.graphql(CREATE_JOB, { input: { companyId: company.id, title: 'Nested role', status: 'OPEN' } });
    const { body } = await api.graphql('query ($id: ID!) { company(id: $id) { name jobs { items { title } nextToken } } }', { id: company.id });
    expect(body.data!.company).toEqual({ name: 'Nested Co', jobs: { items: [{ title: 'Nested role' }], nextToken: null } });
  });
});
