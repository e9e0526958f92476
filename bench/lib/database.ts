/**
 * The benchmark's database: an in-memory DynamoDB Local with the API's table, one company `x` (so
 * `company(id: "x")` runs the real resolver path, GetItem over HTTP, with no network beyond
 * localhost) and the shared hiring data under it (seed.ts) for the SDK's operations.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable, startDynamoDBLocal, type DynamoDBLocal } from '@appsync-lambda/dynamodb-local';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableDefinition } from '../../src/data/keys.ts';
import { seedHiringData, type Seed, type SeedSize, DEFAULT_SEED_SIZE } from './seed.ts';
import { createBenchKey, type BenchKey } from './tokens.ts';

export const BENCH_COMPANY_ID = 'x';
const TABLE_NAME = 'hiring-bench';
const REGION = 'eu-west-1';
const CREDENTIALS = { accessKeyId: 'bench', secretAccessKey: 'bench' };
/** The API key the benchmark's events carry (see events.ts). */
export const BENCH_API_KEY = 'bench-api-key';

export interface BenchDatabase {
  local: DynamoDBLocal;
  /** The Lambda environment our handler (and the peer) reads at cold start, with dummy credentials. */
  env: Record<string, string>;
  seed: Seed;
  /** Signs the user-pool tokens both implementations accept. */
  key: BenchKey;
}

const USER_POOL_ID = 'eu-west-1_bench';

export async function startBenchDatabase(workDir: string, size: SeedSize = DEFAULT_SEED_SIZE): Promise<BenchDatabase> {
  const local = await startDynamoDBLocal({ workDir });
  const client = new DynamoDBClient({ endpoint: local.endpoint, region: REGION, credentials: CREDENTIALS });
  const key = createBenchKey();
  let seed: Seed;
  try {
    await ensureTable(client, TABLE_NAME, tableDefinition);
    seed = await seedHiringData(DynamoDBDocumentClient.from(client), TABLE_NAME, BENCH_COMPANY_ID, size);
  } catch (error) {
    await local.stop();
    throw error;
  } finally {
    client.destroy();
  }
  return {
    local,
    seed,
    key,
    env: {
      TABLE_NAME,
      DYNAMODB_ENDPOINT: local.endpoint,
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      // The deployed modes: user pools by default, API keys for the public reads the bench sends.
      AUTH_DEFAULT_MODE: 'AMAZON_COGNITO_USER_POOLS',
      AUTH_ADDITIONAL_MODES: 'API_KEY',
      COGNITO_USER_POOL_ID: USER_POOL_ID,
      COGNITO_JWKS: JSON.stringify(key.jwks),
      API_KEYS: BENCH_API_KEY,
      // The bench's documents are not the SDK's, so the API key is not held to the trusted documents,
      // and its budget takes the 2 KB document's 9 aliases, directives and pages; every check still runs.
      TRUSTED_DOCUMENTS: 'off',
      QUERY_BUDGET_API_KEY: 'aliases=10,directives=10,dynamodbCalls=10',
    },
  };
}
