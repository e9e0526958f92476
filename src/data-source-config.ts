/**
 * The data sources' settings from the Lambda environment: the named DynamoDB tables and the Lambda
 * client's. Read once at cold start by src/config.ts; anything malformed stops the cold start.
 *
 * - `TABLE_NAME`: the `main` table (required).
 * - `DATA_SOURCE_TABLES`: more named tables, `name=table,name2=table2`. A name is an AppSync data
 *   source name (a letter or `_`, then letters, digits, `_`); `main` belongs to TABLE_NAME.
 * - `LAMBDA_ENDPOINT`, `LAMBDA_CONNECT_TIMEOUT_MS`, `LAMBDA_REQUEST_TIMEOUT_MS`, `LAMBDA_MAX_ATTEMPTS`:
 *   the client of the Lambda data sources (the engine's createLambdaInvoker).
 */
import { LAMBDA_INVOKER_DEFAULTS, type LambdaInvokerSettings } from '@appsync-lambda/engine';

const DATA_SOURCE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// DynamoDB's rule for table names.
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/** Logical table names to real ones: `main` from TABLE_NAME, the others from DATA_SOURCE_TABLES. */
export function readTables(env: NodeJS.ProcessEnv): Record<string, string> {
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

function integer(env: NodeJS.ProcessEnv, name: string, min: number, max: number, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return value;
}

/** The Lambda data sources' client settings. */
export function readLambdaSettings(env: NodeJS.ProcessEnv): LambdaInvokerSettings {
  const endpoint = env.LAMBDA_ENDPOINT?.trim() || undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^/\s]+/.test(endpoint)) throw new Error(`LAMBDA_ENDPOINT must be an http(s) URL, got ${JSON.stringify(endpoint)}`);
  return {
    ...(endpoint ? { endpoint } : {}),
    connectTimeoutMs: integer(env, 'LAMBDA_CONNECT_TIMEOUT_MS', 10, 60_000, LAMBDA_INVOKER_DEFAULTS.connectTimeoutMs),
    requestTimeoutMs: integer(env, 'LAMBDA_REQUEST_TIMEOUT_MS', 10, 900_000, LAMBDA_INVOKER_DEFAULTS.requestTimeoutMs),
    maxAttempts: integer(env, 'LAMBDA_MAX_ATTEMPTS', 1, 10, LAMBDA_INVOKER_DEFAULTS.maxAttempts),
  };
}
