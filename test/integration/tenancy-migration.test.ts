/**
 * Tenancy for data stored before it (npm run migrate:tenancy), against DynamoDB Local and the real
 * handler: an application without its company is out of its recruiters' reach until the migration
 * gives it its job's company and makes that company know the candidate; a second run changes nothing.
 */
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrateTenancy } from '../../scripts/lib/tenancy-migration';
import { applicationKey, candidateCompanyKey, jobKey } from '../../src/data/keys';
import { createHiringApi, storedItems, type HiringApi } from '../helpers/hiring';

let hiring: HiringApi;

beforeAll(async () => {
  hiring = await createHiringApi();
});

const APPLY = 'mutation ($j: ID!, $c: ID!) { applyToJob(jobId: $j, candidateId: $c) { id candidateId } }';
const READ = 'query ($a: ID!, $c: ID!) { application(id: $a) { id companyId } candidate(id: $c) { id applications { items { id } } } }';

/** An application as stored before tenancy: no companyId, and no company knowing its candidate. */
async function aLegacyApplication(hiring: HiringApi, companyId: string, jobId: string): Promise<{ id: string; candidateId: string }> {
  const registrar = await hiring.aCompany({ name: 'Elsewhere' });
  const candidate = await hiring.aCandidate({ companyId: registrar.id });
  const { applyToJob } = await hiring.ok<{ applyToJob: { id: string; candidateId: string } }>(APPLY, { j: jobId, c: candidate.id });
  const { doc, tableName } = hiring.api.db;
  await doc.send(new UpdateCommand({ TableName: tableName, Key: applicationKey(applyToJob.id), UpdateExpression: 'REMOVE companyId' }));
  for (const known of [companyId, registrar.id]) await doc.send(new DeleteCommand({ TableName: tableName, Key: candidateCompanyKey(candidate.id, known) }));
  return applyToJob;
}

describe('migrateTenancy', () => {
  it('gives legacy applications their job’s company, so that its recruiters reach them and their candidates again; a second run changes nothing', async () => {
    const { id: companyId } = await hiring.aCompany({ name: 'Legacy Co' });
    const job = await hiring.aJob(companyId, { status: 'OPEN' });
    const legacy = await aLegacyApplication(hiring, companyId, job.id);
    const before = await hiring.api.graphql(READ, { a: legacy.id, c: legacy.candidateId }, hiring.recruiter);
    // Sibling fields resolve in parallel: their errors come in either order.
    expect(before.body.errors?.map((error) => `${error.path?.[0]}: ${error.errorType}`).sort()).toEqual(['application: Unauthorized', 'candidate: Unauthorized']);

    expect(await migrateTenancy(hiring.api.db.doc, hiring.api.db.tableName)).toEqual({ applications: 1, orphans: 0 });
    const after = await hiring.ok<any>(READ, { a: legacy.id, c: legacy.candidateId });
    expect(after.application).toEqual({ id: legacy.id, companyId });
    expect(after.candidate.applications.items).toEqual([{ id: legacy.id }]);
    const items = await storedItems(hiring.api);
    expect(items).toContainEqual({ PK: `CANDIDATE#${legacy.candidateId}`, SK: `COMPANY#${companyId}`, __typename: 'CandidateCompany', candidateId: legacy.candidateId, companyId });

    expect(await migrateTenancy(hiring.api.db.doc, hiring.api.db.tableName)).toEqual({ applications: 0, orphans: 0 });
  });

  it('leaves an application whose job is gone without a company, and counts it', async () => {
    // A table of its own: the migration reads every application in it.
    const own = await createHiringApi();
    const { id: companyId } = await own.aCompany({ name: 'Gone Co' });
    const job = await own.aJob(companyId, { status: 'OPEN' });
    const legacy = await aLegacyApplication(own, companyId, job.id);
    const { doc, tableName } = own.api.db;
    const { Attributes: stored } = await doc.send(new DeleteCommand({ TableName: tableName, Key: jobKey(job.id), ReturnValues: 'ALL_OLD' }));
    try {
      expect(await migrateTenancy(doc, tableName)).toEqual({ applications: 0, orphans: 1 });
      expect((await storedItems(own.api)).find((item) => item.PK === `APPLICATION#${legacy.id}` && item.SK === '#META')).not.toHaveProperty('companyId');
    } finally {
      await doc.send(new PutCommand({ TableName: tableName, Item: stored }));
    }
  });
});
