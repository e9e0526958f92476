// Writes whose outcome the network hid, through the real handler: a transaction that committed but
// whose response was lost, a move likewise, and a re-read that fails after a failed condition.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedItems } from '../../helpers/hiring';
import { createFaultyHiring, type FaultyHiring } from './setup';

const APPLY = 'mutation ($jobId: ID!, $candidateId: ID!) { applyToJob(jobId: $jobId, candidateId: $candidateId) { id stage version } }';
const MOVE = 'mutation ($id: ID!, $stage: Stage!, $v: Int!) { moveApplication(id: $id, stage: $stage, expectedVersion: $v) { id stage version history { stage } } }';

let faulty: FaultyHiring;
let companyId: string;
beforeAll(async () => {
  faulty = await createFaultyHiring({}, { retry: { baseDelayMs: 1, maxDelayMs: 5 } });
  companyId = (await faulty.hiring.aCompany()).id;
});
afterAll(() => faulty.proxy.close());

/** Applies `mode` to the first request of `operation` from now on, and passes everything else. */
function once(operation: string, mode: 'lose-response' | 'reset', bodies: string[] = []) {
  let used = false;
  return faulty.proxy.setMode((request) => {
    if (request.operation !== operation) return 'pass';
    bodies.push(request.body);
    if (used) return 'pass';
    used = true;
    return mode;
  });
}

async function anApplication() {
  const job = await faulty.hiring.aJob(companyId);
  const candidate = await faulty.hiring.aCandidate();
  const { applyToJob } = await faulty.hiring.ok<any>(APPLY, { jobId: job.id, candidateId: candidate.id });
  return { ...applyToJob, jobId: job.id } as { id: string; version: number; jobId: string };
}

describe('Mutation.applyToJob', () => {
  it('DDB-41 reports success, once, when its transaction committed but the response was lost', async () => {
    const job = await faulty.hiring.aJob(companyId);
    const candidate = await faulty.hiring.aCandidate();
    const bodies: string[] = [];
    await once('TransactWriteItems', 'lose-response', bodies);
    try {
      const { body } = await faulty.hiring.api.graphql(APPLY, { jobId: job.id, candidateId: candidate.id }, faulty.hiring.recruiter);
      expect(body.errors).toBeUndefined();
      expect(body.data!.applyToJob).toMatchObject({ stage: 'APPLIED', version: 1 });
    } finally {
      await faulty.proxy.setMode('pass');
    }
    // The SDK sent the same transaction twice, with the same token: DynamoDB applied it once.
    expect(bodies).toHaveLength(2);
    const tokens = bodies.map((text) => JSON.parse(text).ClientRequestToken);
    expect(tokens[0]).toEqual(expect.any(String));
    expect(tokens[1]).toBe(tokens[0]);
    const stored = (await storedItems(faulty.hiring.api)).filter((item) => item.jobId === job.id && item.__typename === 'Application');
    expect(stored).toHaveLength(1);
  });

  it('gives every transaction its own token', async () => {
    const bodies: string[] = [];
    await faulty.proxy.setMode((request) => (request.operation === 'TransactWriteItems' && bodies.push(request.body), 'pass'));
    try {
      await anApplication();
      await anApplication();
    } finally {
      await faulty.proxy.setMode('pass');
    }
    // Two candidates and two applications: four transactions.
    const tokens = bodies.map((text) => JSON.parse(text).ClientRequestToken);
    expect(tokens).toHaveLength(4);
    expect(new Set(tokens).size).toBe(4);
  });
});

describe('Mutation.createJob', () => {
  it('DDB-14 reports success, once, when its conditional put committed but the response was lost', async () => {
    const bodies: string[] = [];
    await once('PutItem', 'lose-response', bodies);
    let id: string;
    try {
      const { body } = await faulty.hiring.api.graphql(
        'mutation ($input: CreateJobInput!) { createJob(input: $input) { id title } }',
        { input: { companyId, title: 'Lost and found', status: 'OPEN' } },
        faulty.hiring.recruiter,
      );
      expect(body.errors).toBeUndefined();
      id = body.data!.createJob.id;
    } finally {
      await faulty.proxy.setMode('pass');
    }
    // The SDK's resend failed "if absent"; the re-read found the identical item, which is success.
    expect(bodies).toHaveLength(2);
    const stored = (await storedItems(faulty.hiring.api)).filter((item) => item.title === 'Lost and found');
    expect(stored).toEqual([expect.objectContaining({ id })]);
  });
});

describe('Mutation.moveApplication', () => {
  it('DDB-41 reports success, once, when its transaction committed but the response was lost: the job counts the move once', async () => {
    const application = await anApplication();
    const bodies: string[] = [];
    await once('TransactWriteItems', 'lose-response', bodies);
    try {
      const { body } = await faulty.hiring.api.graphql(MOVE, { id: application.id, stage: 'SCREEN', v: 1 }, faulty.hiring.recruiter);
      expect(body.errors).toBeUndefined();
      expect(body.data!.moveApplication).toEqual({ id: application.id, stage: 'SCREEN', version: 2, history: [{ stage: 'APPLIED' }, { stage: 'SCREEN' }] });
    } finally {
      await faulty.proxy.setMode('pass');
    }
    // The SDK sent the same transaction twice, with the same token: DynamoDB applied it once.
    expect(bodies).toHaveLength(2);
    expect(JSON.parse(bodies[1]!).ClientRequestToken).toBe(JSON.parse(bodies[0]!).ClientRequestToken);
    const counts = (await storedItems(faulty.hiring.api)).find((item) => item.PK === `JOB#${application.jobId}` && item.SK === '#COUNTS')!;
    expect(counts).toMatchObject({ applicationCount: 1, stageCount_APPLIED: 0, stageCount_SCREEN: 1 });
  });

  it('still answers ConcurrentModification for another client’s move', async () => {
    const application = await anApplication();
    await faulty.hiring.ok(MOVE, { id: application.id, stage: 'SCREEN', v: 1 });
    const { body } = await faulty.hiring.api.graphql(MOVE, { id: application.id, stage: 'REJECTED', v: 1 }, faulty.hiring.recruiter);
    expect(body.errors?.[0]).toMatchObject({ errorType: 'ConcurrentModification', errorInfo: { currentVersion: 2, currentStage: 'SCREEN' } });
  });

  it('DDB-14 answers DataSourceUnavailable, not NotFound, when the re-read after a stale move fails', async () => {
    const application = await anApplication();
    await faulty.hiring.ok(MOVE, { id: application.id, stage: 'SCREEN', v: 1 });
    // The stale move fails its condition; every attempt of the re-read is reset.
    await faulty.proxy.setMode(({ operation }) => (operation === 'GetItem' ? 'reset' : 'pass'));
    try {
      const { body } = await faulty.hiring.api.graphql(MOVE, { id: application.id, stage: 'INTERVIEW', v: 1 }, faulty.hiring.recruiter);
      expect(body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]).toMatchObject({ errorType: 'DataSourceUnavailable', path: ['moveApplication'] });
    } finally {
      await faulty.proxy.setMode('pass');
    }
  });
});
