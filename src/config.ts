/** Configuration from the Lambda environment, validated at cold start so a bad deploy fails loudly. */
import {
  DEADLINE_DEFAULTS,
  DEFAULT_DOCUMENT_CACHE_BYTES,
  DEFAULT_MAX_QUERY_BYTES,
  DEFAULT_MAX_REQUEST_BYTES,
  DYNAMODB_CLIENT_DEFAULTS,
  isAuthMode,
  LAMBDA_MAX_REQUEST_BYTES,
  MAX_RESPONSE_BYTES,
  readAuthConfig,
  readQueryBudgets,
  type AuthConfig,
  type AuthMode,
  type DeadlineSettings,
  type DynamoDBClientSettings,
  type LambdaInvokerSettings,
  type QueryBudgets,
} from '@appsync-lambda/engine';
import { readLambdaSettings, readTables } from './data-source-config';

/** Bounds on what one request may hold in memory, in bytes (docs/limits.md). */
export interface MemoryLimits {
  /** MAX_REQUEST_BYTES: a POST body or GET query string; over it, 413 RequestTooLarge. */
  maxRequestBytes: number;
  /** MAX_QUERY_BYTES: the GraphQL document text; over it, 413 RequestTooLarge. */
  maxQueryBytes: number;
  /** MAX_RESPONSE_BYTES: the response, counted while resolving; over it, ResponseTooLarge (LIM-10). */
  maxResponseBytes: number;
  /** DOCUMENT_CACHE_BYTES: parsed documents kept between requests; 0 turns the cache off. */
  documentCacheBytes: number;
}

export interface Config {
  /** Data source names to DynamoDB tables: `main` is TABLE_NAME, others DATA_SOURCE_TABLES (src/data-source-config.ts). */
  tables: Record<string, string>;
  /** The Lambda data sources' client (`LAMBDA_*`, src/data-source-config.ts). */
  lambda: LambdaInvokerSettings;
  /** The DynamoDB client's timeouts and attempts (the engine's dynamodb/client.ts). */
  dynamodb: DynamoDBClientSettings;
  /** The per-request deadline (the engine's deadline.ts). */
  deadline: DeadlineSettings;
  tokenSecret: string;
  /** `ctx.env`: every `RESOLVER_ENV_<NAME>` variable as `<NAME>` (contract CTX-10). */
  resolverEnv: Record<string, string>;
  /** AppSync's per-API limits (contract LIM-02, LIM-03). */
  limits: { resolverCountLimit?: number; queryDepthLimit?: number };
  /** Whether the schema can be introspected (LIM-04). */
  introspection: boolean;
  /** Authorization modes and their settings (AUTH-01; variables listed in the engine's auth/config.ts). */
  auth: AuthConfig;
  memory: MemoryLimits;
  /** Per mode, the work one request may ask for (`QUERY_BUDGET_<MODE>`, the engine's budget/budgets.ts). */
  queryBudgets: QueryBudgets;
  /** Modes that may run only the trusted documents (`TRUSTED_DOCUMENTS`: a comma list, default API_KEY; `off` for none). */
  trustedDocumentModes: AuthMode[];
  /** Subscriptions one WebSocket connection may hold (`REALTIME_MAX_SUBSCRIPTIONS_PER_CONNECTION`, 1–10,000; AppSync's 100 when unset). */
  maxSubscriptionsPerConnection?: number;
}

function trustedDocumentModes(raw: string | undefined): AuthMode[] {
  const value = (raw ?? 'API_KEY').trim();
  if (value === 'off' || value === '') return [];
  return value.split(',').map((entry) => {
    const mode = entry.trim();
    if (!isAuthMode(mode)) throw new Error(`TRUSTED_DOCUMENTS holds an unknown authorization mode ${JSON.stringify(mode)} (or set it to off)`);
    return mode;
  });
}

const RESOLVER_ENV_PREFIX = 'RESOLVER_ENV_';

