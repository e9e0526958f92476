/**
 * A table of the test's own in DynamoDB Local (started once for the run by the vitest global
 * setup, which provides its endpoint): DynamoDB Local keeps one database per access key id, so a
 * fresh id isolates test files that run in parallel against the same process.
 */
import { randomBytes } from 'node:crypto';
import { CreateTableCommand, DynamoDBClient, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

export interface TestTable {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

/** Creates the table (on-demand capacity) in a database of its own. */
export async function createTestTable(definition: Omit<CreateTableCommandInput, 'BillingMode'>): Promise<TestTable> {
  const client = new DynamoDBClient({
    endpoint: inject('dynamodbEndpoint'),
    region: 'local',
    credentials: { accessKeyId: `engine${randomBytes(8).toString('hex')}`, secretAccessKey: 'local' },
  });
  await client.send(new CreateTableCommand({ ...definition, BillingMode: 'PAY_PER_REQUEST' }));
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { doc, tableName: definition.TableName! };
}
