/**
 * A job's lifecycle and its application counts, end to end through the SDK against the real handler
 * and DynamoDB Local (deployed auth: user pools, the job board's API key held to the SDK's documents).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApplicationDocument,
  ApplyToJobDocument,
  CloseJobDocument,
  CreateJobDocument,
  GraphQLRequestError,
  JobDocument,
  JobPipelineDocument,
  MoveApplicationDocument,
  PublishJobDocument,
  UpdateJobDocument,
  type Client,
} from '@hiring/sdk';
import { createHiringApi, storedItems, type HiringApi } from '../helpers/hiring';
import { createHiringSdk, type HiringSdk } from '../helpers/sdk';
import { rejection } from '@appsync-lambda/test-support';

let hiring: HiringApi;
let sdk: HiringSdk;
let companyId: string;

beforeAll(async () => {
  hiring = await createHiringApi();
  sdk = await createHiringSdk(hiring);
  companyId = (await hiring.aCompany({ name: 'Lifecycle Co' })).id;
});
afterAll(() => sdk?.close());

async function aJob(status: 'DRAFT' | 'OPEN' | 'CLOSED' = 'DRAFT') {
  const { createJob } = await sdk.recruiter.request(CreateJobDocument, { input: { companyId, title: 'Platform Engineer', location: 'Lyon, France', status } });
  return createJob;
}

/** The error a request failed with: its errorType and the first error's errorInfo. */
async function failure(request: Promise<unknown>) {
  const error = await rejection(request);
  expect(error).toBeInstanceOf(GraphQLRequestError);
  const { errorType, errors, data } = error as GraphQLRequestError;
  return { errorType, errorInfo: errors[0]?.errorInfo, path: errors[0]?.path, data };
}

/** The job as stored, read straight from DynamoDB Local. */
async function stored(jobId: string) {
  return (await storedItems(hiring.api)).find((item) => item.PK === `JOB#${jobId}` && item.SK === '#META')!;
}

describe('Mutation.createJob', () => {
  it('starts a job at version 1 with no applications, remote false unless given, and the details given', async () => {
    const { createJob } = await sdk.recruiter.request(CreateJobDocument, {
      input: { companyId, title: 'Data Engineer', remote: true, employmentType: 'CONTRACT', salary: { min: 60000, max: 80000, currency: 'EUR' } },
    });
    expect(createJob).toMatchObject({ status: 'DRAFT', version: 1, remote: true, employmentType: 'CONTRACT', salary: { min: 60000, max: 80000, currency: 'EUR' } });
    const { job } = await sdk.recruiter.request(JobPipelineDocument, { id: createJob.id });
    expect(job).toMatchObject({ applicationCount: 0, stageCounts: ['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED', 'WITHDRAWN'].map((stage) => ({ stage, count: 0 })) });
    expect((await aJob()).remote).toBe(false);
  });

  it('refuses a salary whose min is above its max, or whose currency is not ISO 4217, and stores nothing', async () => {
    const before = (await storedItems(hiring.api)).length;
    const inverted = await failure(sdk.recruiter.request(CreateJobDocument, { input: { companyId, title: 'X', salary: { min: 9, max: 1, currency: 'EUR' } } }));
    expect(inverted).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'salary.min', maximum: 1, actual: 9 } });
    const currency = await failure(sdk.recruiter.request(CreateJobDocument, { input: { companyId, title: 'X', salary: { min: 1, max: 2, currency: 'EURO' } } }));
    expect(currency).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'salary.currency', maximum: 3, actual: 4 } });
    expect((await storedItems(hiring.api)).length).toBe(before);
  });
});

