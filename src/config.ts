/** Configuration from the Lambda environment, validated at cold start so a bad deploy fails loudly. */
export interface Config {
  tables: Record<string, string>;
  dynamodbEndpoint?: string;
  tokenSecret: string;
  /** `ctx.env`: every `RESOLVER_ENV_<NAME>` variable as `<NAME>` (contract CTX-10). */
  resolverEnv: Record<string, string>;
}

const RESOLVER_ENV_PREFIX = 'RESOLVER_ENV_';

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const tableName = env.TABLE_NAME;
  if (!tableName) throw new Error('TABLE_NAME is not set: the function cannot reach its DynamoDB table');
  const resolverEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith(RESOLVER_ENV_PREFIX) && value !== undefined) resolverEnv[name.slice(RESOLVER_ENV_PREFIX.length)] = value;
  }
  return {
    tables: { main: tableName },
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    // Tokens only need to be unforgeable across callers; set PAGINATION_SECRET to rotate them.
    tokenSecret: env.PAGINATION_SECRET || `hiring-api:${tableName}`,
    resolverEnv,
  };
}
