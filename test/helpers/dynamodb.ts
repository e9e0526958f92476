/**
 * A DynamoDB Local database of the test file's own: DynamoDB Local keeps one database per access
 * key id, so a fresh id isolates files that run in parallel against the same process.
 */
import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { ensureTable } from '../../scripts/lib/table';

export interface TestDatabase {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  tableName: string;
  endpoint: string;
  accessKeyId: string;
}

export async function createTestDatabase(tableName = 'hiring-test'): Promise<TestDatabase> {
  const endpoint = inject('dynamodbEndpoint');
  const accessKeyId = `test${randomBytes(8).toString('hex')}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId, secretAccessKey: 'local' },
  });
  await ensureTable(client, tableName);
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { client, doc, tableName, endpoint, accessKeyId };
}
