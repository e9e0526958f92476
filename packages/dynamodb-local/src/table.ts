/** Creates a table on DynamoDB Local from a definition as serverless.yml or a JSON file spells it. */
import { CreateTableCommand, DescribeTableCommand, ResourceInUseException, type CreateTableCommandInput, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * A table's keys and indexes, as CloudFormation's `AWS::DynamoDB::Table` properties name them. The
 * types are plain strings so that a definition read from JSON or YAML fits as it is; DynamoDB checks
 * the values.
 */
export interface TableDefinition {
  AttributeDefinitions: ReadonlyArray<{ AttributeName: string; AttributeType: string }>;
  KeySchema: ReadonlyArray<{ AttributeName: string; KeyType: string }>;
  GlobalSecondaryIndexes?: ReadonlyArray<{
    IndexName: string;
    KeySchema: ReadonlyArray<{ AttributeName: string; KeyType: string }>;
    Projection: { ProjectionType: string; NonKeyAttributes?: readonly string[] };
  }>;
}

/** Creates `tableName` (on demand) from `definition`; idempotent: an existing table is left as it is. */
export async function ensureTable(client: DynamoDBClient, tableName: string, definition: TableDefinition): Promise<void> {
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
        AttributeDefinitions: definition.AttributeDefinitions as CreateTableCommandInput['AttributeDefinitions'],
        KeySchema: definition.KeySchema as CreateTableCommandInput['KeySchema'],
        GlobalSecondaryIndexes: definition.GlobalSecondaryIndexes as CreateTableCommandInput['GlobalSecondaryIndexes'],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}
