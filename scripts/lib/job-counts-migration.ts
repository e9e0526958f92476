/**
 * Moves application counters kept on job items (`applicationCount`, `stageCount_<STAGE>`, as jobs
 * stored them before the counts item) into each job's counts item (JOB#<id> / #COUNTS, see
 * src/data/keys.ts): one transaction per job ADDs them to the counts item and REMOVEs them from the
 * job item, on condition that the job item still holds the values read. The counts item may already
 * hold changes the API made since (ADD from applications and moves), so the sum is right in any
 * order; a job whose counters changed meanwhile (an older API still writing them) is read again.
 * Running it again moves only what is left.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { jobCountsKey, jobKey, STAGE_RANK } from '../../src/data/keys';
import { scanEntities, transactUnlessChanged } from './migration';

/** The counter attributes a job item may carry. */
export const JOB_COUNTER_ATTRIBUTES = ['applicationCount', ...Object.keys(STAGE_RANK).map((stage) => `stageCount_${stage}`)];

export interface JobCountsMigration {
  /** Job items whose counters were moved. */
  moved: number;
  /** Transactions that found the counters changed since they were read, and read them again. */
  retries: number;
}

type Item = Record<string, unknown>;

const countersOf = (job: Item) => JOB_COUNTER_ATTRIBUTES.filter((name) => typeof job[name] === 'number');

/** Moves one job's counters; false when they changed since `job` was read. */
async function moveOne(doc: DynamoDBDocumentClient, tableName: string, job: Item): Promise<boolean> {
  const names = countersOf(job);
  const nameOf = Object.fromEntries(names.map((name, i) => [`#c${i}`, name]));
  const valueOf = Object.fromEntries(names.map((name, i) => [`:c${i}`, job[name]]));
  const nonZero = names.map((name, i) => ({ name, i })).filter(({ name }) => job[name] !== 0);
  return transactUnlessChanged(doc, [
    {
      Update: {
        TableName: tableName,
        Key: jobKey(String(job.id)),
        UpdateExpression: `REMOVE ${Object.keys(nameOf).join(', ')}`,
        ConditionExpression: Object.keys(nameOf)
          .map((name, i) => `${name} = :c${i}`)
          .join(' AND '),
        ExpressionAttributeNames: nameOf,
        ExpressionAttributeValues: valueOf,
      },
    },
    ...(nonZero.length
      ? [
          {
            Update: {
              TableName: tableName,
              Key: jobCountsKey(String(job.id)),
              UpdateExpression: `ADD ${nonZero.map(({ i }) => `#c${i} :c${i}`).join(', ')}`,
              ExpressionAttributeNames: Object.fromEntries(nonZero.map(({ name, i }) => [`#c${i}`, name])),
              ExpressionAttributeValues: Object.fromEntries(nonZero.map(({ name, i }) => [`:c${i}`, job[name]])),
            },
          },
        ]
      : []),
  ]);
}

/** Moves the counters of every job item in `tableName` (see the header). */
export async function migrateJobCounts(doc: DynamoDBDocumentClient, tableName: string, maxAttempts = 10): Promise<JobCountsMigration> {
  const result: JobCountsMigration = { moved: 0, retries: 0 };
  const anyCounter = {
    expression: JOB_COUNTER_ATTRIBUTES.map((_, i) => `attribute_exists(#c${i})`).join(' OR '),
    names: Object.fromEntries(JOB_COUNTER_ATTRIBUTES.map((name, i) => [`#c${i}`, name])),
  };
  for await (let job of scanEntities(doc, tableName, 'JOB#', anyCounter)) {
    for (let attempt = 1; ; attempt += 1) {
      if (await moveOne(doc, tableName, job)) {
        result.moved += 1;
        break;
      }
      if (attempt >= maxAttempts) throw new Error(`The counters of job ${job.id} kept changing; run the migration again`);
      result.retries += 1;
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: jobKey(String(job.id)), ConsistentRead: true }));
      if (!Item || countersOf(Item).length === 0) break;
      job = Item;
    }
  }
  return result;
}
