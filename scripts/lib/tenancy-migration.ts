/**
 * Tenancy for the applications stored before it (docs/tenancy.md): each gets its job's `companyId`,
 * which the tenancy checks and the subscription filters read, and the job's company then knows the
 * application's candidate (CANDIDATE#<id> / COMPANY#<companyId>). One transaction per application
 * sets the company only while it is still absent and writes that item; an application whose job is
 * gone is left as it is (recruiters cannot reach it; admins still do). Memberships are not made here:
 * admins add them with addCompanyRecruiter. Running it again changes nothing.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { candidateCompanyItem } from '../../src/data/candidates';
import { applicationKey, candidateCompanyKey, jobKey } from '../../src/data/keys';
import { scanEntities, transactUnlessChanged } from './migration';

export interface TenancyMigration {
  /** Applications given their job's company. */
  applications: number;
  /** Applications whose job no longer exists, left without a company. */
  orphans: number;
}

type Item = Record<string, unknown>;

/** Gives one application its company; false when another writer gave it one meanwhile. */
async function migrateOne(doc: DynamoDBDocumentClient, tableName: string, application: Item, companyId: string): Promise<boolean> {
  const candidateId = String(application.candidateId);
  return transactUnlessChanged(doc, [
    {
      Update: {
        TableName: tableName,
        Key: applicationKey(String(application.id)),
        UpdateExpression: 'SET companyId = :company',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(companyId)',
        ExpressionAttributeValues: { ':company': companyId },
      },
    },
    { Put: { TableName: tableName, Item: { ...candidateCompanyKey(candidateId, companyId), ...candidateCompanyItem(candidateId, companyId) } } },
  ]);
}

/** Migrates every application of `tableName` stored without a company (see the header). */
export async function migrateTenancy(doc: DynamoDBDocumentClient, tableName: string): Promise<TenancyMigration> {
  const result: TenancyMigration = { applications: 0, orphans: 0 };
  const companyOfJob = new Map<string, string | null>();
  for await (const application of scanEntities(doc, tableName, 'APPLICATION#', { expression: 'attribute_not_exists(companyId)' })) {
    const jobId = String(application.jobId);
    if (!companyOfJob.has(jobId)) {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: jobKey(jobId), ConsistentRead: true }));
      companyOfJob.set(jobId, Item ? String(Item.companyId) : null);
    }
    const companyId = companyOfJob.get(jobId);
    if (!companyId) result.orphans += 1;
    else if (await migrateOne(doc, tableName, application, companyId)) result.applications += 1;
  }
  return result;
}
