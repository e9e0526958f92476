import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHiringApi, storedItems, type HiringApi } from '../helpers/hiring';

const APPLY = /* GraphQL */ `
  mutation ($jobId: ID!, $candidateId: ID!) {
    applyToJob(jobId: $jobId, candidateId: $candidateId) { id jobId candidateId stage version appliedAt updatedAt history { stage at } }
  }
`;
const MOVE = /* GraphQL */ `
  mutation ($id: ID!, $stage: Stage!, $expectedVersion: Int!) {
    moveApplication(id: $id, stage: $stage, expectedVersion: $expectedVersion) { id stage version updatedAt history { stage at } }
  }
`;
const APPLICATION = 'query ($id: ID!) { application(id: $id) { id stage version } }';
const BY_JOB = /* GraphQL */ `
  query ($jobId: ID!, $stage: Stage, $limit: Int, $nextToken: String) {
    applicationsByJob(jobId: $jobId, stage: $stage, limit: $limit, nextToken: $nextToken) { items { id stage updatedAt } nextToken }
  }
`;

let hiring: HiringApi;
let companyId: string;
beforeAll(async () => {
  // The job board's field-level denials are checked here with documents outside the SDK, so the API
  // key is not held to the trusted documents (trusted-documents.test.ts checks that it is when deployed).
  hiring = await createHiringApi({ trustedDocuments: undefined });
  companyId = (await hiring.aCompany()).id;
});

/** A fresh application in APPLIED, version 1, to an open job. */
async function anApplication(jobId?: string) {
  const job = jobId ?? (await hiring.aJob(companyId)).id;
  const candidate = await hiring.aCandidate();
  const { applyToJob } = await hiring.ok(APPLY, { jobId: job, candidateId: candidate.id });
  return applyToJob as { id: string; jobId: string; candidateId: string; stage: string; version: number; updatedAt: string };
}

async function move(id: string, stage: string, expectedVersion: number) {
  return hiring.api.graphql(MOVE, { id, stage, expectedVersion }, hiring.recruiter);
}

async function allOfJob(jobId: string, stage?: string, limit = 100) {
  const items: Array<{ id: string; stage: string; updatedAt: string }> = [];
  let nextToken: string | null = null;
  let pages = 0;
  do {
    const { applicationsByJob: page }: any = await hiring.ok(BY_JOB, { jobId, stage, limit, nextToken });
    items.push(...page.items);
    nextToken = page.nextToken;
    pages += 1;
  } while (nextToken && pages < 20);
  return { items, pages };
}

const byEntry = (a: { updatedAt: string; id: string }, b: { updatedAt: string; id: string }) =>
  a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? -1 : 1;

