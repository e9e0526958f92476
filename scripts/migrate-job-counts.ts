/**
 * `npm run migrate:job-counts`: moves the application counters that jobs stored on their own item
 * into their counts items (scripts/lib/job-counts-migration.ts). Run it once the API that reads the
 * counts items is deployed (and again if it reports counters that kept changing). TABLE_NAME is the
 * table (required); DYNAMODB_ENDPOINT another endpoint, e.g. DynamoDB Local (default: AWS's, for
 * the region of the AWS environment).
 */
import { migrateJobCounts } from './lib/job-counts-migration.ts';
import { migrationTarget } from './lib/migration.ts';

const { doc, tableName } = migrationTarget('the table whose jobs to migrate');
const { moved, retries } = await migrateJobCounts(doc, tableName);
console.log(`Moved the counters of ${moved} jobs into their counts items in ${tableName} (${retries} read again after a concurrent change)`);
