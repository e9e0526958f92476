/**
 * The benchmark's database: an in-memory DynamoDB Local with the API's table and one company, so
 * `company(id: "x")` runs the real resolver path (GetItem over HTTP) without any network beyond
 * localhost.
 */
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { startDynamoDBLocal, type DynamoDBLocal } from '../../scripts/lib/dynamodb-local.ts';
import { ensureTable } from '../../scripts/lib/table.ts';
import { companyKey } from '../../src/data/keys.ts';

export const BENCH_COMPANY_ID = 'x';
const TABLE_NAME = 'hiring-bench';
const REGION = 'eu-west-1';
const CREDENTIALS = { accessKeyId: 'bench', secretAccessKey: 'bench' };
/** The API key the benchmark's events carry (see events.ts). */
export const BENCH_API_KEY = 'bench-api-key';

export interface BenchDatabase {
  local: DynamoDBLocal;
  /** The Lambda environment our handler reads at cold start, with dummy credentials. */
  env: Record<string, string>;
}

export async function startBenchDatabase(workDir: string): Promise<BenchDatabase> {
  const local = await startDynamoDBLocal({ workDir });
  const client = new DynamoDBClient({ endpoint: local.endpoint, region: REGION, credentials: CREDENTIALS });
  try {
    await ensureTable(client, TABLE_NAME);
    const item = { ...companyKey(BENCH_COMPANY_ID), __typename: 'Company', id: BENCH_COMPANY_ID, name: 'Bench Co', createdAt: '2024-01-01T00:00:00.000Z' };
    await client.send(new PutItemCommand({ TableName: TABLE_NAME, Item: marshall(item) }));
  } catch (error) {
    await local.stop();
    throw error;
  } finally {
    client.destroy();
  }
  return {
    local,
    env: {
      TABLE_NAME,
      DYNAMODB_ENDPOINT: local.endpoint,
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      // The deployed modes: user pools by default, API keys for the public reads the bench sends.
      AUTH_DEFAULT_MODE: 'AMAZON_COGNITO_USER_POOLS',
      AUTH_ADDITIONAL_MODES: 'API_KEY',
      COGNITO_USER_POOL_ID: 'eu-west-1_bench',
      API_KEYS: BENCH_API_KEY,
      // The bench's documents are not the SDK's, so the API key is not held to the trusted documents,
      // and its budget takes the 2 KB document's 9 aliases, directives and pages; every check still runs.
      TRUSTED_DOCUMENTS: 'off',
      QUERY_BUDGET_API_KEY: 'aliases=10,directives=10,dynamodbCalls=10',
    },
  };
}