/** An optional integer setting within [min, max]; anything else stops the cold start. */
function integerSetting(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/**
 * Deployed stages get a generated PAGINATION_SECRET (serverless.yml), and on Lambda it is required:
 * a fallback derived from the table name would let anyone who guesses it forge tokens. Tests and
 * ad-hoc local runs fall back to that derived value.
 */
function paginationSecret(env: NodeJS.ProcessEnv, tableName: string): string {
  if (env.PAGINATION_SECRET) return env.PAGINATION_SECRET;
  if (env.AWS_LAMBDA_FUNCTION_NAME && !env.IS_OFFLINE) {
    throw new Error('PAGINATION_SECRET is not set: pagination tokens need a secret of the deployment');
  }
  return `hiring-api:${tableName}`;
}

function readMemoryLimits(env: NodeJS.ProcessEnv): MemoryLimits {
  const maxRequestBytes = integerSetting(env, 'MAX_REQUEST_BYTES', 1024, LAMBDA_MAX_REQUEST_BYTES) ?? DEFAULT_MAX_REQUEST_BYTES;
  const maxQueryBytes = integerSetting(env, 'MAX_QUERY_BYTES', 1024, LAMBDA_MAX_REQUEST_BYTES) ?? DEFAULT_MAX_QUERY_BYTES;
  if (maxQueryBytes > maxRequestBytes) {
    throw new Error(`MAX_QUERY_BYTES (${maxQueryBytes}) must not be larger than MAX_REQUEST_BYTES (${maxRequestBytes}): the document travels in the request`);
  }
  return {
    maxRequestBytes,
    maxQueryBytes,
    maxResponseBytes: integerSetting(env, 'MAX_RESPONSE_BYTES', 1024, MAX_RESPONSE_BYTES) ?? MAX_RESPONSE_BYTES,
    documentCacheBytes: integerSetting(env, 'DOCUMENT_CACHE_BYTES', 0, 512 * 1024 * 1024) ?? DEFAULT_DOCUMENT_CACHE_BYTES,
  };
}

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const tables = readTables(env);
  const tableName = tables.main!;
  const resolverEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith(RESOLVER_ENV_PREFIX) && value !== undefined) resolverEnv[name.slice(RESOLVER_ENV_PREFIX.length)] = value;
  }
  const introspection = env.INTROSPECTION ?? 'true';
  if (introspection !== 'true' && introspection !== 'false') {
    throw new Error(`INTROSPECTION must be true or false, got ${JSON.stringify(introspection)}`);
  }
  return {
    introspection: introspection === 'true',
    tables,
    lambda: readLambdaSettings(env),
    dynamodb: {
      endpoint: env.DYNAMODB_ENDPOINT || undefined,
      connectTimeoutMs: integerSetting(env, 'DYNAMODB_CONNECT_TIMEOUT_MS', 10, 60_000) ?? DYNAMODB_CLIENT_DEFAULTS.connectTimeoutMs,
      requestTimeoutMs: integerSetting(env, 'DYNAMODB_REQUEST_TIMEOUT_MS', 10, 60_000) ?? DYNAMODB_CLIENT_DEFAULTS.requestTimeoutMs,
      maxAttempts: integerSetting(env, 'DYNAMODB_MAX_ATTEMPTS', 1, 10) ?? DYNAMODB_CLIENT_DEFAULTS.maxAttempts,
    },
    deadline: {
      maxMs: integerSetting(env, 'REQUEST_TIMEOUT_MS', 100, 900_000) ?? DEADLINE_DEFAULTS.maxMs,
      marginMs: integerSetting(env, 'REQUEST_TIMEOUT_MARGIN_MS', 0, 60_000) ?? DEADLINE_DEFAULTS.marginMs,
    },
    tokenSecret: paginationSecret(env, tableName),
    resolverEnv,
    limits: {
      resolverCountLimit: integerSetting(env, 'RESOLVER_COUNT_LIMIT', 1, 10_000),
      queryDepthLimit: integerSetting(env, 'QUERY_DEPTH_LIMIT', 1, 75),
    },
    auth: readAuthConfig(env),
    queryBudgets: readQueryBudgets(env, introspection === 'true'),
    trustedDocumentModes: trustedDocumentModes(env.TRUSTED_DOCUMENTS),
    memory: readMemoryLimits(env),
    maxSubscriptionsPerConnection: integerSetting(env, 'REALTIME_MAX_SUBSCRIPTIONS_PER_CONNECTION', 1, 10_000),
  };
}
