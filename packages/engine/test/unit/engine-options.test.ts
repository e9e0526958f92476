// The engine takes typed options and checks them when it is built: options that cannot work throw an
// OptionError naming the option, so the cold start fails instead of every request.
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  createAppSyncEngine,
  createLambdaInvoker,
  DEFAULT_QUERY_BUDGETS,
  LAMBDA_INVOKER_DEFAULTS,
  OptionError,
  validateAuthConfig,
  validateQueryBudgets,
  type AuthConfig,
} from '@appsync-lambda/engine';
import { createConnectionApi, createRealtime, httpRealtimePlugin, validatePublisherSettings, type PublisherSettings } from '@appsync-lambda/engine/realtime';
import { anAuthConfig, createSigningKey, testUserPool } from '@appsync-lambda/test-support';

const dynamodb = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' }));
const logger = new Logger({ serviceName: 'engine-options-test', logLevel: 'SILENT' });
const sdl = 'type Query { hello: String }';

/** The OptionError `check` throws: its option and message. */
function optionError(check: () => unknown): { option: string; message: string } {
  try {
    check();
  } catch (error) {
    if (error instanceof OptionError) return { option: error.option, message: error.message };
    throw error;
  }
  throw new Error('no OptionError was thrown');
}

describe('validateAuthConfig', () => {
  it('accepts every mode with what it needs, and returns the configuration (AUTH-01)', () => {
    const key = createSigningKey();
    const all = anAuthConfig({
      additionalModes: ['AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT', 'AWS_IAM', 'AWS_LAMBDA'],
      apiKeys: ['k'],
      cognito: testUserPool(key, { defaultAction: 'DENY' }),
      oidc: { issuer: 'https://login.example.com', clientId: null, jwks: key.jwks },
    });
    expect(validateAuthConfig(all)).toBe(all);
    expect(validateAuthConfig(anAuthConfig())).toEqual(anAuthConfig());
  });

  it.each<[string, AuthConfig, string, RegExp]>([
    ['an unknown default mode', anAuthConfig({ defaultMode: 'COGNITO' as AuthConfig['defaultMode'] }), 'auth.defaultMode', /unknown authorization mode "COGNITO"/],
    ['an unknown additional mode', anAuthConfig({ additionalModes: ['IAM' as AuthConfig['defaultMode']] }), 'auth.additionalModes', /unknown authorization mode "IAM"/],
    ['user pools without a pool', anAuthConfig({ defaultMode: 'AMAZON_COGNITO_USER_POOLS' }), 'auth.cognito.userPoolId', /when AMAZON_COGNITO_USER_POOLS is a mode, got ""/],
    ['a pool id that names no pool', anAuthConfig({ cognito: testUserPool(undefined, { userPoolId: 'Pool1' }) }), 'auth.cognito.userPoolId', /must name the user pool \(<region>_<id>\), got "Pool1"/],
    ['an unknown default action', anAuthConfig({ cognito: testUserPool(undefined, { defaultAction: 'MAYBE' as 'ALLOW' }) }), 'auth.cognito.defaultAction', /must be ALLOW or DENY/],
    ['a key set without keys', anAuthConfig({ cognito: testUserPool(undefined, { jwks: {} as never }) }), 'auth.cognito.jwks', /JSON Web Key Set/],
    ['OIDC without a provider', anAuthConfig({ additionalModes: ['OPENID_CONNECT'] }), 'auth.oidc.issuer', /when OPENID_CONNECT is a mode/],
    ['an issuer that is no URL', anAuthConfig({ oidc: { issuer: 'login.example.com', clientId: null } }), 'auth.oidc.issuer', /issuer URL, got "login.example.com"/],
  ])('rejects %s, naming the option', (_, config, option, message) => {
    const error = optionError(() => validateAuthConfig(config));
    expect(error.option).toBe(option);
    expect(error.message).toMatch(new RegExp(`^${option.replaceAll('.', '\\.')} `));
    expect(error.message).toMatch(message);
  });
});

