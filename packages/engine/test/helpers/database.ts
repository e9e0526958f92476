/**
 * The engine's test table in a DynamoDB Local database of the test file's own: the generic keys
 * PK and SK, and one global secondary index, GSI1 (GSI1PK, GSI1SK), projecting everything.
 */
import type { TableDefinition } from '@appsync-lambda/dynamodb-local';
import { createTestDatabase as createLocalDatabase, type TestDatabase as LocalDatabase } from '@appsync-lambda/dynamodb-local/vitest';

export interface TestDatabase extends LocalDatabase {
  tableName: string;
}

export const TEST_TABLE: TableDefinition = {
  AttributeDefinitions: [
    { AttributeName: 'PK', AttributeType: 'S' },
    { AttributeName: 'SK', AttributeType: 'S' },
    { AttributeName: 'GSI1PK', AttributeType: 'S' },
    { AttributeName: 'GSI1SK', AttributeType: 'S' },
  ],
  KeySchema: [
    { AttributeName: 'PK', KeyType: 'HASH' },
    { AttributeName: 'SK', KeyType: 'RANGE' },
  ],
  GlobalSecondaryIndexes: [
    {
      IndexName: 'GSI1',
      KeySchema: [
        { AttributeName: 'GSI1PK', KeyType: 'HASH' },
        { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    },
  ],
};

export async function createTestDatabase(tableName = 'engine-test'): Promise<TestDatabase> {
  return { ...(await createLocalDatabase({ [tableName]: TEST_TABLE })), tableName };
}
