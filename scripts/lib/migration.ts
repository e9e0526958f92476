/** What the data migrations (npm run migrate:*) share: their table, and their conditional writes. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { META } from '../../src/data/keys';

/**
 * The table a migration runs on, from TABLE_NAME (required: else the script exits with `needed`),
 * and a Document client of DYNAMODB_ENDPOINT (default: AWS's, for the region of the environment).
 */
export function migrationTarget(needed: string): { doc: DynamoDBDocumentClient; tableName: string } {
  const tableName = process.env.TABLE_NAME;
  if (!tableName) {
    console.error(`TABLE_NAME is required: ${needed}`);
    process.exit(1);
  }
  return { doc: DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT || undefined })), tableName };
}

/** Runs the transaction; false when DynamoDB cancelled it (a condition no longer held). */
export async function transactUnlessChanged(doc: DynamoDBDocumentClient, transactItems: NonNullable<TransactWriteCommandInput['TransactItems']>): Promise<boolean> {
  try {
    await doc.send(new TransactWriteCommand({ TransactItems: transactItems }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'TransactionCanceledException') return false;
    throw error;
  }
}

/**
 * Every entity item (`SK = META`) whose key starts with `prefix` (`JOB#`, `APPLICATION#`) and that
 * matches `filter` (a condition on its attributes, with its own names and values), page by page.
 */
export async function* scanEntities(
  doc: DynamoDBDocumentClient,
  tableName: string,
  prefix: string,
  filter: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> },
): AsyncGenerator<Record<string, unknown>> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: tableName,
        ExclusiveStartKey,
        FilterExpression: `SK = :meta AND begins_with(PK, :prefix) AND (${filter.expression})`,
        ExpressionAttributeNames: filter.names,
        ExpressionAttributeValues: { ':meta': META, ':prefix': prefix, ...filter.values },
      }),
    );
    yield* page.Items ?? [];
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}
