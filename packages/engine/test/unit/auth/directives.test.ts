import { buildSchema, defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createApiKeyMatcher, deniedCoordinates, resolveFieldRules, applyFieldAuthorization, canDeny, isAllowed } from '@appsync-lambda/engine/testing';
import { APPSYNC_DEFINITIONS_SDL, type AuthConfig, type RequestAuthorization } from '@appsync-lambda/engine';
import { anAuthConfig, testUserPool } from '@appsync-lambda/test-support';

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
const pools = anAuthConfig({ defaultMode: 'AMAZON_COGNITO_USER_POOLS', cognito: testUserPool() });
const poolsAndKey = anAuthConfig({ defaultMode: 'AMAZON_COGNITO_USER_POOLS', additionalModes: ['API_KEY'], cognito: testUserPool() });
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
    expect(rules(anAuthConfig())['Query.legacy']).toEqual({ API_KEY: null });
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
    expect(canDeny(new Map([['API_KEY', null]]), anAuthConfig())).toBe(false);
    expect(canDeny(new Map([['API_KEY', null]]), anAuthConfig({ additionalModes: ['AWS_LAMBDA'] }))).toBe(true);
    expect(canDeny(new Map([['AMAZON_COGNITO_USER_POOLS', null]]), anAuthConfig({ defaultMode: 'AMAZON_COGNITO_USER_POOLS', cognito: testUserPool(undefined, { defaultAction: 'DENY' }) }))).toBe(true);
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