describe('Mutation.applyToJob', () => {
  it('creates an application in APPLIED at version 1, with its history (EXE-03 pipeline, DDB-41)', async () => {
    const job = await hiring.aJob(companyId);
    const candidate = await hiring.aCandidate();
    const { applyToJob } = await hiring.ok(APPLY, { jobId: job.id, candidateId: candidate.id });
    expect(applyToJob).toMatchObject({ jobId: job.id, candidateId: candidate.id, stage: 'APPLIED', version: 1 });
    expect(applyToJob.updatedAt).toBe(applyToJob.appliedAt);
    expect(applyToJob.history).toEqual([{ stage: 'APPLIED', at: applyToJob.appliedAt }]);
    expect(await storedItems(hiring.api)).toContainEqual(
      expect.objectContaining({ PK: `APPLIED#${job.id}#${candidate.id}`, applicationId: applyToJob.id }),
    );
  });

  it('answers AlreadyApplied to a second application of the same candidate to the same job, and writes nothing', async () => {
    const first = await anApplication();
    const before = await storedItems(hiring.api);
    const { body } = await hiring.api.graphql(APPLY, { jobId: first.jobId, candidateId: first.candidateId }, hiring.recruiter);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]).toMatchObject({
      errorType: 'AlreadyApplied',
      errorInfo: { jobId: first.jobId, candidateId: first.candidateId, applicationId: first.id },
      path: ['applyToJob'],
    });
    expect(await storedItems(hiring.api)).toHaveLength(before.length);
  });

  it.each(['CLOSED', 'DRAFT'] as const)('answers JobNotOpen for a %s job and writes nothing', async (status) => {
    const job = await hiring.aJob(companyId, { status });
    const candidate = await hiring.aCandidate();
    const before = await storedItems(hiring.api);
    const { body } = await hiring.api.graphql(APPLY, { jobId: job.id, candidateId: candidate.id }, hiring.recruiter);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]).toMatchObject({ errorType: 'JobNotOpen', errorInfo: { jobId: job.id, status } });
    expect(await storedItems(hiring.api)).toHaveLength(before.length);
  });

  it('answers JobNotOpen when the job closes between the pipeline’s read and its write, and writes nothing', async () => {
    const job = await hiring.aJob(companyId);
    const candidate = await hiring.aCandidate();
    const doc = hiring.api.db.doc;
    const send = doc.send.bind(doc) as (command: unknown) => Promise<unknown>;
    // Another writer closes the job just before the application's transaction reaches DynamoDB.
    doc.send = (async (command: { constructor: { name: string } }) => {
      if (command.constructor.name === 'TransactWriteCommand') {
        await send(
          new UpdateCommand({
            TableName: hiring.api.db.tableName,
            Key: { PK: `JOB#${job.id}`, SK: '#META' },
            UpdateExpression: 'SET #status = :closed',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':closed': 'CLOSED' },
          }),
        );
      }
      return send(command);
    }) as unknown as typeof doc.send;
    try {
      const before = await storedItems(hiring.api);
      const { body } = await hiring.api.graphql(APPLY, { jobId: job.id, candidateId: candidate.id }, hiring.recruiter);
      expect(body.data).toBeNull();
      expect(body.errors?.[0]).toMatchObject({ errorType: 'JobNotOpen', errorInfo: { jobId: job.id } });
      expect(await storedItems(hiring.api)).toHaveLength(before.length);
    } finally {
      doc.send = send as typeof doc.send;
    }
  });

  it('answers NotFound for an unknown job or candidate', async () => {
    const job = await hiring.aJob(companyId);
    const candidate = await hiring.aCandidate();
    const noJob = await hiring.api.graphql(APPLY, { jobId: 'missing', candidateId: candidate.id }, hiring.recruiter);
    expect(noJob.body.errors?.[0]).toMatchObject({ errorType: 'NotFound', errorInfo: { jobId: 'missing' } });
    const noCandidate = await hiring.api.graphql(APPLY, { jobId: job.id, candidateId: 'missing' }, hiring.recruiter);
    expect(noCandidate.body.errors?.[0]).toMatchObject({ errorType: 'NotFound', errorInfo: { candidateId: 'missing' } });
    expect((await allOfJob(job.id)).items).toEqual([]);
  });

  it('AUTH-03 refuses the job board', async () => {
    const job = await hiring.aJob(companyId);
    const candidate = await hiring.aCandidate();
    const { body } = await hiring.api.graphql(APPLY, { jobId: job.id, candidateId: candidate.id }, hiring.jobBoard);
    expect(body).toMatchObject({ data: null, errors: [{ errorType: 'Unauthorized', path: ['applyToJob'] }] });
    expect((await allOfJob(job.id)).items).toEqual([]);
  });
});

