/**
 * Moving counters that jobs kept on their own item into their counts items (npm run migrate:job-counts),
 * against DynamoDB Local and the real handler: the counts the API serves add up whichever came first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { migrateJobCounts } from '../../scripts/lib/job-counts-migration';
import { createHiringApi, storedItems, type HiringApi } from '../helpers/hiring';

let hiring: HiringApi;
let companyId: string;

beforeAll(async () => {
  hiring = await createHiringApi();
  companyId = (await hiring.aCompany({ name: 'Migrated Co' })).id;
});

const JOB_COUNTS = 'query ($id: ID!) { job(id: $id) { applicationCount stageCounts { stage count } } }';

async function counts(jobId: string) {
  const { job } = await hiring.ok<{ job: { applicationCount: number; stageCounts: Array<{ stage: string; count: number }> } }>(JOB_COUNTS, { id: jobId });
  return { total: job.applicationCount, ...Object.fromEntries(job.stageCounts.filter(({ count }) => count !== 0).map(({ stage, count }) => [stage, count])) };
}

/** Counters as jobs stored them on their own item before the counts item. */
async function legacyCounters(jobId: string, counters: Record<string, number>) {
  const names = Object.keys(counters);
  await hiring.api.db.doc.send(
    new UpdateCommand({
      TableName: hiring.api.db.tableName,
      Key: { PK: `JOB#${jobId}`, SK: '#META' },
      UpdateExpression: `SET ${names.map((_, i) => `#c${i} = :c${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#c${i}`, name])),
      ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:c${i}`, counters[name]])),
    }),
  );
}

const itemsOf = async (jobId: string) => (await storedItems(hiring.api)).filter((item) => item.PK === `JOB#${jobId}`);

describe('migrateJobCounts', () => {
  it('adds a job’s own counters to the changes its counts item holds, removes them from the job, and moves nothing on a second run', async () => {
    const job = await hiring.aJob(companyId, { status: 'OPEN' });
    const empty = await hiring.aJob(companyId, { status: 'OPEN' });
    // Counted before the counts item: three applications, one of them screened.
    await legacyCounters(job.id, { applicationCount: 3, stageCount_APPLIED: 2, stageCount_SCREEN: 1 });
    await legacyCounters(empty.id, { applicationCount: 0 });
    // Since then: a new application through the API, and an older one screened, as the move's transaction adds it (below zero in APPLIED).
    const candidate = await hiring.aCandidate();
    await hiring.ok('mutation ($j: ID!, $c: ID!) { applyToJob(jobId: $j, candidateId: $c) { id } }', { j: job.id, c: candidate.id });
    await hiring.api.db.doc.send(
      new UpdateCommand({
        TableName: hiring.api.db.tableName,
        Key: { PK: `JOB#${job.id}`, SK: '#COUNTS' },
        UpdateExpression: 'ADD stageCount_APPLIED :less, stageCount_SCREEN :more',
        ExpressionAttributeValues: { ':less': -1, ':more': 1 },
      }),
    );
    expect(await counts(job.id)).toEqual({ total: 1, SCREEN: 1 });

    const first = await migrateJobCounts(hiring.api.db.doc, hiring.api.db.tableName);
    expect(first).toEqual({ moved: 2, retries: 0 });
    expect(await counts(job.id)).toEqual({ total: 4, APPLIED: 2, SCREEN: 2 });
    expect(await counts(empty.id)).toEqual({ total: 0 });
    for (const item of [...(await itemsOf(job.id)), ...(await itemsOf(empty.id))].filter((item) => item.SK === '#META')) {
      expect(Object.keys(item).filter((name) => name === 'applicationCount' || name.startsWith('stageCount_'))).toEqual([]);
    }
    // Zeros are not worth a counts item.
    expect((await itemsOf(empty.id)).map((item) => item.SK)).toEqual(['#META']);

    expect(await migrateJobCounts(hiring.api.db.doc, hiring.api.db.tableName)).toEqual({ moved: 0, retries: 0 });
    expect(await counts(job.id)).toEqual({ total: 4, APPLIED: 2, SCREEN: 2 });
  });

  it('reads a job again when an older API changed its counters after the scan, and loses no count', async () => {
    const job = await hiring.aJob(companyId, { status: 'OPEN' });
    await legacyCounters(job.id, { applicationCount: 1, stageCount_APPLIED: 1 });
    const doc = hiring.api.db.doc;
    const send = doc.send.bind(doc) as (command: unknown) => Promise<unknown>;
    let interleaved = false;
    // An older API counts one more application on the job item just before the first move reaches DynamoDB.
    doc.send = (async (command: { constructor: { name: string } }) => {
      if (command.constructor.name === 'TransactWriteCommand' && !interleaved) {
        interleaved = true;
        await legacyCounters(job.id, { applicationCount: 2, stageCount_APPLIED: 2 });
      }
      return send(command);
    }) as unknown as typeof doc.send;
    try {
      expect(await migrateJobCounts(doc, hiring.api.db.tableName)).toEqual({ moved: 1, retries: 1 });
    } finally {
      doc.send = send as unknown as typeof doc.send;
    }
    expect(await counts(job.id)).toEqual({ total: 2, APPLIED: 2 });
  });
});