describe('validateQueryBudgets', () => {
  it('accepts the defaults and limits turned off (null)', () => {
    expect(validateQueryBudgets(DEFAULT_QUERY_BUDGETS)).toBe(DEFAULT_QUERY_BUDGETS);
    const unlimited = { ...DEFAULT_QUERY_BUDGETS, AWS_IAM: { ...DEFAULT_QUERY_BUDGETS.AWS_IAM, limits: { ...DEFAULT_QUERY_BUDGETS.AWS_IAM.limits, cost: null } } };
    expect(validateQueryBudgets(unlimited)).toBe(unlimited);
  });

  it('rejects a limit that is not a positive integer, a missing mode and a non-boolean introspection', () => {
    const depth = (value: number) => ({ ...DEFAULT_QUERY_BUDGETS, API_KEY: { ...DEFAULT_QUERY_BUDGETS.API_KEY, limits: { ...DEFAULT_QUERY_BUDGETS.API_KEY.limits, depth: value } } });
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(optionError(() => validateQueryBudgets(depth(bad))).option, String(bad)).toBe('queryBudgets.API_KEY.limits.depth');
    const { AWS_LAMBDA: _, ...withoutLambda } = DEFAULT_QUERY_BUDGETS;
    expect(optionError(() => validateQueryBudgets(withoutLambda as typeof DEFAULT_QUERY_BUDGETS)).option).toBe('queryBudgets.AWS_LAMBDA');
    const introspection = { ...DEFAULT_QUERY_BUDGETS, OPENID_CONNECT: { ...DEFAULT_QUERY_BUDGETS.OPENID_CONNECT, introspection: 'yes' as unknown as boolean } };
    expect(optionError(() => validateQueryBudgets(introspection)).option).toBe('queryBudgets.OPENID_CONNECT.introspection');
  });
});

describe('validatePublisherSettings', () => {
  it('accepts off, and invoke with a function', () => {
    expect(validatePublisherSettings({ mode: 'off' })).toEqual({ mode: 'off' });
    const local: PublisherSettings = { mode: 'invoke', functionName: 'realtime', invocationType: 'RequestResponse', lambdaEndpoint: 'http://127.0.0.1:3002' };
    expect(validatePublisherSettings(local)).toBe(local);
  });

  it.each<[string, PublisherSettings, string]>([
    ['an unknown mode', { mode: 'sometimes' } as unknown as PublisherSettings, 'publish.mode'],
    ['invoke without a function', { mode: 'invoke', functionName: '' }, 'publish.functionName'],
    ['an unknown invocation type', { mode: 'invoke', functionName: 'rt', invocationType: 'Async' as 'Event' }, 'publish.invocationType'],
    ['a Lambda endpoint that is no URL', { mode: 'invoke', functionName: 'rt', lambdaEndpoint: 'localhost:3002' }, 'publish.lambdaEndpoint'],
  ])('rejects %s, naming the option', (_, settings, option) => {
    expect(optionError(() => validatePublisherSettings(settings)).option).toBe(option);
  });
});

describe('the engine checks its options when it is built', () => {
  const engine = (options: Partial<Parameters<typeof createAppSyncEngine>[0]>) => () =>
    createAppSyncEngine({ sdl, resolvers: {}, tables: { main: 't' }, dynamodb, paginationSecret: 's', auth: anAuthConfig(), ...options });

  it('createAppSyncEngine: the authorization configuration and the query budgets', () => {
    expect(engine({})()).toHaveProperty('server');
    expect(optionError(engine({ auth: anAuthConfig({ defaultMode: 'OPENID_CONNECT' }) })).option).toBe('auth.oidc.issuer');
    // What API Gateway's authorizer established is taken as it is: there is nothing to check.
    expect(engine({ auth: { trustAuthorizer: true } })()).toHaveProperty('server');
    const tooDeep = { ...DEFAULT_QUERY_BUDGETS, API_KEY: { ...DEFAULT_QUERY_BUDGETS.API_KEY, limits: { ...DEFAULT_QUERY_BUDGETS.API_KEY.limits, depth: 0 } } };
    expect(optionError(engine({ queryBudgets: tooDeep })).option).toBe('queryBudgets.API_KEY.limits.depth');
  });

  it('createRealtime: the authorization configuration', () => {
    const realtime = (auth: AuthConfig) => () => createRealtime({ client: dynamodb, tableName: 't', auth, sdl, connections: (endpoint) => createConnectionApi(endpoint) });
    expect(realtime(anAuthConfig())()).toHaveProperty('store');
    expect(optionError(realtime(anAuthConfig({ defaultMode: 'AMAZON_COGNITO_USER_POOLS' }))).option).toBe('auth.cognito.userPoolId');
  });

  it('httpRealtimePlugin: the publisher settings, off when omitted', () => {
    const lambda = createLambdaInvoker(LAMBDA_INVOKER_DEFAULTS);
    expect(httpRealtimePlugin({ sdl, logger, lambda })).toBeTypeOf('object');
    expect(optionError(() => httpRealtimePlugin({ publish: { mode: 'invoke', functionName: '' }, sdl, logger, lambda })).option).toBe('publish.functionName');
  });
});
