// `npm start`: DynamoDB Local, the table, sample data and the function behind serverless-offline, over real HTTP.
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@appsync-lambda/dynamodb-local';
import { rejection } from '@appsync-lambda/test-support';
import { seedCandidates, seedCompanies } from '../../scripts/lib/seed-data';
import { LOCAL_USERS } from '../../scripts/lib/dev-auth';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  ApplicationsByJobDocument,
  CompanyRecruitersDocument,
  createClient,
  CreateCompanyDocument,
  CreateJobDocument,
  JobsByCompanyDocument,
  MeDocument,
  type GraphQLRequestError,
} from '@hiring/sdk';
import { processesMentioning, startLocalStack, type LocalStack } from '../helpers/local-stack';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

let stack: LocalStack | undefined;
let dataDir: string;
let port: number;
let dynamodbPort: number;

/** The frontend's view of the API: the generated SDK over HTTP. */
const api = () => createClient({ url: stack!.url, getToken: () => stack!.token });

/** Stored items by entity prefix, read straight from the stack's DynamoDB Local. */
async function storedEntities(): Promise<Record<string, number>> {
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${dynamodbPort}`,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const counts: Record<string, number> = {};
  let ExclusiveStartKey: Record<string, any> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: 'hiring-api-local', ExclusiveStartKey }));
    for (const item of page.Items ?? []) {
      // A job's counts item (JOB#id / #COUNTS) is counted apart from the job.
      const entity = item.SK?.S === '#COUNTS' ? 'JOB_COUNTS' : item.PK!.S!.split('#')[0]!;
      counts[entity] = (counts[entity] ?? 0) + 1;
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  client.destroy();
  return counts;
}

/**
 * Items the sample data stores, by entity prefix: each candidate has an email guard, each
 * application an apply guard, the candidate linked to the local candidate user a user guard, and
 * each job that took an application its counts item. Tenancy: each recruiter is an item in their
 * company's partition and one in their own; each company a candidate applied to knows it (an item
 * in the candidate's partition).
 */
function seededEntities(extra: { companies: number; jobs: number; recruiters?: number }) {
  const jobs = seedCompanies.reduce((total, company) => total + company.jobs.length, 0);
  const applications = seedCandidates.reduce((total, candidate) => total + candidate.applications.length, 0);
  const recruiters = seedCompanies.reduce((total, company) => total + company.recruiters.length, 0) + (extra.recruiters ?? 0);
  const companyOf = (title: string) => seedCompanies.find((company) => company.jobs.some((job) => job.title === title))!.name;
  const known = seedCandidates.reduce((total, candidate) => total + new Set(candidate.applications.map((application) => companyOf(application.job))).size, 0);
  return {
    COMPANY: seedCompanies.length + recruiters + extra.companies,
    RECRUITER: recruiters,
    JOB: jobs + extra.jobs,
    CANDIDATE: seedCandidates.length + known,
    EMAIL: seedCandidates.length,
    APPLICATION: applications,
    APPLIED: applications,
    JOB_COUNTS: new Set(seedCandidates.flatMap((candidate) => candidate.applications.map((application) => application.job))).size,
    USER: 1,
  };
}

async function start() {
  stack = await startLocalStack({ port, dynamodbPort, dataDir });
}

async function stopAndExpectNothingLeft() {
  // Java runs with `-dbPath <dataDir>`; serverless-offline with `--httpPort <port>`.
  expect(processesMentioning(dataDir)).toHaveLength(1);
  expect(processesMentioning(`--httpPort ${port}`)).toHaveLength(1);
  const code = await stack!.stop('SIGINT');
  expect(code).toBe(0);
  expect(processesMentioning(dataDir)).toEqual([]);
  expect(processesMentioning(`--httpPort ${port}`)).toEqual([]);
  stack = undefined;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hiring-api-stack-'));
  port = await freePort();
  dynamodbPort = await freePort();
  await start();
}, 180_000);

afterAll(async () => {
  // Ctrl+C, not SIGKILL: serverless-offline runs in a process group of its own that start.ts stops.
  if (stack) await stack.stop('SIGINT');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('serves the GraphQL endpoint on the requested port', () => {
    expect(stack!.url).toBe(`http://127.0.0.1:${port}/graphql`);
  });

  it('seeds the sample companies, jobs, candidates and applications into a new table', async () => {
    expect(await storedEntities()).toEqual(seededEntities({ companies: 0, jobs: 0 }));
  });

  it('creates a company and a job and lists the company’s jobs over HTTP', async () => {
    // The SDK throws a GraphQLRequestError on any error in the response.
    const { createCompany } = await api().request(CreateCompanyDocument, { input: { name: 'Round Trip Ltd' } });
    const companyId = createCompany.id;

    const { createJob } = await api().request(CreateJobDocument, {
      input: { companyId, title: 'Site Reliability Engineer', status: 'OPEN' },
    });
    expect(createJob).toMatchObject({ companyId, title: 'Site Reliability Engineer', status: 'OPEN' });

    const { jobsByCompany } = await api().request(JobsByCompanyDocument, { companyId });
    expect({ ...jobsByCompany, items: jobsByCompany.items.map(({ id, title, status }) => ({ id, title, status })) }).toEqual({
      items: [{ id: createJob.id, title: 'Site Reliability Engineer', status: 'OPEN' }],
      nextToken: null,
    });
  });

  it('prints a candidate token linked to the seeded candidate of its email, with their applications', async () => {
    const seeded = seedCandidates.find((candidate) => candidate.email === LOCAL_USERS.candidate.email)!;
    const candidate = createClient({ url: stack!.url, getToken: () => stack!.tokens.candidate });
    const { me } = await candidate.request(MeDocument, {});
    expect(me).toMatchObject({ name: seeded.name, email: seeded.email });
    expect(me!.applications.items.map((application) => application.job?.title).sort()).toEqual(seeded.applications.map((application) => application.job).sort());
    expect(stack!.output()).toContain(`Ids to try    candidate ${me!.id}`);
    // The recruiter's token is no candidate's: me is for candidates only.
    const recruiter = createClient({ url: stack!.url, getToken: () => stack!.tokens.recruiter });
    expect(((await rejection(recruiter.request(MeDocument, {}))) as GraphQLRequestError).errorType).toBe('Unauthorized');
  });

  it('prints a token of a recruiter of each seeded company: it reaches that company’s pipeline and no other’s', async () => {
    expect(Object.keys(stack!.recruitersOf).sort()).toEqual(seedCompanies.map((company) => company.name).sort());
    const [first, second] = seedCompanies.map((company) => stack!.recruitersOf[company.name]!);
    const recruiter = createClient({ url: stack!.url, getToken: () => first!.token });
    const own = await recruiter.request(JobsByCompanyDocument, { companyId: first!.companyId, limit: 100 });
    const openJob = own.jobsByCompany.items.find((job) => job.status === 'OPEN')!;
    expect(own.jobsByCompany.items.some((job) => job.status === 'DRAFT')).toBe(true);
    expect((await recruiter.request(ApplicationsByJobDocument, { jobId: openJob.id })).applicationsByJob.items.length).toBeGreaterThan(0);
    const theirs = await recruiter.request(JobsByCompanyDocument, { companyId: second!.companyId, limit: 100 });
    expect(theirs.jobsByCompany.items.every((job) => job.status === 'OPEN')).toBe(true);
    const error = (await rejection(recruiter.request(ApplicationsByJobDocument, { jobId: theirs.jobsByCompany.items[0]!.id }))) as GraphQLRequestError;
    expect(error.errorType).toBe('Unauthorized');
  });

  it('npm run token: mints a recruiter of a company (adding the membership), and admin and candidate tokens, as its last line', async () => {
    const company = stack!.recruitersOf[seedCompanies[0]!.name]!;
    const token = (args: string[]) => {
      const run = spawnSync(process.execPath, [tsxCli, 'scripts/token.ts', ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, PORT: String(port), DYNAMODB_DATA_DIR: dataDir },
      });
      return { status: run.status, last: run.stdout.trim().split('\n').at(-1)!, stderr: run.stderr };
    };
    const minted = token(['--role', 'recruiter', '--company', company.companyId, '--email', 'new.recruiter@example.com']);
    expect(minted.status, minted.stderr).toBe(0);
    const recruiter = createClient({ url: stack!.url, getToken: () => minted.last });
    const { jobsByCompany } = await recruiter.request(JobsByCompanyDocument, { companyId: company.companyId, limit: 100 });
    expect(jobsByCompany.items.some((job) => job.status === 'DRAFT')).toBe(true);
    // The same email again: the same user, the membership as it was.
    expect(token(['--role', 'recruiter', '--company', company.companyId, '--email', 'NEW.recruiter@example.com']).status).toBe(0);
    const { company: read } = await api().request(CompanyRecruitersDocument, { id: company.companyId });
    expect(read!.recruiters.items.filter((item) => item.email === 'new.recruiter@example.com')).toHaveLength(1);
    // Without a company: a recruiter of none.
    const none = createClient({ url: stack!.url, getToken: () => token(['--role', 'recruiter', '--email', 'loose@example.com']).last });
    expect(((await rejection(none.request(CompanyRecruitersDocument, { id: company.companyId }))) as GraphQLRequestError).errorType).toBe('Unauthorized');
    const admin = createClient({ url: stack!.url, getToken: () => token(['--role', 'admin']).last });
    expect((await admin.request(CompanyRecruitersDocument, { id: company.companyId })).company!.recruiters.items.length).toBeGreaterThan(1);
    const candidate = createClient({ url: stack!.url, getToken: () => token(['--role', 'candidate']).last });
    expect((await candidate.request(MeDocument, {})).me).toMatchObject({ email: LOCAL_USERS.candidate.email });
    expect(token(['--role', 'candidate', '--company', company.companyId])).toMatchObject({ status: 1, stderr: expect.stringContaining('--company is for a recruiter') });
  });

  it('serves the playground page to a browser', async () => {
    const response = await fetch(stack!.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('stops DynamoDB Local and serverless-offline on Ctrl+C, leaving no process behind', async () => {
    await stopAndExpectNothingLeft();
  });

  it('keeps the data across a restart and does not seed again', async () => {
    await start();
    // The tests above added a company, a job and (npm run token) a recruiter.
    expect(await storedEntities()).toEqual(seededEntities({ companies: 1, jobs: 1, recruiters: 1 }));
    await stopAndExpectNothingLeft();
  }, 180_000);
});
