/**
 * Mutation.withdrawApplication end to end through the SDK: recruiters and admins withdraw any
 * application, a signed-in candidate (group `candidates`) only their own, linked by the `userId` (the
 * user's Cognito sub) on their candidate record; the job's counts follow in the same transaction.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApplicationDocument,
  ApplyToJobDocument,
  GraphQLRequestError,
  JobPipelineDocument,
  MoveApplicationDocument,
  WithdrawApplicationDocument,
  type Client,
} from '@hiring/sdk';
import { createHiringApi, type HiringApi } from '../helpers/hiring';
import { createHiringSdk, type HiringSdk } from '../helpers/sdk';
import { rejection } from '@appsync-lambda/test-support';

let hiring: HiringApi;
let sdk: HiringSdk;
let jobId: string;

beforeAll(async () => {
  hiring = await createHiringApi();
  sdk = await createHiringSdk(hiring);
  const company = await hiring.aCompany({ name: 'Withdraw Co' });
  jobId = (await hiring.aJob(company.id)).id;
});
afterAll(() => sdk?.close());

/** A candidate signed in as user `sub`: the candidate record carries the link the sign-in flow writes. */
async function aSignedInCandidate(): Promise<{ id: string; client: Client }> {
  const sub = randomUUID();
  const candidate = await hiring.aCandidate();
  await hiring.api.db.doc.send(
    new UpdateCommand({
      TableName: hiring.api.db.tableName,
      Key: { PK: `CANDIDATE#${candidate.id}`, SK: '#META' },
      UpdateExpression: 'SET userId = :sub',
      ExpressionAttributeValues: { ':sub': sub },
    }),
  );
  return { id: candidate.id, client: sdk.as(hiring.signedIn(['candidates'], { sub })) };
}

async function anApplication(candidateId?: string) {
  const candidate = candidateId ?? (await hiring.aCandidate()).id;
  return (await sdk.recruiter.request(ApplyToJobDocument, { jobId, candidateId: candidate })).applyToJob;
}

async function failure(request: Promise<unknown>) {
  const error = await rejection(request);
  expect(error).toBeInstanceOf(GraphQLRequestError);
  const { errorType, errors } = error as GraphQLRequestError;
  return { errorType, errorInfo: errors[0]?.errorInfo, path: errors[0]?.path };
}

const stageOf = async (id: string) => (await sdk.recruiter.request(ApplicationDocument, { id })).application;
const withdrawnCount = async () => (await sdk.recruiter.request(JobPipelineDocument, { id: jobId })).job!.stageCounts.find(({ stage }) => stage === 'WITHDRAWN')!.count;

