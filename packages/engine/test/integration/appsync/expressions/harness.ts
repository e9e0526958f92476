/**
 * Runs request objects built by `@aws-appsync/utils/dynamodb` and `util.transform` through the real
 * DynamoDB data source against this test file's own DynamoDB Local database.
 */
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { runDynamoDBRequest, type DataSourceOutcome, type DynamoDBCallContext } from '@appsync-lambda/engine/testing';
import { createTestDatabase, type TestDatabase } from '../../../helpers/database';

export interface ExpressionHarness {
  db: TestDatabase;
  /** A partition of this file's own, so Query sees only the rows the file wrote. */
  pk: string;
  run(request: unknown): Promise<DataSourceOutcome & { result: any }>;
  seed(rows: Record<string, unknown>[]): Promise<void>;
  /** The stored item, read directly with the SDK (not through the code under test). */
  stored(sk: string): Promise<Record<string, unknown> | undefined>;
}

export async function createExpressionHarness(): Promise<ExpressionHarness> {
  const db = await createTestDatabase();
  const pk = `X#${randomUUID()}`;
  const call: DynamoDBCallContext = {
    client: db.doc,
    tableName: db.tableName,
    tables: { main: db.tableName },
    resolverId: 'Query.expressions',
    secret: 'expressions-test-secret',
  };
  return {
    db,
    pk,
    run: (request) => runDynamoDBRequest(request, call) as Promise<DataSourceOutcome & { result: any }>,
    async seed(rows) {
      const items = rows.map((row) => ({ PutRequest: { Item: { PK: pk, ...row } } }));
      await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: items } }));
    },
    async stored(sk) {
      const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: { PK: pk, SK: sk }, ConsistentRead: true }));
      return Item;
    },
  };
}