describe('Mutation.moveApplication', () => {
  it('moves along the pipeline, adding 1 to the version and recording each stage (MOD-04 increment, append)', async () => {
    const application = await anApplication();
    let version = application.version;
    for (const stage of ['SCREEN', 'INTERVIEW', 'OFFER', 'HIRED']) {
      const { body } = await move(application.id, stage, version);
      expect(body.errors).toBeUndefined();
      expect(body.data!.moveApplication).toMatchObject({ id: application.id, stage, version: version + 1 });
      version += 1;
    }
    const { body } = await move(application.id, 'REJECTED', version);
    expect(body.errors?.[0]).toMatchObject({ errorType: 'InvalidTransition', errorInfo: { from: 'HIRED', to: 'REJECTED' } });
    const { application: stored } = await hiring.ok('query ($id: ID!) { application(id: $id) { stage version history { stage } } }', { id: application.id });
    expect(stored).toEqual({
      stage: 'HIRED',
      version: 5,
      history: ['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER', 'HIRED'].map((stage) => ({ stage })),
    });
  });

  it('answers ConcurrentModification with the current version and stage when expectedVersion is stale (DDB-14)', async () => {
    const application = await anApplication();
    await move(application.id, 'SCREEN', 1);
    const { body } = await move(application.id, 'REJECTED', 1);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]).toMatchObject({
      errorType: 'ConcurrentModification',
      errorInfo: { currentVersion: 2, currentStage: 'SCREEN' },
      path: ['moveApplication'],
    });
    expect((await hiring.ok(APPLICATION, { id: application.id })).application).toMatchObject({ stage: 'SCREEN', version: 2 });
  });

  it('answers InvalidTransition for a move its stage cannot make, and changes nothing', async () => {
    const application = await anApplication();
    for (const stage of ['INTERVIEW', 'OFFER', 'HIRED', 'APPLIED']) {
      const { body } = await move(application.id, stage, 1);
      expect(body.errors?.[0]?.errorType, stage).toBe('InvalidTransition');
    }
    const { body } = await move(application.id, 'INTERVIEW', 1);
    expect(body.errors?.[0]?.errorInfo).toEqual({ from: 'APPLIED', to: 'INTERVIEW' });
    expect((await hiring.ok(APPLICATION, { id: application.id })).application).toMatchObject({ stage: 'APPLIED', version: 1 });
  });

  it('lets a withdrawn application go nowhere', async () => {
    const application = await anApplication();
    expect((await move(application.id, 'WITHDRAWN', 1)).body.errors).toBeUndefined();
    const { body } = await move(application.id, 'SCREEN', 2);
    expect(body.errors?.[0]).toMatchObject({ errorType: 'InvalidTransition', errorInfo: { from: 'WITHDRAWN', to: 'SCREEN' } });
  });

  it('answers NotFound for an unknown application', async () => {
    const { body } = await move('missing', 'SCREEN', 1);
    expect(body.errors?.[0]).toMatchObject({ errorType: 'NotFound', errorInfo: { id: 'missing' } });
    expect(await hiring.ok(APPLICATION, { id: 'missing' })).toEqual({ application: null });
  });

  it('lets exactly one of five concurrent moves from the same version win; the others get ConcurrentModification', async () => {
    const application = await anApplication();
    const targets = ['SCREEN', 'REJECTED', 'WITHDRAWN', 'SCREEN', 'REJECTED'];
    const results = await Promise.all(targets.map((stage) => move(application.id, stage, 1)));
    const winners = results.filter(({ body }) => !body.errors);
    const losers = results.filter(({ body }) => body.errors);
    expect(winners).toHaveLength(1);
    const won = winners[0]!.body.data!.moveApplication;
    expect(won.version).toBe(2);
    expect(losers).toHaveLength(4);
    for (const { body } of losers) {
      expect(body.errors?.[0]).toMatchObject({ errorType: 'ConcurrentModification', errorInfo: { currentVersion: 2, currentStage: won.stage } });
    }
    const { application: stored } = await hiring.ok('query ($id: ID!) { application(id: $id) { stage version history { stage } } }', { id: application.id });
    expect(stored).toEqual({ stage: won.stage, version: 2, history: [{ stage: 'APPLIED' }, { stage: won.stage }] });
  });
});

