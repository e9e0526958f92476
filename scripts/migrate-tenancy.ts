/**
 * `npm run migrate:tenancy`: gives the applications stored before tenancy their job's company, and
 * makes that company know their candidates (scripts/lib/tenancy-migration.ts). Run it once the API
 * with tenancy is deployed; then add each company's recruiters (addCompanyRecruiter). TABLE_NAME is
 * the table (required); DYNAMODB_ENDPOINT another endpoint, e.g. DynamoDB Local (default: AWS's, for
 * the region of the AWS environment).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { migrateTenancy } from './lib/tenancy-migration.ts';

const tableName = process.env.TABLE_NAME;
if (!tableName) {
  console.error('TABLE_NAME is required: the table whose applications to migrate');
  process.exit(1);
}
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT || undefined }));
const { applications, orphans } = await migrateTenancy(doc, tableName);
console.log(`Gave ${applications} applications in ${tableName} their job's company (${orphans} left without one: their job is gone)`);
