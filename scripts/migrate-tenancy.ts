/**
 * `npm run migrate:tenancy`: gives the applications stored before tenancy their job's company, and
 * makes that company know their candidates (scripts/lib/tenancy-migration.ts). Run it once the API
 * with tenancy is deployed; then add each company's recruiters (addCompanyRecruiter). TABLE_NAME is
 * the table (required); DYNAMODB_ENDPOINT another endpoint, e.g. DynamoDB Local (default: AWS's, for
 * the region of the AWS environment).
 */
import { migrateTenancy } from './lib/tenancy-migration.ts';
import { migrationTarget } from './lib/migration.ts';

const { doc, tableName } = migrationTarget('the table whose applications to migrate');
const { applications, orphans } = await migrateTenancy(doc, tableName);
console.log(`Gave ${applications} applications in ${tableName} their job's company (${orphans} left without one: their job is gone)`);