describe('Mutation.updateJob', () => {
  it('changes the fields given, keeps the others, clears those given as null, and adds 1 to the version', async () => {
    const job = await aJob();
    const input = { title: '  Senior Platform Engineer ', remote: true, employmentType: 'FULL_TIME' as const, salary: { min: 70000, max: 90000, currency: 'EUR' } };
    const { updateJob } = await sdk.recruiter.request(UpdateJobDocument, { id: job.id, input, expectedVersion: 1 });
    expect(updateJob).toMatchObject({ title: 'Senior Platform Engineer', location: 'Lyon, France', remote: true, employmentType: 'FULL_TIME', salary: input.salary, version: 2 });
    expect(updateJob.updatedAt >= job.updatedAt).toBe(true);
    const { updateJob: cleared } = await sdk.recruiter.request(UpdateJobDocument, { id: job.id, input: { location: null, salary: null }, expectedVersion: 2 });
    expect(cleared).toMatchObject({ title: 'Senior Platform Engineer', location: null, salary: null, remote: true, version: 3 });
    expect(await stored(job.id)).not.toHaveProperty('location');
  });

  it('answers ConcurrentModification with the current version and status when expectedVersion is stale, and changes nothing', async () => {
    const job = await aJob();
    await sdk.recruiter.request(UpdateJobDocument, { id: job.id, input: { title: 'First' }, expectedVersion: 1 });
    const stale = await failure(sdk.recruiter.request(UpdateJobDocument, { id: job.id, input: { title: 'Second' }, expectedVersion: 1 }));
    expect(stale).toMatchObject({ errorType: 'ConcurrentModification', errorInfo: { currentVersion: 2, currentStatus: 'DRAFT' }, path: ['updateJob'] });
    expect((await sdk.recruiter.request(JobDocument, { id: job.id })).job).toMatchObject({ title: 'First', version: 2 });
  });

  it('lets exactly one of concurrent updates from the same version win', async () => {
    const job = await aJob();
    const results = await Promise.allSettled(['a', 'b', 'c', 'd'].map((title) => sdk.recruiter.request(UpdateJobDocument, { id: job.id, input: { title }, expectedVersion: 1 })));
    const won = results.filter((result) => result.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const result of results.filter((r) => r.status === 'rejected')) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ errorType: 'ConcurrentModification' });
    }
    expect((await stored(job.id)).version).toBe(2);
  });

  it('refuses a blank title, a null title or remote, and an input over its limits, before any write', async () => {
    const job = await aJob();
    for (const input of [{ title: '  ' }, { title: null }, { remote: null }, { description: 'D'.repeat(10_001) }, { salary: { min: -5, max: 1, currency: 'USD' } }]) {
      const refused = await failure(sdk.recruiter.request(UpdateJobDocument, { id: job.id, input, expectedVersion: 1 }));
      expect(refused.errorType, JSON.stringify(input)).toBe('ValidationError');
      expect(refused.errorInfo, JSON.stringify(input)).toHaveProperty('field');
    }
    expect((await stored(job.id)).version).toBe(1);
  });

  it('answers JobClosed for a closed job and NotFound for an unknown one', async () => {
    const job = await aJob('CLOSED');
    expect(await failure(sdk.recruiter.request(UpdateJobDocument, { id: job.id, input: { title: 'Again' }, expectedVersion: 1 }))).toMatchObject({
      errorType: 'JobClosed',
      errorInfo: { jobId: job.id, status: 'CLOSED' },
    });
    expect(await failure(sdk.recruiter.request(UpdateJobDocument, { id: 'missing', input: { title: 'X' }, expectedVersion: 1 }))).toMatchObject({
      errorType: 'NotFound',
      errorInfo: { jobId: 'missing' },
    });
  });

  it('AUTH-03 refuses the job board and signed-in users outside recruiters and admins', async () => {
    const job = await aJob();
    for (const client of [sdk.jobBoard, sdk.as(hiring.member), sdk.as(hiring.signedIn(['candidates']))]) {
      expect(await failure(client.request(UpdateJobDocument, { id: job.id, input: { title: 'Mine now' }, expectedVersion: 1 }))).toMatchObject({
        errorType: 'Unauthorized',
        path: ['updateJob'],
      });
    }
    expect((await stored(job.id)).title).toBe('Platform Engineer');
  });
});