describe('Query.applicationsByJob', () => {
  it('pages through the applications in one stage, longest in that stage first (DDB-06)', async () => {
    const job = await hiring.aJob(companyId);
    const applications = [];
    for (let i = 0; i < 5; i += 1) applications.push(await anApplication(job.id));
    // Screen four of them, in reverse order of application: the list follows when they entered SCREEN.
    for (const application of applications.slice(1).reverse()) expect((await move(application.id, 'SCREEN', 1)).body.errors).toBeUndefined();
    const paged = await allOfJob(job.id, 'SCREEN', 2);
    expect(paged.pages).toBeGreaterThan(1);
    expect(paged.items.map(({ id }) => id).sort()).toEqual(applications.slice(1).map(({ id }) => id).sort());
    expect(paged.items).toEqual([...paged.items].sort(byEntry));
    expect(paged.items.every(({ stage }) => stage === 'SCREEN')).toBe(true);
    expect((await allOfJob(job.id, 'APPLIED')).items.map(({ id }) => id)).toEqual([applications[0]!.id]);
    expect((await allOfJob(job.id, 'OFFER')).items).toEqual([]);
  });

  it('lists every stage in pipeline order when no stage is given', async () => {
    const job = await hiring.aJob(companyId);
    const withdrawn = await anApplication(job.id);
    const screened = await anApplication(job.id);
    const applied = await anApplication(job.id);
    await move(withdrawn.id, 'WITHDRAWN', 1);
    await move(screened.id, 'SCREEN', 1);
    const { items } = await allOfJob(job.id, undefined, 2);
    expect(items.map(({ id, stage }) => ({ id, stage }))).toEqual([
      { id: applied.id, stage: 'APPLIED' },
      { id: screened.id, stage: 'SCREEN' },
      { id: withdrawn.id, stage: 'WITHDRAWN' },
    ]);
  });

  it('rejects a limit above 100 with a ValidationError', async () => {
    const { body } = await hiring.api.graphql(BY_JOB, { jobId: 'x', limit: 101 }, hiring.recruiter);
    expect(body.errors?.[0]).toMatchObject({ errorType: 'ValidationError', errorInfo: { limit: 101 } });
  });
});

describe('Job.applications', () => {
  it('resolves each application’s job and candidate in a list with one Query and one BatchGetItem (DDB-30)', async () => {
    const job = await hiring.aJob(companyId, { title: 'Pipeline role' });
    const first = await anApplication(job.id);
    const second = await anApplication(job.id);
    await move(second.id, 'SCREEN', 1);
    const sent: string[] = [];
    const doc = hiring.api.db.doc;
    const send = doc.send.bind(doc) as (command: unknown) => Promise<unknown>;
    doc.send = ((command: { constructor: { name: string } }) => {
      sent.push(command.constructor.name);
      return send(command);
    }) as unknown as typeof doc.send;
    try {
      const { body } = await hiring.api.graphql(
        'query ($id: ID!) { applicationsByJob(jobId: $id) { items { id stage job { title } candidate { id } } } }',
        { id: job.id },
        hiring.recruiter,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.applicationsByJob.items).toEqual([
        { id: first.id, stage: 'APPLIED', job: { title: 'Pipeline role' }, candidate: { id: first.candidateId } },
        { id: second.id, stage: 'SCREEN', job: { title: 'Pipeline role' }, candidate: { id: second.candidateId } },
      ]);
      // The job and the recruiter's membership of its company (tenancy), then the page and its items' job and candidate.
      expect(sent).toEqual(['GetCommand', 'GetCommand', 'QueryCommand', 'BatchGetCommand']);
    } finally {
      doc.send = send as typeof doc.send;
    }
  });

  it('filters a job’s applications by stage, for recruiters only (AUTH-04)', async () => {
    const job = await hiring.aJob(companyId);
    const application = await anApplication(job.id);
    await anApplication(job.id);
    await move(application.id, 'SCREEN', 1);
    const query = 'query ($id: ID!) { job(id: $id) { id applications(stage: SCREEN) { items { id } nextToken } } }';
    const { job: seen } = await hiring.ok(query, { id: job.id });
    expect(seen.applications).toEqual({ items: [{ id: application.id }], nextToken: null });
    const { body } = await hiring.api.graphql(query, { id: job.id }, hiring.jobBoard);
    // The connection is non-null, so the denied field nulls its job (AppSync's null propagation).
    expect(body).toMatchObject({ data: { job: null }, errors: [{ errorType: 'Unauthorized', path: ['job', 'applications'] }] });
  });
});
