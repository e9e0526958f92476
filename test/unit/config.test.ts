import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { loadConfig, readConfig } from '../../src/config';
import { API_KEY_BUDGET, DEADLINE_DEFAULTS, DEFAULT_QUERY_BUDGETS, DYNAMODB_CLIENT_DEFAULTS, SIGNED_IN_BUDGET } from '@appsync-lambda/engine';

describe('readConfig', () => {
  it('maps TABLE_NAME to the main table and RESOLVER_ENV_* to ctx.env (CTX-10)', () => {
    const config = readConfig({ TABLE_NAME: 'hiring-prod', RESOLVER_ENV_STAGE: 'prod', AWS_SECRET_ACCESS_KEY: 'hidden' });
    expect(config.tables).toEqual({ main: 'hiring-prod' });
    expect(config.resolverEnv).toEqual({ STAGE: 'prod' });
    expect(config.limits).toEqual({ resolverCountLimit: undefined, queryDepthLimit: undefined });
  });

  it('fails the cold start without TABLE_NAME', () => {
    expect(() => readConfig({})).toThrow(/TABLE_NAME/);
  });

  it('adds the named tables of DATA_SOURCE_TABLES to the main table (DDB-05)', () => {
    const config = readConfig({ TABLE_NAME: 'hiring-prod', DATA_SOURCE_TABLES: 'orders=shop-orders-prod, audit_log = audit.v2' });
    expect(config.tables).toEqual({ main: 'hiring-prod', orders: 'shop-orders-prod', audit_log: 'audit.v2' });
    expect(readConfig({ TABLE_NAME: 't-1', DATA_SOURCE_TABLES: ' ' }).tables).toEqual({ main: 't-1' });
  });

  it.each([
    ['orders', /name=table pairs/],
    ['orders=a-table,', /name=table pairs/],
    ['orders=a=b', /name=table pairs/],
    ['1orders=a-table', /not a data source name/],
    ['my-orders=a-table', /not a data source name/],
    ['orders=ab', /not a DynamoDB table name/],
    ['orders=a table', /not a DynamoDB table name/],
    ['main=other-table', /cannot name main/],
    ['orders=a-table,orders=b-table', /names "orders" twice/],
  ])('rejects DATA_SOURCE_TABLES=%j at cold start', (value, message) => {
    expect(() => readConfig({ TABLE_NAME: 'hiring-prod', DATA_SOURCE_TABLES: value })).toThrow(message);
  });

  it('reads the Lambda data sources\' client settings, with defaults', () => {
    expect(readConfig({ TABLE_NAME: 't-1' }).lambda).toEqual({ connectTimeoutMs: 1_000, requestTimeoutMs: 30_000, maxAttempts: 3 });
    const env = { TABLE_NAME: 't-1', LAMBDA_ENDPOINT: 'http://127.0.0.1:3002', LAMBDA_CONNECT_TIMEOUT_MS: '200', LAMBDA_REQUEST_TIMEOUT_MS: '5000', LAMBDA_MAX_ATTEMPTS: '1' };
    expect(readConfig(env).lambda).toEqual({ endpoint: 'http://127.0.0.1:3002', connectTimeoutMs: 200, requestTimeoutMs: 5000, maxAttempts: 1 });
    expect(() => readConfig({ TABLE_NAME: 't-1', LAMBDA_MAX_ATTEMPTS: '0' })).toThrow(/LAMBDA_MAX_ATTEMPTS/);
    expect(() => readConfig({ TABLE_NAME: 't-1', LAMBDA_ENDPOINT: 'localhost:3002' })).toThrow(/LAMBDA_ENDPOINT/);
  });

  it('reads the per-API limits (LIM-02, LIM-03) and rejects values AppSync does not allow', () => {
    expect(readConfig({ TABLE_NAME: 't', QUERY_DEPTH_LIMIT: '12', RESOLVER_COUNT_LIMIT: '500' }).limits).toEqual({
      queryDepthLimit: 12,
      resolverCountLimit: 500,
    });
    expect(() => readConfig({ TABLE_NAME: 't', QUERY_DEPTH_LIMIT: '76' })).toThrow(/QUERY_DEPTH_LIMIT/);
    expect(() => readConfig({ TABLE_NAME: 't', RESOLVER_COUNT_LIMIT: 'lots' })).toThrow(/RESOLVER_COUNT_LIMIT/);
  });

  it('requires PAGINATION_SECRET on Lambda, and derives a local one elsewhere', () => {
    expect(() => readConfig({ TABLE_NAME: 't', AWS_LAMBDA_FUNCTION_NAME: 'api' })).toThrow(/PAGINATION_SECRET/);
    expect(readConfig({ TABLE_NAME: 't', AWS_LAMBDA_FUNCTION_NAME: 'api', PAGINATION_SECRET: 's3cret' }).tokenSecret).toBe('s3cret');
    expect(readConfig({ TABLE_NAME: 't', AWS_LAMBDA_FUNCTION_NAME: 'api', IS_OFFLINE: 'true' }).tokenSecret).toBe('hiring-api:t');
    expect(readConfig({ TABLE_NAME: 't' }).tokenSecret).toBe('hiring-api:t');
  });

  it('reads the authorization configuration: closed by default (API_KEY mode with no key)', () => {
    expect(readConfig({ TABLE_NAME: 't' }).auth).toEqual({ defaultMode: 'API_KEY', additionalModes: [], apiKeys: [] });
  });

  it('reads modes, keys, the user pool and OIDC provider (AUTH-01)', () => {
    const { auth } = readConfig({
      TABLE_NAME: 't',
      AUTH_DEFAULT_MODE: 'AMAZON_COGNITO_USER_POOLS',
      AUTH_ADDITIONAL_MODES: ' API_KEY, OPENID_CONNECT ,AMAZON_COGNITO_USER_POOLS',
      API_KEYS: 'a, b',
      COGNITO_USER_POOL_ID: 'eu-west-1_Pool1',
      COGNITO_CLIENT_IDS: 'c1,c2',
      COGNITO_JWKS: '{ "keys": [] }',
      USER_POOL_DEFAULT_ACTION: 'DENY',
      OIDC_ISSUER: 'https://login.example.com',
      OIDC_JWKS_URI: 'https://login.example.com/keys',
    });
    expect(auth).toEqual({
      defaultMode: 'AMAZON_COGNITO_USER_POOLS',
      additionalModes: ['API_KEY', 'OPENID_CONNECT'],
      apiKeys: ['a', 'b'],
      cognito: { userPoolId: 'eu-west-1_Pool1', clientIds: ['c1', 'c2'], defaultAction: 'DENY', jwks: { keys: [] } },
      oidc: { issuer: 'https://login.example.com', clientId: null, jwksUri: 'https://login.example.com/keys', jwks: undefined },
    });
  });

  it('rejects an authorization configuration that cannot work, naming the variable (the engine checks, the message names what an operator sets)', () => {
    const read = (env: Record<string, string>) => () => readConfig({ TABLE_NAME: 't', ...env });
    expect(read({ AUTH_DEFAULT_MODE: 'COGNITO' })).toThrow('AUTH_DEFAULT_MODE holds an unknown authorization mode "COGNITO"');
    expect(read({ AUTH_ADDITIONAL_MODES: 'API_KEY,IAM' })).toThrow('AUTH_ADDITIONAL_MODES holds an unknown authorization mode "IAM"');
    expect(read({ AUTH_DEFAULT_MODE: 'AMAZON_COGNITO_USER_POOLS' })).toThrow(
      'COGNITO_USER_POOL_ID must name the user pool (<region>_<id>) when AMAZON_COGNITO_USER_POOLS is a mode, got ""',
    );
    expect(read({ AUTH_ADDITIONAL_MODES: 'OPENID_CONNECT', OIDC_ISSUER: 'login.example.com' })).toThrow(
      'OIDC_ISSUER must be the provider\'s issuer URL when OPENID_CONNECT is a mode, got "login.example.com"',
    );
    const pool = { AUTH_DEFAULT_MODE: 'AMAZON_COGNITO_USER_POOLS', COGNITO_USER_POOL_ID: 'eu-west-1_P' };
    expect(read({ ...pool, COGNITO_JWKS: '{}' })).toThrow('COGNITO_JWKS must be a JSON Web Key Set ({ "keys": [...] })');
    expect(read({ ...pool, COGNITO_JWKS: 'not json' })).toThrow('COGNITO_JWKS must be a JSON Web Key Set');
  });

  it('reads the user pool default action (AUTH-06)', () => {
    const config = readConfig({ TABLE_NAME: 't', USER_POOL_DEFAULT_ACTION: 'DENY', AUTH_DEFAULT_MODE: 'AMAZON_COGNITO_USER_POOLS', COGNITO_USER_POOL_ID: 'eu-west-1_Abc' });
    expect(config.auth.cognito?.defaultAction).toBe('DENY');
    expect(() => readConfig({ TABLE_NAME: 't', USER_POOL_DEFAULT_ACTION: 'MAYBE' })).toThrow(/ALLOW or DENY/);
  });

  it('holds the API key to the trusted documents by default (TRUSTED_DOCUMENTS: a mode list, or off)', () => {
    expect(readConfig({ TABLE_NAME: 't' }).trustedDocumentModes).toEqual(['API_KEY']);
    expect(readConfig({ TABLE_NAME: 't', TRUSTED_DOCUMENTS: 'API_KEY, AWS_LAMBDA' }).trustedDocumentModes).toEqual(['API_KEY', 'AWS_LAMBDA']);
    expect(readConfig({ TABLE_NAME: 't', TRUSTED_DOCUMENTS: 'off' }).trustedDocumentModes).toEqual([]);
    expect(() => readConfig({ TABLE_NAME: 't', TRUSTED_DOCUMENTS: 'APIKEY' })).toThrow(/TRUSTED_DOCUMENTS/);
  });

  it('reads query budgets per mode: the API key tightest, without introspection (LIM-04); overrides merge with the defaults', () => {
    const budgets = readConfig({ TABLE_NAME: 't' }).queryBudgets;
    expect(budgets).toEqual(DEFAULT_QUERY_BUDGETS);
    expect(budgets.API_KEY).toEqual(API_KEY_BUDGET);
    expect(budgets.API_KEY.introspection).toBe(false);
    for (const mode of ['AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT', 'AWS_IAM', 'AWS_LAMBDA'] as const) expect(budgets[mode]).toEqual(SIGNED_IN_BUDGET);
    for (const name of ['tokens', 'depth', 'aliases', 'directives', 'cost', 'dynamodbCalls'] as const) {
      expect(API_KEY_BUDGET.limits[name]!).toBeLessThan(SIGNED_IN_BUDGET.limits[name]!);
    }

    const changed = readConfig({ TABLE_NAME: 't', QUERY_BUDGET_API_KEY: 'depth=4, cost=off,introspection=true', QUERY_BUDGET_AWS_IAM: 'aliases=2' }).queryBudgets;
    expect(changed.API_KEY).toEqual({ limits: { ...API_KEY_BUDGET.limits, depth: 4, cost: null }, introspection: true });
    expect(changed.AWS_IAM.limits).toEqual({ ...SIGNED_IN_BUDGET.limits, aliases: 2 });
    // INTROSPECTION=false (LIM-04) turns it off for every mode.
    const closed = readConfig({ TABLE_NAME: 't', INTROSPECTION: 'false', QUERY_BUDGET_API_KEY: 'introspection=true' }).queryBudgets;
    expect(Object.values(closed).map((budget) => budget.introspection)).toEqual([false, false, false, false, false]);

    for (const bad of ['depth=0', 'depth=1.5', 'deep=3', 'aliases', 'cost=1=2', 'introspection=yes']) {
      expect(() => readConfig({ TABLE_NAME: 't', QUERY_BUDGET_API_KEY: bad }), bad).toThrow(/QUERY_BUDGET_API_KEY/);
    }
  });

  it('serverless.yml deploys the code’s default budgets and trusted documents', () => {
    // CloudFormation's tags (!Ref) mean nothing here.
    const { provider } = parseYaml(readFileSync('serverless.yml', 'utf8'), { logLevel: 'silent' }) as { provider: { environment: Record<string, string> } };
    const ours = Object.entries(provider.environment).filter(([name]) => name === 'TRUSTED_DOCUMENTS' || name.startsWith('QUERY_BUDGET_'));
    expect(ours.length).toBeGreaterThan(1);
    const config = readConfig({ TABLE_NAME: 't', ...Object.fromEntries(ours) });
    expect(config.trustedDocumentModes).toEqual(['API_KEY']);
    expect(config.queryBudgets).toEqual(DEFAULT_QUERY_BUDGETS);
  });

  it('publishes committed mutations when REALTIME_FUNCTION_NAME is set, asynchronously unless told otherwise', () => {
    expect(readConfig({ TABLE_NAME: 't' }).realtime).toEqual({ publish: { mode: 'off' }, endpoint: undefined });
    const deployed = readConfig({ TABLE_NAME: 't', REALTIME_FUNCTION_NAME: 'api-dev-realtime', REALTIME_ENDPOINT: 'https://ws.example.com/dev' }).realtime;
    expect(deployed).toEqual({ publish: { mode: 'invoke', functionName: 'api-dev-realtime', invocationType: 'Event' }, endpoint: 'https://ws.example.com/dev' });
    const local = { TABLE_NAME: 't', REALTIME_PUBLISH: 'invoke', REALTIME_FUNCTION_NAME: 'rt', REALTIME_INVOCATION_TYPE: 'RequestResponse', REALTIME_LAMBDA_ENDPOINT: 'http://127.0.0.1:3002' };
    expect(readConfig(local).realtime.publish).toEqual({ mode: 'invoke', functionName: 'rt', invocationType: 'RequestResponse', lambdaEndpoint: 'http://127.0.0.1:3002' });
    expect(readConfig({ ...local, REALTIME_PUBLISH: 'off' }).realtime.publish).toEqual({ mode: 'off' });
  });

  it('rejects real-time settings that cannot work, naming the variable', () => {
    const read = (env: Record<string, string>) => () => readConfig({ TABLE_NAME: 't', REALTIME_FUNCTION_NAME: 'rt', ...env });
    expect(read({ REALTIME_PUBLISH: 'sometimes' })).toThrow('REALTIME_PUBLISH must be invoke or off, got "sometimes"');
    expect(read({ REALTIME_FUNCTION_NAME: '', REALTIME_PUBLISH: 'invoke' })).toThrow('REALTIME_FUNCTION_NAME must name the WebSocket function when REALTIME_PUBLISH is invoke');
    expect(read({ REALTIME_INVOCATION_TYPE: 'Async' })).toThrow('REALTIME_INVOCATION_TYPE must be Event or RequestResponse, got "Async"');
    expect(read({ REALTIME_LAMBDA_ENDPOINT: 'localhost:3002' })).toThrow('REALTIME_LAMBDA_ENDPOINT must be an http(s) URL, got "localhost:3002"');
  });

  it('reads the playground settings: its files, and the page\'s headers (a JSON object, anything else ignored) and subscriptions URL', () => {
    expect(readConfig({ TABLE_NAME: 't' }).playground).toEqual({ dir: undefined, headers: undefined, subscriptionUrl: undefined });
    const env = { TABLE_NAME: 't', PLAYGROUND_DIR: '/opt/playground', PLAYGROUND_HEADERS: '{ "Authorization": "token" }', PLAYGROUND_SUBSCRIPTION_URL: 'wss://ws.example.com/dev' };
    expect(readConfig(env).playground).toEqual({ dir: '/opt/playground', headers: { Authorization: 'token' }, subscriptionUrl: 'wss://ws.example.com/dev' });
    for (const ignored of ['"just a string"', '["a"]', 'null', '{ not json']) {
      expect(readConfig({ TABLE_NAME: 't', PLAYGROUND_HEADERS: ignored }).playground.headers, ignored).toBeUndefined();
    }
  });

  it('reads the Powertools settings the functions pass to the Logger and Tracer', () => {
    expect(readConfig({ TABLE_NAME: 't' }).observability).toEqual({
      logger: { serviceName: 'hiring-api', logLevel: undefined, sampleRateValue: undefined },
      resolverLogLevel: 'ALL',
      metrics: { namespace: 'HiringApi', serviceName: 'hiring-api' },
      tracing: undefined,
    });
    const env = { TABLE_NAME: 't', POWERTOOLS_SERVICE_NAME: 'jobs', LOG_LEVEL: 'DEBUG', POWERTOOLS_LOGGER_SAMPLE_RATE: '0.1', TRACING: 'Resolvers', _HANDLER: 'src/handler.handler' };
    const { logger, tracing } = readConfig(env).observability;
    expect(logger).toEqual({ serviceName: 'jobs', logLevel: 'DEBUG', sampleRateValue: 0.1 });
    expect(tracing).toEqual({ tracer: { serviceName: 'jobs', captureHTTPsRequests: false }, resolvers: true, handlerName: 'src/handler.handler' });
    expect(readConfig({ TABLE_NAME: 't', TRACING: 'on', POWERTOOLS_TRACER_CAPTURE_HTTPS_REQUESTS: 'true' }).observability.tracing).toEqual({
      tracer: { serviceName: 'hiring-api', captureHTTPsRequests: true },
      resolvers: false,
      handlerName: undefined,
    });
    expect(() => readConfig({ TABLE_NAME: 't', TRACING: 'yes' })).toThrow('TRACING must be on, off or resolvers, got "yes"');
    expect(() => readConfig({ TABLE_NAME: 't', POWERTOOLS_LOGGER_SAMPLE_RATE: 'often' })).toThrow(/POWERTOOLS_LOGGER_SAMPLE_RATE/);
  });

  it('reads RESOLVER_LOG_LEVEL case-insensitively, ALL by default, and rejects anything else', () => {
    expect(readConfig({ TABLE_NAME: 't', RESOLVER_LOG_LEVEL: 'error' }).observability.resolverLogLevel).toBe('ERROR');
    expect(() => readConfig({ TABLE_NAME: 't', RESOLVER_LOG_LEVEL: 'VERBOSE' })).toThrow(/RESOLVER_LOG_LEVEL must be one of NONE, ERROR, ALL/);
  });

  it('loadConfig reads the process environment', () => {
    vi.stubEnv('TABLE_NAME', 'from-the-process');
    vi.stubEnv('RESOLVER_ENV_STAGE', 'test');
    try {
      const config = loadConfig();
      expect(config.tables.main).toBe('from-the-process');
      expect(config.resolverEnv.STAGE).toBe('test');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('reads the memory limits, with their defaults, and rejects values out of range', () => {
    expect(readConfig({ TABLE_NAME: 't' }).memory).toEqual({
      maxRequestBytes: 256 * 1024,
      maxQueryBytes: 64 * 1024,
      maxResponseBytes: 6 * 1024 * 1024 - 64 * 1024,
      documentCacheBytes: 16 * 1024 * 1024,
    });
    const env = { TABLE_NAME: 't', MAX_REQUEST_BYTES: '100000', MAX_QUERY_BYTES: '20000', MAX_RESPONSE_BYTES: '1000000', DOCUMENT_CACHE_BYTES: '0' };
    expect(readConfig(env).memory).toEqual({ maxRequestBytes: 100_000, maxQueryBytes: 20_000, maxResponseBytes: 1_000_000, documentCacheBytes: 0 });
    expect(() => readConfig({ TABLE_NAME: 't', MAX_QUERY_BYTES: '64KB' })).toThrow(/MAX_QUERY_BYTES/);
    expect(() => readConfig({ TABLE_NAME: 't', MAX_REQUEST_BYTES: String(7 * 1024 * 1024) })).toThrow(/MAX_REQUEST_BYTES/);
    // Lambda cannot return more than 6 MB.
    expect(() => readConfig({ TABLE_NAME: 't', MAX_RESPONSE_BYTES: String(6 * 1024 * 1024) })).toThrow(/MAX_RESPONSE_BYTES/);
    expect(() => readConfig({ TABLE_NAME: 't', DOCUMENT_CACHE_BYTES: '-1' })).toThrow(/DOCUMENT_CACHE_BYTES/);
    // The document travels in the request: a query limit above the request limit could never apply.
    expect(() => readConfig({ TABLE_NAME: 't', MAX_REQUEST_BYTES: '10000', MAX_QUERY_BYTES: '20000' })).toThrow(/MAX_QUERY_BYTES.*MAX_REQUEST_BYTES/);
  });
});

describe('readConfig: DynamoDB client and deadline settings', () => {
  it('has defaults', () => {
    const config = readConfig({ TABLE_NAME: 't' });
    expect(config.dynamodb).toEqual({ endpoint: undefined, ...DYNAMODB_CLIENT_DEFAULTS });
    expect(config.deadline).toEqual(DEADLINE_DEFAULTS);
  });

  it('reads the variables and rejects values out of range', () => {
    const config = readConfig({
      TABLE_NAME: 't',
      DYNAMODB_CONNECT_TIMEOUT_MS: '500',
      DYNAMODB_REQUEST_TIMEOUT_MS: '2000',
      DYNAMODB_MAX_ATTEMPTS: '5',
      REQUEST_TIMEOUT_MS: '20000',
      REQUEST_TIMEOUT_MARGIN_MS: '1500',
    });
    expect(config.dynamodb).toMatchObject({ connectTimeoutMs: 500, requestTimeoutMs: 2_000, maxAttempts: 5 });
    expect(config.deadline).toEqual({ maxMs: 20_000, marginMs: 1_500 });
    expect(() => readConfig({ TABLE_NAME: 't', DYNAMODB_MAX_ATTEMPTS: '0' })).toThrow(/DYNAMODB_MAX_ATTEMPTS/);
    expect(() => readConfig({ TABLE_NAME: 't', REQUEST_TIMEOUT_MS: 'soon' })).toThrow(/REQUEST_TIMEOUT_MS/);
  });
});
