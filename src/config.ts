/** Configuration from the Lambda environment, validated at cold start so a bad deploy fails loudly. */
import { readAuthConfig, type AuthConfig } from './runtime/auth/config';
import { DEADLINE_DEFAULTS, type DeadlineSettings } from './runtime/deadline';
import { DYNAMODB_CLIENT_DEFAULTS, type DynamoDBClientSettings } from './runtime/dynamodb/client';

export interface Config {
  tables: Record<string, string>;
  /** The DynamoDB client's timeouts and attempts (src/runtime/dynamodb/client.ts). */
  dynamodb: DynamoDBClientSettings;
  /** The per-request deadline (src/runtime/deadline.ts). */
  deadline: DeadlineSettings;
  tokenSecret: string;
  /** `ctx.env`: every `RESOLVER_ENV_<NAME>` variable as `<NAME>` (contract CTX-10). */
  resolverEnv: Record<string, string>;
  /** AppSync's per-API limits (contract LIM-02, LIM-03). */
  limits: { resolverCountLimit?: number; queryDepthLimit?: number };
  /** Whether the schema can be introspected (LIM-04). */
  introspection: boolean;
  /** The user pool's default action, exposed as `identity.defaultAuthStrategy` (AUTH-06). */
  defaultAuthStrategy: 'ALLOW' | 'DENY';
  /** Authorization modes and their settings (AUTH-01; variables listed in src/runtime/auth/config.ts). */
  auth: AuthConfig;
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

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const tableName = env.TABLE_NAME;
  if (!tableName) throw new Error('TABLE_NAME is not set: the function cannot reach its DynamoDB table');
  const resolverEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith(RESOLVER_ENV_PREFIX) && value !== undefined) resolverEnv[name.slice(RESOLVER_ENV_PREFIX.length)] = value;
  }
  const defaultAuthStrategy = env.USER_POOL_DEFAULT_ACTION ?? 'ALLOW';
  if (defaultAuthStrategy !== 'ALLOW' && defaultAuthStrategy !== 'DENY') {
    throw new Error(`USER_POOL_DEFAULT_ACTION must be ALLOW or DENY, got ${JSON.stringify(defaultAuthStrategy)}`);
  }
  const introspection = env.INTROSPECTION ?? 'true';
  if (introspection !== 'true' && introspection !== 'false') {
    throw new Error(`INTROSPECTION must be true or false, got ${JSON.stringify(introspection)}`);
  }
  return {
    introspection: introspection === 'true',
    tables: { main: tableName },
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
    // Deployed stages get a generated PAGINATION_SECRET (serverless.yml); the fallback serves tests.
    tokenSecret: env.PAGINATION_SECRET || `hiring-api:${tableName}`,
    resolverEnv,
    limits: {
      resolverCountLimit: integerSetting(env, 'RESOLVER_COUNT_LIMIT', 1, 10_000),
      queryDepthLimit: integerSetting(env, 'QUERY_DEPTH_LIMIT', 1, 75),
    },
    defaultAuthStrategy,
    auth: readAuthConfig(env),
  };
}
