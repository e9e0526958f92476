/** Creates the API's table from the same definition serverless.yml deploys (src/data/table.json). */
import { CreateTableCommand, DescribeTableCommand, ResourceInUseException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../../src/data/keys';

/** Idempotent: an existing table is left as it is. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: tableDefinition.AttributeDefinitions as never,
        KeySchema: tableDefinition.KeySchema as never,
        GlobalSecondaryIndexes: tableDefinition.GlobalSecondaryIndexes as never,
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}
