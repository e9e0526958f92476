import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { identityFromEvent, normaliseClaims } from '../../../src/runtime/identity';

const withAuthorizer = (authorizer: unknown) => ({ requestContext: { authorizer } }) as unknown as APIGatewayProxyEventV2;

describe('normaliseClaims', () => {
  it('CTX-03 restores the list, number and boolean claims API Gateway stringified', () => {
    expect(normaliseClaims({ 'cognito:groups': '[a b]', exp: '17', email_verified: 'false', custom: '[kept as is]' })).toEqual({
      'cognito:groups': ['a', 'b'],
      exp: 17,
      email_verified: false,
      custom: '[kept as is]',
    });
  });

  it('CTX-03 leaves claims that already have their types alone', () => {
    expect(normaliseClaims({ 'cognito:groups': ['a'], exp: 17 })).toEqual({ 'cognito:groups': ['a'], exp: 17 });
  });
});

describe('identityFromEvent', () => {
  it('GAP-09 gives null (not undefined) without an authorizer', () => {
    expect(identityFromEvent(withAuthorizer(undefined), [])).toEqual({ identity: null, authType: 'API Key Authorization' });
  });

  it('CTX-03 treats only cognito-idp issuers as user pools', () => {
    const lookalike = identityFromEvent(withAuthorizer({ jwt: { claims: { iss: 'https://evil.example/cognito-idp.x', sub: 's' } } }), []);
    expect(lookalike.authType).toBe('Open ID Connect Authorization');
  });

  it('CTX-03 has an empty groups list as [] and missing groups as null', () => {
    const iss = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X';
    const empty = identityFromEvent(withAuthorizer({ jwt: { claims: { iss, sub: 's', 'cognito:groups': '[]' } } }), []);
    expect(empty.identity).toMatchObject({ groups: [] });
    const none = identityFromEvent(withAuthorizer({ jwt: { claims: { iss, sub: 's' } } }), []);
    expect(none.identity).toMatchObject({ groups: null });
  });
});
