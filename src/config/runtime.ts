/**
 * What resolvers and their data sources run with: the named DynamoDB tables, the DynamoDB and Lambda
 * clients' settings, the pagination secret and `ctx.env`.
 */
import { DYNAMODB_CLIENT_DEFAULTS, LAMBDA_INVOKER_DEFAULTS, type DynamoDBClientSettings, type LambdaInvokerSettings } from '@appsync-lambda/engine';
import { integer, type Env } from './values';

const DATA_SOURCE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// DynamoDB's rule for table names.
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;
const RESOLVER_ENV_PREFIX = 'RESOLVER_ENV_';

export interface RuntimeSettings {
  /** Data source names to DynamoDB tables: `main` is TABLE_NAME, the others DATA_SOURCE_TABLES. */
  tables: Record<string, string>;
  /** The DynamoDB client's endpoint, timeouts and attempts (the engine's createDynamoDBClient). */
  dynamodb: DynamoDBClientSettings;
  /** The Lambda data sources' client (the engine's createLambdaInvoker). */
  lambda: LambdaInvokerSettings;
  tokenSecret: string;
  /** `ctx.env`: every `RESOLVER_ENV_<NAME>` variable as `<NAME>` (contract CTX-10). */
  resolverEnv: Record<string, string>;
}

/** Logical table names to real ones: `main` from TABLE_NAME, the others from DATA_SOURCE_TABLES. */
function readTables(env: Env): Record<string, string> {
  const main = env.TABLE_NAME;
  if (!main) throw new Error('TABLE_NAME is not set: the function cannot reach its DynamoDB table');
  const tables: Record<string, string> = { main };
  const raw = env.DATA_SOURCE_TABLES?.trim();
  if (!raw) return tables;
  for (const entry of raw.split(',')) {
    const [name = '', table = '', ...rest] = entry.split('=').map((part) => part.trim());
    if (rest.length > 0 || name === '' || table === '') {
      throw new Error(`DATA_SOURCE_TABLES must be name=table pairs separated by commas, got the entry ${JSON.stringify(entry)}`);
    }
    if (!DATA_SOURCE_NAME.test(name)) throw new Error(`DATA_SOURCE_TABLES: ${JSON.stringify(name)} is not a data source name (a letter or _, then letters, digits, _)`);
    if (!TABLE_NAME.test(table)) throw new Error(`DATA_SOURCE_TABLES: ${JSON.stringify(table)} is not a DynamoDB table name (3 to 255 of A-Z a-z 0-9 _ . -)`);
    if (name === 'main') throw new Error('DATA_SOURCE_TABLES cannot name main: the main table is TABLE_NAME');
    if (Object.hasOwn(tables, name)) throw new Error(`DATA_SOURCE_TABLES names ${JSON.stringify(name)} twice`);
    tables[name] = table;
  }
  return tables;
}

function readLambdaSettings(env: Env): LambdaInvokerSettings {
  const endpoint = env.LAMBDA_ENDPOINT?.trim() || undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^/\s]+/.test(endpoint)) throw new Error(`LAMBDA_ENDPOINT must be an http(s) URL, got ${JSON.stringify(endpoint)}`);
  return {
    ...(endpoint ? { endpoint } : {}),
    connectTimeoutMs: integer(env, 'LAMBDA_CONNECT_TIMEOUT_MS', 10, 60_000) ?? LAMBDA_INVOKER_DEFAULTS.connectTimeoutMs,
    requestTimeoutMs: integer(env, 'LAMBDA_REQUEST_TIMEOUT_MS', 10, 900_000) ?? LAMBDA_INVOKER_DEFAULTS.requestTimeoutMs,
    maxAttempts: integer(env, 'LAMBDA_MAX_ATTEMPTS', 1, 10) ?? LAMBDA_INVOKER_DEFAULTS.maxAttempts,
  };
}

/**
 * Deployed stages get a generated PAGINATION_SECRET (serverless.yml), and on Lambda it is required:
 * a fallback derived from the table name would let anyone who guesses it forge tokens. Tests and
 * ad-hoc local runs fall back to that derived value.
 */
function paginationSecret(env: Env, tableName: string): string {
  if (env.PAGINATION_SECRET) return env.PAGINATION_SECRET;
  if (env.AWS_LAMBDA_FUNCTION_NAME && !env.IS_OFFLINE) {
    throw new Error('PAGINATION_SECRET is not set: pagination tokens need a secret of the deployment');
  }
  return `hiring-api:${tableName}`;
}

function resolverEnv(env: Env): Record<string, string> {
  const values: Record<string, string> = {};
  // Names first, then only the prefixed values: nothing else of the environment is read.
  for (const name of Object.keys(env)) {
    const value = name.startsWith(RESOLVER_ENV_PREFIX) ? env[name] : undefined;
    if (value !== undefined) values[name.slice(RESOLVER_ENV_PREFIX.length)] = value;
  }
  return values;
}

export function readRuntimeSettings(env: Env): RuntimeSettings {
  const tables = readTables(env);
  return {
    tables,
    dynamodb: {
      endpoint: env.DYNAMODB_ENDPOINT || undefined,
      connectTimeoutMs: integer(env, 'DYNAMODB_CONNECT_TIMEOUT_MS', 10, 60_000) ?? DYNAMODB_CLIENT_DEFAULTS.connectTimeoutMs,
      requestTimeoutMs: integer(env, 'DYNAMODB_REQUEST_TIMEOUT_MS', 10, 60_000) ?? DYNAMODB_CLIENT_DEFAULTS.requestTimeoutMs,
      maxAttempts: integer(env, 'DYNAMODB_MAX_ATTEMPTS', 1, 10) ?? DYNAMODB_CLIENT_DEFAULTS.maxAttempts,
    },
    lambda: readLambdaSettings(env),
    tokenSecret: paginationSecret(env, tables.main!),
    resolverEnv: resolverEnv(env),
  };
}
