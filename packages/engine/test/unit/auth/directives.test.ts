import { buildSchema, defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createApiKeyMatcher, deniedCoordinates, resolveFieldRules, applyFieldAuthorization, canDeny, isAllowed } from '@appsync-lambda/engine/testing';
import { APPSYNC_DEFINITIONS_SDL, type AuthConfig, type RequestAuthorization } from '@appsync-lambda/engine';
import { readAuthConfig } from '../../../src/auth/config';

const SDL = /* GraphQL */ `
  type Query {
    plain: String
    job: Job @aws_api_key @aws_cognito_user_pools
    staff: String @aws_cognito_user_pools(cognito_groups: ["recruiters"]) @aws_auth(cognito_groups: ["admins"])
    legacy: String @aws_auth(cognito_groups: ["admins"])
  }
  type Job @aws_api_key @aws_cognito_user_pools {
    title: String
    notes: String @aws_iam
  }
`;
const schema = () => buildSchema(`${APPSYNC_DEFINITIONS_SDL}\n${SDL}`);
const config = (env: Record<string, string>): AuthConfig => readAuthConfig({ COGNITO_USER_POOL_ID: 'eu-west-1_Pool1', ...env });
const pools = config({ AUTH_DEFAULT_MODE: 'AMAZON_COGNITO_USER_POOLS' });
const poolsAndKey = config({ AUTH_DEFAULT_MODE: 'AMAZON_COGNITO_USER_POOLS', AUTH_ADDITIONAL_MODES: 'API_KEY' });
const rules = (c: AuthConfig) => Object.fromEntries([...resolveFieldRules(schema(), c)].map(([coordinate, rule]) => [coordinate, Object.fromEntries(rule)]));
const caller = (mode: RequestAuthorization['mode'], groups: string[] | null = null): RequestAuthorization => ({ mode, identity: null, groups, deniedFields: null });

describe('resolveFieldRules', () => {
  it('gives directive-less fields the default mode, type directives to their fields, field directives precedence (AUTH-03)', () => {
    expect(rules(poolsAndKey)).toMatchObject({
      'Query.plain': { AMAZON_COGNITO_USER_POOLS: null },
      'Query.job': { API_KEY: null, AMAZON_COGNITO_USER_POOLS: null },
      'Job.title': { API_KEY: null, AMAZON_COGNITO_USER_POOLS: null },
      'Job.notes': { AWS_IAM: null },
    });
    expect(rules(poolsAndKey)['Job.notes']).toEqual({ AWS_IAM: null });
  });

  it('merges the groups of @aws_cognito_user_pools and a counted @aws_auth (AUTH-05)', () => {
    expect(rules(pools)['Query.staff']).toEqual({ AMAZON_COGNITO_USER_POOLS: ['recruiters', 'admins'] });
  });

  it('counts @aws_auth only with user pools as the sole mode (AUTH-05)', () => {
    expect(rules(pools)['Query.legacy']).toEqual({ AMAZON_COGNITO_USER_POOLS: ['admins'] });
    expect(rules(poolsAndKey)['Query.legacy']).toEqual({ AMAZON_COGNITO_USER_POOLS: null });
    expect(rules(config({ AUTH_DEFAULT_MODE: 'API_KEY' }))['Query.legacy']).toEqual({ API_KEY: null });
  });
});

describe('isAllowed and canDeny', () => {
  const rule = new Map([['AMAZON_COGNITO_USER_POOLS', ['admins']], ['API_KEY', null]] as const);
  it('checks mode, groups, the default action and Lambda-denied fields (AUTH-05, AUTH-06, AUTH-07)', () => {
    expect(isAllowed(rule, caller('API_KEY'), 'Query.x')).toBe(true);
    expect(isAllowed(rule, caller('AWS_IAM'), 'Query.x')).toBe(false);
    expect(isAllowed(rule, caller('AMAZON_COGNITO_USER_POOLS', ['admins']), 'Query.x')).toBe(true);
    expect(isAllowed(rule, caller('AMAZON_COGNITO_USER_POOLS', ['staff']), 'Query.x')).toBe(false);
    const open = new Map([['AMAZON_COGNITO_USER_POOLS', null]] as const);
    expect(isAllowed(open, caller('AMAZON_COGNITO_USER_POOLS'), 'Query.x', 'ALLOW')).toBe(true);
    expect(isAllowed(open, caller('AMAZON_COGNITO_USER_POOLS'), 'Query.x', 'DENY')).toBe(false);
    const lambda = new Map([['AWS_LAMBDA', null]] as const);
    expect(isAllowed(lambda, { ...caller('AWS_LAMBDA'), deniedFields: new Set(['Query.x']) }, 'Query.x')).toBe(false);
  });

  it('wraps only fields some configured caller could be denied', () => {
    const built = schema();
    const before = new Map(Object.values(built.getTypeMap()).filter(isObjectType).flatMap((t) => Object.values(t.getFields()).map((f) => [`${t.name}.${f.name}`, f.resolve])));
    applyFieldAuthorization(built, poolsAndKey);
    const wrapped = (s: GraphQLSchema, coordinate: string) => {
      const [type, field] = coordinate.split('.');
      const resolve = (s.getType(type!) as import('graphql').GraphQLObjectType).getFields()[field!]!.resolve;
      return resolve !== before.get(coordinate) && resolve !== defaultFieldResolver;
    };
    expect(wrapped(built, 'Job.title')).toBe(false);
    expect(wrapped(built, 'Query.job')).toBe(false);
    expect(wrapped(built, 'Query.plain')).toBe(true);
    expect(wrapped(built, 'Job.notes')).toBe(true);
    expect(canDeny(new Map([['API_KEY', null]]), config({ AUTH_DEFAULT_MODE: 'API_KEY' }))).toBe(false);
    expect(canDeny(new Map([['API_KEY', null]]), config({ AUTH_DEFAULT_MODE: 'API_KEY', AUTH_ADDITIONAL_MODES: 'AWS_LAMBDA' }))).toBe(true);
    expect(canDeny(new Map([['AMAZON_COGNITO_USER_POOLS', null]]), config({ AUTH_DEFAULT_MODE: 'AMAZON_COGNITO_USER_POOLS', USER_POOL_DEFAULT_ACTION: 'DENY' }))).toBe(true);
  });
});