describe('Mutation.publishJob and Mutation.closeJob', () => {
  it('takes a job DRAFT → OPEN → CLOSED, one version each; applyToJob then fails with JobNotOpen', async () => {
    const job = await aJob();
    const { publishJob } = await sdk.recruiter.request(PublishJobDocument, { id: job.id, expectedVersion: 1 });
    expect(publishJob).toMatchObject({ status: 'OPEN', version: 2 });
    const candidate = await hiring.aCandidate();
    await sdk.recruiter.request(ApplyToJobDocument, { jobId: job.id, candidateId: candidate.id });
    const { closeJob } = await sdk.recruiter.request(CloseJobDocument, { id: job.id, expectedVersion: 2 });
    expect(closeJob).toMatchObject({ status: 'CLOSED', version: 3 });
    const late = await hiring.aCandidate();
    expect(await failure(sdk.recruiter.request(ApplyToJobDocument, { jobId: job.id, candidateId: late.id }))).toMatchObject({
      errorType: 'JobNotOpen',
      errorInfo: { jobId: job.id, status: 'CLOSED' },
    });
    expect((await sdk.recruiter.request(JobPipelineDocument, { id: job.id })).job?.applicationCount).toBe(1);
  });

  it('answers InvalidTransition for a status the job is not in, naming both', async () => {
    const open = await aJob('OPEN');
    expect(await failure(sdk.recruiter.request(PublishJobDocument, { id: open.id, expectedVersion: 1 }))).toMatchObject({ errorType: 'InvalidTransition', errorInfo: { from: 'OPEN', to: 'OPEN' } });
    const draft = await aJob();
    expect(await failure(sdk.recruiter.request(CloseJobDocument, { id: draft.id, expectedVersion: 1 }))).toMatchObject({ errorType: 'InvalidTransition', errorInfo: { from: 'DRAFT', to: 'CLOSED' } });
    const closed = await aJob('CLOSED');
    expect(await failure(sdk.recruiter.request(PublishJobDocument, { id: closed.id, expectedVersion: 1 }))).toMatchObject({ errorType: 'InvalidTransition', errorInfo: { from: 'CLOSED', to: 'OPEN' } });
    expect((await stored(draft.id)).version).toBe(1);
  });

  it('answers ConcurrentModification when the job changed since expectedVersion, NotFound when it does not exist', async () => {
    const job = await aJob();
    await sdk.recruiter.request(UpdateJobDocument, { id: job.id, input: { title: 'Edited' }, expectedVersion: 1 });
    expect(await failure(sdk.recruiter.request(PublishJobDocument, { id: job.id, expectedVersion: 1 }))).toMatchObject({
      errorType: 'ConcurrentModification',
      errorInfo: { currentVersion: 2, currentStatus: 'DRAFT' },
    });
    expect(await failure(sdk.recruiter.request(CloseJobDocument, { id: 'missing', expectedVersion: 1 }))).toMatchObject({ errorType: 'NotFound', errorInfo: { jobId: 'missing' } });
  });

  it('lets one of two concurrent publishes win', async () => {
    const job = await aJob();
    const results = await Promise.allSettled([1, 2].map(() => sdk.recruiter.request(PublishJobDocument, { id: job.id, expectedVersion: 1 })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { errorType: 'ConcurrentModification' } });
  });

  it('AUTH-03 refuses the job board', async () => {
    const job = await aJob();
    expect(await failure(sdk.jobBoard.request(PublishJobDocument, { id: job.id, expectedVersion: 1 }))).toMatchObject({ errorType: 'Unauthorized' });
    expect(await failure(sdk.jobBoard.request(CloseJobDocument, { id: job.id, expectedVersion: 1 }))).toMatchObject({ errorType: 'Unauthorized' });
    expect((await stored(job.id)).status).toBe('DRAFT');
  });
});

/** Counts by stage, as the pipeline board's header reads them (one request). */
async function counts(client: Client, jobId: string) {
  const { job } = await client.request(JobPipelineDocument, { id: jobId });
  return { total: job!.applicationCount, ...Object.fromEntries(job!.stageCounts.filter(({ count }) => count !== 0).map(({ stage, count }) => [stage, count])) };
}

/** Sends again while the answer is TransactionConflict (retryable), as a client should. */
async function retrying<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= 10 || (error as GraphQLRequestError).errorType !== 'TransactionConflict') throw error;
    }
  }
}

