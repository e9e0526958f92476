// Retries that hold up, through the real handler and the fault proxy: transaction conflicts are
// retried a bounded number of times, and a burst of faults does not leave the container degraded.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StandardRetryStrategy } from '@smithy/core/retry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONFLICT_RETRIES, RETRY_DEFAULTS } from '@appsync-lambda/engine';
import { startFaultProxy, type FaultChooser } from '../../helpers/fault-proxy';
import { createHiringApi, storedItems, type HiringApi } from '../../helpers/hiring';
import { createFaultyHiring, type FaultyHiring } from './setup';

const APPLY = 'mutation ($jobId: ID!, $candidateId: ID!) { applyToJob(jobId: $jobId, candidateId: $candidateId) { id stage } }';
const JOB = 'query ($id: ID!) { job(id: $id) { id } }';

/** DynamoDB's answer to a transaction that another transaction on the same items got in the way of. */
const conflict = {
  dynamodbError: 'TransactionCanceledException',
  message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict, None]',
  extra: { CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }, { Code: 'None' }] },
};

describe('TransactionConflict', () => {
  let faulty: FaultyHiring;
  let companyId: string;
  beforeAll(async () => {
    faulty = await createFaultyHiring();
    companyId = (await faulty.hiring.aCompany()).id;
  });
  afterAll(() => faulty.proxy.close());

  /** Answers the first `times` transactions with a conflict; records every transaction's body. */
  function conflicts(times: number, bodies: string[]) {
    return faulty.proxy.setMode(({ operation, body }) => {
      if (operation !== 'TransactWriteItems') return 'pass';
      bodies.push(body);
      return bodies.length <= times ? conflict : 'pass';
    });
  }

  it('DDB-41 retries a transaction cancelled by a conflict, each time with a new token, and succeeds', async () => {
    const job = await faulty.hiring.aJob(companyId);
    const candidate = await faulty.hiring.aCandidate();
    const bodies: string[] = [];
    await conflicts(MAX_CONFLICT_RETRIES, bodies);
    try {
      const { body } = await faulty.hiring.api.graphql(APPLY, { jobId: job.id, candidateId: candidate.id }, faulty.hiring.recruiter);
      expect(body.errors).toBeUndefined();
      expect(body.data!.applyToJob).toMatchObject({ stage: 'APPLIED' });
    } finally {
      await faulty.proxy.setMode('pass');
    }
    expect(bodies).toHaveLength(MAX_CONFLICT_RETRIES + 1);
    expect(new Set(bodies.map((text) => JSON.parse(text).ClientRequestToken)).size).toBe(bodies.length);
  });

  it('GAP-11 answers the retryable TransactionConflict, and writes nothing, when conflicts outlast the retries', async () => {
    const job = await faulty.hiring.aJob(companyId);
    const candidate = await faulty.hiring.aCandidate();
    const bodies: string[] = [];
    await conflicts(Number.POSITIVE_INFINITY, bodies);
    try {
      const { body } = await faulty.hiring.api.graphql(APPLY, { jobId: job.id, candidateId: candidate.id }, faulty.hiring.recruiter);
      expect(body.data).toBeNull();
      expect(body.errors).toEqual([expect.objectContaining({ errorType: 'TransactionConflict', errorInfo: { retryable: true }, path: ['applyToJob'] })]);
      expect(JSON.stringify(body)).not.toContain('TransactionCanceledException');
    } finally {
      await faulty.proxy.setMode('pass');
    }
    expect(bodies).toHaveLength(MAX_CONFLICT_RETRIES + 1);
    expect(faulty.logs).toContainEqual(expect.objectContaining({ level: 'WARN', message: 'DynamoDB transaction conflicts outlived the retries', coordinate: 'Mutation.applyToJob/putApplication' }));
    expect((await storedItems(faulty.hiring.api)).filter((item) => item.jobId === job.id && item.__typename === 'Application')).toEqual([]);
  });

  it('does not retry a transaction cancelled by a failed condition', async () => {
    const job = await faulty.hiring.aJob(companyId);
    const candidate = await faulty.hiring.aCandidate();
    await faulty.hiring.ok(APPLY, { jobId: job.id, candidateId: candidate.id });
    const bodies: string[] = [];
    await faulty.proxy.setMode(({ operation, body }) => (operation === 'TransactWriteItems' && bodies.push(body), 'pass'));
    try {
      const { body } = await faulty.hiring.api.graphql(APPLY, { jobId: job.id, candidateId: candidate.id }, faulty.hiring.recruiter);
      expect(body.errors?.[0]).toMatchObject({ errorType: 'AlreadyApplied' });
    } finally {
      await faulty.proxy.setMode('pass');
    }
    expect(bodies).toHaveLength(1);
  });
});