describe('readAuthConfig', () => {
  it('is closed by default: API_KEY mode with no key', () => {
    expect(readAuthConfig({})).toEqual({ defaultMode: 'API_KEY', additionalModes: [], apiKeys: [] });
  });

  it('reads modes, keys, the user pool and OIDC provider, and rejects what cannot work (AUTH-01)', () => {
    const read = readAuthConfig({
      AUTH_DEFAULT_MODE: 'AMAZON_COGNITO_USER_POOLS',
      AUTH_ADDITIONAL_MODES: ' API_KEY, OPENID_CONNECT ,AMAZON_COGNITO_USER_POOLS',
      API_KEYS: 'a, b',
      COGNITO_USER_POOL_ID: 'eu-west-1_Pool1',
      COGNITO_CLIENT_IDS: 'c1,c2',
      USER_POOL_DEFAULT_ACTION: 'DENY',
      OIDC_ISSUER: 'https://login.example.com',
    });
    expect(read).toEqual({
      defaultMode: 'AMAZON_COGNITO_USER_POOLS',
      additionalModes: ['API_KEY', 'OPENID_CONNECT'],
      apiKeys: ['a', 'b'],
      cognito: { userPoolId: 'eu-west-1_Pool1', clientIds: ['c1', 'c2'], defaultAction: 'DENY', jwks: undefined },
      oidc: { issuer: 'https://login.example.com', clientId: null, jwksUri: undefined, jwks: undefined },
    });
    expect(() => readAuthConfig({ AUTH_DEFAULT_MODE: 'COGNITO' })).toThrow(/AUTH_DEFAULT_MODE/);
    expect(() => readAuthConfig({ AUTH_DEFAULT_MODE: 'AMAZON_COGNITO_USER_POOLS' })).toThrow(/COGNITO_USER_POOL_ID/);
    expect(() => readAuthConfig({ AUTH_ADDITIONAL_MODES: 'OPENID_CONNECT' })).toThrow(/OIDC_ISSUER/);
    expect(() => readAuthConfig({ AUTH_DEFAULT_MODE: 'AMAZON_COGNITO_USER_POOLS', COGNITO_USER_POOL_ID: 'eu-west-1_P', COGNITO_JWKS: '{}' })).toThrow(/COGNITO_JWKS/);
  });
});

describe('API keys and denied fields', () => {
  it('matches only exact configured keys', () => {
    const matches = createApiKeyMatcher(['da2-abc', 'da2-xyz']);
    expect([matches('da2-abc'), matches('da2-xyz'), matches('da2-ab'), matches('da2-abcd'), matches('')]).toEqual([true, true, false, false, false]);
    expect(createApiKeyMatcher([])('anything')).toBe(false);
  });

  it('reads deniedFields as coordinates, field ARNs, lists or comma lists (AUTH-07)', () => {
    expect(deniedCoordinates(['Query.a', 'arn:aws:appsync:eu-west-1:1:apis/x/types/Job/fields/notes'])).toEqual(new Set(['Query.a', 'Job.notes']));
    expect(deniedCoordinates('Query.a, Mutation.b')).toEqual(new Set(['Query.a', 'Mutation.b']));
    expect(deniedCoordinates('["Query.a"]')).toEqual(new Set(['Query.a']));
    expect(deniedCoordinates(undefined)).toBeNull();
  });
});
