import { describe, expect, it } from 'vitest';
import { createAuthenticator, AUTH_TYPE_NAMES, normaliseClaims } from '@appsync-lambda/engine/testing';
import type { AuthorizerContext } from '@appsync-lambda/engine';

const trusted = createAuthenticator({ trustAuthorizer: true });
/** The identity and util.authType() name the engine derives from API Gateway's authorizer, trusted as it is. */
async function identityFromAuthorizer(authorizer: AuthorizerContext | undefined) {
  const authorization = await trusted({ headers: {}, sourceIp: [], domainName: null, authorizer, apiRequestId: null, method: 'POST', path: '/graphql' });
  return { identity: authorization.identity, authType: AUTH_TYPE_NAMES[authorization.mode] };
}

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

describe('trustAuthorizer: identities from API Gateway’s authorizer', () => {
  it('GAP-09 gives null (not undefined) without an authorizer', async () => {
    expect(await identityFromAuthorizer(undefined)).toEqual({ identity: null, authType: 'API Key Authorization' });
  });

  it('CTX-03 treats only cognito-idp issuers as user pools', async () => {
    const lookalike = await identityFromAuthorizer({ jwt: { claims: { iss: 'https://evil.example/cognito-idp.x', sub: 's' } } });
    expect(lookalike.authType).toBe('Open ID Connect Authorization');
  });

  it('CTX-03 has an empty groups list as [] and missing groups as null', async () => {
    const iss = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X';
    const empty = await identityFromAuthorizer({ jwt: { claims: { iss, sub: 's', 'cognito:groups': '[]' } } });
    expect(empty.identity).toMatchObject({ groups: [] });
    const none = await identityFromAuthorizer({ jwt: { claims: { iss, sub: 's' } } });
    expect(none.identity).toMatchObject({ groups: null });
  });
});