describe('Job.applicationCount and Job.stageCounts', () => {
  it('are kept in the job’s small counts item, not on the job item, which an application or a move does not write', async () => {
    const job = await aJob('OPEN');
    const before = await stored(job.id);
    const candidate = await hiring.aCandidate();
    const { applyToJob } = await sdk.recruiter.request(ApplyToJobDocument, { jobId: job.id, candidateId: candidate.id });
    await sdk.recruiter.request(MoveApplicationDocument, { id: applyToJob.id, stage: 'SCREEN', expectedVersion: 1 });
    expect(await stored(job.id)).toEqual(before);
    expect(Object.keys(before).filter((name) => name === 'applicationCount' || name.startsWith('stageCount_'))).toEqual([]);
    const counts = (await storedItems(hiring.api)).find((item) => item.PK === `JOB#${job.id}` && item.SK === '#COUNTS');
    // No index keys: the counts item never shows in a job list.
    expect(counts).toEqual({ PK: `JOB#${job.id}`, SK: '#COUNTS', applicationCount: 1, stageCount_APPLIED: 0, stageCount_SCREEN: 1 });
  });

  it('read as zeros for a job without applications (no counts item)', async () => {
    const job = await aJob('OPEN');
    expect((await storedItems(hiring.api)).some((item) => item.PK === `JOB#${job.id}` && item.SK === '#COUNTS')).toBe(false);
    expect(await counts(sdk.recruiter, job.id)).toEqual({ total: 0 });
  });

  it('cost one batch read for a whole page of jobs, however many jobs it holds', async () => {
    const { id: owner } = await hiring.aCompany({ name: 'Counted Co' });
    const jobIds = [];
    for (let i = 0; i < 3; i += 1) {
      const { createJob } = await sdk.recruiter.request(CreateJobDocument, { input: { companyId: owner, title: `Counted ${i}`, status: 'OPEN' } });
      jobIds.push(createJob.id);
      for (let n = 0; n <= i; n += 1) {
        const candidate = await hiring.aCandidate();
        await sdk.recruiter.request(ApplyToJobDocument, { jobId: createJob.id, candidateId: candidate.id });
      }
    }
    const doc = hiring.api.db.doc;
    const send = doc.send.bind(doc) as (command: unknown) => Promise<unknown>;
    const sent: string[] = [];
    doc.send = ((command: { constructor: { name: string } }) => (sent.push(command.constructor.name), send(command))) as unknown as typeof doc.send;
    try {
      const { body } = await hiring.api.graphql(
        'query ($id: ID!) { jobsByCompany(companyId: $id, limit: 10) { items { id applicationCount stageCounts { stage count } } } }',
        { id: owner },
        hiring.recruiter,
      );
      expect(body.errors).toBeUndefined();
      const items = (body.data as { jobsByCompany: { items: Array<{ id: string; applicationCount: number; stageCounts: Array<{ stage: string; count: number }> }> } }).jobsByCompany.items;
      expect(items.map(({ id, applicationCount, stageCounts }) => [id, applicationCount, stageCounts.find(({ stage }) => stage === 'APPLIED')!.count])).toEqual(
        [...jobIds].reverse().map((id, i) => [id, 3 - i, 3 - i]),
      );
    } finally {
      doc.send = send as unknown as typeof doc.send;
    }
    // The recruiter's membership of the company (tenancy), the page, then one membership read for every
    // job's count fields (the same key, read once) and one batch of counts items.
    expect(sent).toEqual(['GetCommand', 'QueryCommand', 'GetCommand', 'BatchGetCommand']);
  });

  it('follow every application and move, in pipeline order', async () => {
    const job = await aJob('OPEN');
    const applications = [];
    for (let i = 0; i < 4; i += 1) {
      const candidate = await hiring.aCandidate();
      applications.push((await sdk.recruiter.request(ApplyToJobDocument, { jobId: job.id, candidateId: candidate.id })).applyToJob);
    }
    expect(await counts(sdk.recruiter, job.id)).toEqual({ total: 4, APPLIED: 4 });
    const [a, b, c] = applications;
    await sdk.recruiter.request(MoveApplicationDocument, { id: a!.id, stage: 'SCREEN', expectedVersion: 1 });
    await sdk.recruiter.request(MoveApplicationDocument, { id: a!.id, stage: 'INTERVIEW', expectedVersion: 2 });
    await sdk.recruiter.request(MoveApplicationDocument, { id: b!.id, stage: 'REJECTED', expectedVersion: 1 });
    await sdk.recruiter.request(MoveApplicationDocument, { id: c!.id, stage: 'WITHDRAWN', expectedVersion: 1 });
    expect(await counts(sdk.recruiter, job.id)).toEqual({ total: 4, APPLIED: 1, INTERVIEW: 1, REJECTED: 1, WITHDRAWN: 1 });
    const { job: header } = await sdk.admin.request(JobPipelineDocument, { id: job.id });
    expect(header!.stageCounts.map(({ stage }) => stage)).toEqual(['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED', 'WITHDRAWN']);
  });

  it('do not change on a refused move or application', async () => {
    const job = await aJob('OPEN');
    const candidate = await hiring.aCandidate();
    const { applyToJob } = await sdk.recruiter.request(ApplyToJobDocument, { jobId: job.id, candidateId: candidate.id });
    await failure(sdk.recruiter.request(ApplyToJobDocument, { jobId: job.id, candidateId: candidate.id }));
    await failure(sdk.recruiter.request(MoveApplicationDocument, { id: applyToJob.id, stage: 'OFFER', expectedVersion: 1 }));
    await failure(sdk.recruiter.request(MoveApplicationDocument, { id: applyToJob.id, stage: 'SCREEN', expectedVersion: 7 }));
    expect(await counts(sdk.recruiter, job.id)).toEqual({ total: 1, APPLIED: 1 });
  });

  it('stay right under concurrent applications and moves of one job (each change in one transaction)', async () => {
    const job = await aJob('OPEN');
    const candidates = await Promise.all(Array.from({ length: 6 }, () => hiring.aCandidate()));
    const applied = await Promise.all(candidates.map((candidate) => retrying(() => sdk.recruiter.request(ApplyToJobDocument, { jobId: job.id, candidateId: candidate.id }))));
    const targets = ['SCREEN', 'SCREEN', 'REJECTED', 'WITHDRAWN', 'SCREEN', 'REJECTED'] as const;
    await Promise.all(applied.map(({ applyToJob }, i) => retrying(() => sdk.recruiter.request(MoveApplicationDocument, { id: applyToJob.id, stage: targets[i]!, expectedVersion: 1 }))));
    expect(await counts(sdk.recruiter, job.id)).toEqual({ total: 6, SCREEN: 3, REJECTED: 2, WITHDRAWN: 1 });
  });

  it('count a contested move once: one of five concurrent moves of one application wins', async () => {
    const job = await aJob('OPEN');
    const candidate = await hiring.aCandidate();
    const { applyToJob } = await sdk.recruiter.request(ApplyToJobDocument, { jobId: job.id, candidateId: candidate.id });
    const results = await Promise.allSettled(
      (['SCREEN', 'REJECTED', 'WITHDRAWN', 'SCREEN', 'REJECTED'] as const).map((stage) => sdk.recruiter.request(MoveApplicationDocument, { id: applyToJob.id, stage, expectedVersion: 1 })),
    );
    const won = results.filter((result) => result.status === 'fulfilled') as Array<PromiseFulfilledResult<{ moveApplication: { stage: string } }>>;
    expect(won).toHaveLength(1);
    for (const result of results.filter((r) => r.status === 'rejected')) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ errorType: 'ConcurrentModification', errors: [{ errorInfo: { currentVersion: 2 } }] });
    }
    expect(await counts(sdk.recruiter, job.id)).toEqual({ total: 1, [won[0]!.value.moveApplication.stage]: 1 });
    expect((await sdk.recruiter.request(ApplicationDocument, { id: applyToJob.id })).application).toMatchObject({ version: 2 });
  });

  it('are for recruiters and admins: the job board gets Unauthorized on them', async () => {
    const job = await aJob('OPEN');
    const error = await failure(sdk.jobBoard.request(JobPipelineDocument, { id: job.id }));
    expect(error.errorType).toBe('Unauthorized');
    // The counts are non-null, so the denied field nulls the job (AppSync's null propagation).
    expect(error.data).toEqual({ job: null });
    expect((await sdk.jobBoard.request(JobDocument, { id: job.id })).job).toMatchObject({ id: job.id, status: 'OPEN' });
  });
});