describe('Mutation.withdrawApplication', () => {
  it('lets a recruiter withdraw any application: WITHDRAWN, one version more, counted on the job', async () => {
    const application = await anApplication();
    const before = await withdrawnCount();
    const { withdrawApplication } = await sdk.recruiter.request(WithdrawApplicationDocument, { id: application.id, expectedVersion: 1 });
    expect(withdrawApplication).toMatchObject({ id: application.id, stage: 'WITHDRAWN', version: 2 });
    expect(await withdrawnCount()).toBe(before + 1);
    const admin = await anApplication();
    await sdk.recruiter.request(MoveApplicationDocument, { id: admin.id, stage: 'SCREEN', expectedVersion: 1 });
    expect((await sdk.admin.request(WithdrawApplicationDocument, { id: admin.id, expectedVersion: 2 })).withdrawApplication).toMatchObject({ stage: 'WITHDRAWN', version: 3 });
  });

  it('lets a signed-in candidate withdraw their own application', async () => {
    const me = await aSignedInCandidate();
    const application = await anApplication(me.id);
    const { withdrawApplication } = await me.client.request(WithdrawApplicationDocument, { id: application.id, expectedVersion: 1 });
    expect(withdrawApplication).toMatchObject({ id: application.id, jobId: application.jobId, stage: 'WITHDRAWN', version: 2 });
    expect(await stageOf(application.id)).toMatchObject({ stage: 'WITHDRAWN', version: 2 });
  });

  it('answers Unauthorized to a candidate withdrawing another candidate’s application, and changes nothing', async () => {
    const me = await aSignedInCandidate();
    const someoneElse = await aSignedInCandidate();
    const theirs = await anApplication(someoneElse.id);
    const before = await withdrawnCount();
    expect(await failure(me.client.request(WithdrawApplicationDocument, { id: theirs.id, expectedVersion: 1 }))).toEqual({
      errorType: 'Unauthorized',
      errorInfo: { id: theirs.id },
      path: ['withdrawApplication'],
    });
    expect(await stageOf(theirs.id)).toMatchObject({ stage: 'APPLIED', version: 1 });
    expect(await withdrawnCount()).toBe(before);
  });

  it('answers Unauthorized to a candidate whose user is linked to no candidate record', async () => {
    const application = await anApplication();
    const stranger = sdk.as(hiring.signedIn(['candidates'], { sub: randomUUID() }));
    expect(await failure(stranger.request(WithdrawApplicationDocument, { id: application.id, expectedVersion: 1 }))).toMatchObject({ errorType: 'Unauthorized' });
    expect(await stageOf(application.id)).toMatchObject({ stage: 'APPLIED' });
  });

  it('answers InvalidTransition for a final stage and ConcurrentModification for a stale version', async () => {
    const hired = await anApplication();
    let version = 1;
    for (const stage of ['SCREEN', 'INTERVIEW', 'OFFER', 'HIRED'] as const) {
      version = (await sdk.recruiter.request(MoveApplicationDocument, { id: hired.id, stage, expectedVersion: version })).moveApplication.version;
    }
    expect(await failure(sdk.recruiter.request(WithdrawApplicationDocument, { id: hired.id, expectedVersion: version }))).toMatchObject({
      errorType: 'InvalidTransition',
      errorInfo: { from: 'HIRED', to: 'WITHDRAWN' },
    });
    const twice = await anApplication();
    await sdk.recruiter.request(WithdrawApplicationDocument, { id: twice.id, expectedVersion: 1 });
    expect(await failure(sdk.recruiter.request(WithdrawApplicationDocument, { id: twice.id, expectedVersion: 2 }))).toMatchObject({
      errorType: 'InvalidTransition',
      errorInfo: { from: 'WITHDRAWN', to: 'WITHDRAWN' },
    });
    const stale = await anApplication();
    await sdk.recruiter.request(MoveApplicationDocument, { id: stale.id, stage: 'SCREEN', expectedVersion: 1 });
    expect(await failure(sdk.recruiter.request(WithdrawApplicationDocument, { id: stale.id, expectedVersion: 1 }))).toMatchObject({
      errorType: 'ConcurrentModification',
      errorInfo: { currentVersion: 2, currentStage: 'SCREEN' },
    });
  });

  it('answers NotFound for an unknown application', async () => {
    expect(await failure(sdk.recruiter.request(WithdrawApplicationDocument, { id: 'missing', expectedVersion: 1 }))).toMatchObject({ errorType: 'NotFound', errorInfo: { id: 'missing' } });
  });

  it('AUTH-03 refuses the job board and signed-in users in no group; a candidate cannot use moveApplication', async () => {
    const me = await aSignedInCandidate();
    const application = await anApplication(me.id);
    for (const client of [sdk.jobBoard, sdk.as(hiring.member)]) {
      expect(await failure(client.request(WithdrawApplicationDocument, { id: application.id, expectedVersion: 1 }))).toMatchObject({ errorType: 'Unauthorized' });
    }
    expect(await failure(me.client.request(MoveApplicationDocument, { id: application.id, stage: 'WITHDRAWN', expectedVersion: 1 }))).toMatchObject({
      errorType: 'Unauthorized',
      path: ['moveApplication'],
    });
    expect(await stageOf(application.id)).toMatchObject({ stage: 'APPLIED', version: 1 });
  });
});
