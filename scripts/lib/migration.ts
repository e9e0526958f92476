/** What the data migrations (npm run migrate:*) share: their table, and their conditional writes. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

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
