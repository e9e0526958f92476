/**
 * A DynamoDB Local database of the test file's own, on the process global-setup.ts started:
 * DynamoDB Local keeps one database per access key id, so a fresh id isolates files that run in
 * parallel against the same process.
 */
import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { ensureTable, type TableDefinition } from './table';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local's endpoint, provided by global-setup.ts. */
    dynamodbEndpoint: string;
  }
}

export interface TestDatabase {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  endpoint: string;
  accessKeyId: string;
}

/** A database of this test file's own, holding `tables` (table name → definition). */
export async function createTestDatabase(tables: Readonly<Record<string, TableDefinition>>): Promise<TestDatabase> {
  const endpoint = inject('dynamodbEndpoint');
  const accessKeyId = `test${randomBytes(8).toString('hex')}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId, secretAccessKey: 'local' },
  });
  for (const [tableName, definition] of Object.entries(tables)) await ensureTable(client, tableName, definition);
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { client, doc, endpoint, accessKeyId };
}
