/** The hiring API's table (src/data/table.json, as serverless.yml deploys it) in a DynamoDB Local database of the test file's own. */
import { createTestDatabase as createLocalDatabase, type TestDatabase as LocalDatabase } from '@appsync-lambda/dynamodb-local/vitest';
import { tableDefinition } from '../../src/data/keys';

export interface TestDatabase extends LocalDatabase {
  tableName: string;
}

export async function createTestDatabase(tableName = 'hiring-test'): Promise<TestDatabase> {
  return { ...(await createLocalDatabase({ [tableName]: tableDefinition })), tableName };
}
