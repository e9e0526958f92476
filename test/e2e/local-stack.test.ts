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
import { createClient, CreateCompanyDocument, CreateJobDocument, JobsByCompanyDocument, MeDocument, type GraphQLRequestError } from '@hiring/sdk';
import { processesMentioning, startLocalStack, type LocalStack } from '../helpers/local-stack';

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
 * each job that took an application its counts item.
 */
function seededEntities(extra: { companies: number; jobs: number }) {
  const jobs = seedCompanies.reduce((total, company) => total + company.jobs.length, 0);
  const applications = seedCandidates.reduce((total, candidate) => total + candidate.applications.length, 0);
  return {
    COMPANY: seedCompanies.length + extra.companies,
    JOB: jobs + extra.jobs,
    CANDIDATE: seedCandidates.length,
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
    expect(await storedEntities()).toEqual(seededEntities({ companies: 1, jobs: 1 }));
    await stopAndExpectNothingLeft();
  }, 180_000);
});