/** A reproducible coin: the same seed throttles the same requests. */
function halfThrottled(seed: number): FaultChooser {
  let state = seed;
  return ({ operation }) => {
    if (operation !== 'GetItem') return 'pass';
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state >>> 16 < 32_768 ? 'throttle' : 'pass';
  };
}

interface Container {
  hiring: HiringApi;
  setMode: (mode: Parameters<FaultyHiring['proxy']['setMode']>[0]) => Promise<void>;
}

/** Failed requests among 50 sequential reads at 50 % throttling. */
async function fiftyAtHalfThrottling(container: Container, jobId: string): Promise<number> {
  await container.setMode(halfThrottled(7));
  let failed = 0;
  for (let i = 0; i < 50; i += 1) {
    const { body } = await container.hiring.api.graphql(JOB, { id: jobId }, container.hiring.jobBoard);
    if (body.errors) failed += 1;
  }
  await container.setMode('pass');
  return failed;
}

/** 60 concurrent reads whose every attempt is reset. */
async function burst(container: Container, jobId: string): Promise<void> {
  await container.setMode('reset');
  await Promise.all(Array.from({ length: 60 }, () => container.hiring.api.graphql(JOB, { id: jobId }, container.hiring.jobBoard)));
  await container.setMode('pass');
}

async function aJobIn(hiring: HiringApi): Promise<string> {
  return (await hiring.aJob((await hiring.aCompany()).id)).id;
}

describe('the retry quota after a burst of faults', () => {
  it('refills with time, where the SDK’s standard quota stays spent', async () => {
    // This runtime's strategy, on a clock the test moves: no time passes unless the test says so.
    let now = 0;
    const fast = { baseDelayMs: 1, throttlingBaseDelayMs: 1, maxDelayMs: 2 };
    const ours = await createFaultyHiring({}, { retry: { ...fast, now: () => now } });
    const oursJob = await aJobIn(ours.hiring);
    const oursContainer = { hiring: ours.hiring, setMode: ours.proxy.setMode };

    // The SDK's standard strategy (its quota and costs), with short waits so the test stays fast.
    const proxy = await startFaultProxy({ target: ours.hiring.api.db.endpoint });
    const sdk = await createHiringApi({
      trustedDocuments: undefined,
      connect: (db) =>
        DynamoDBDocumentClient.from(
          new DynamoDBClient({
            endpoint: proxy.endpoint,
            region: 'local',
            credentials: { accessKeyId: db.accessKeyId, secretAccessKey: 'local' },
            retryStrategy: new StandardRetryStrategy({ maxAttempts: 3, backoff: { computeNextBackoffDelay: () => 1, setDelayBase: () => undefined } }),
          }),
        ),
    });
    const sdkJob = await aJobIn(sdk);
    const sdkContainer = { hiring: sdk, setMode: proxy.setMode };

    try {
      const figures = {
        sdkFresh: await fiftyAtHalfThrottling(sdkContainer, sdkJob),
        sdkAfterBurst: (await burst(sdkContainer, sdkJob), await fiftyAtHalfThrottling(sdkContainer, sdkJob)),
        oursFresh: await fiftyAtHalfThrottling(oursContainer, oursJob),
        oursQuotaAfterBurst: (await burst(oursContainer, oursJob), Math.floor(ours.retryStrategy.quota)),
        oursRightAfterBurst: await fiftyAtHalfThrottling(oursContainer, oursJob),
        oursAfterRefill: 0,
      };
      now += (RETRY_DEFAULTS.quotaCapacity / RETRY_DEFAULTS.quotaRefillPerSecond) * 1000;
      figures.oursAfterRefill = await fiftyAtHalfThrottling(oursContainer, oursJob);
      console.info('Failed requests of 50 at 50 % throttling (3 attempts each):', figures);

      // The SDK's quota only refills through successes: after the burst it keeps refusing retries.
      expect(figures.sdkAfterBurst).toBeGreaterThan(figures.sdkFresh);
      // Right after the burst this quota is spent too (a lasting outage is not multiplied)...
      expect(figures.oursQuotaAfterBurst).toBeLessThan(5);
      expect(figures.oursRightAfterBurst).toBeGreaterThan(figures.oursFresh);
      // ...and once the refill time has passed the container behaves as a fresh one.
      expect(figures.oursAfterRefill).toBe(figures.oursFresh);
    } finally {
      await proxy.close();
      await ours.proxy.close();
    }
  }, 60_000);
});
