// Request-level authorization through the real Lambda handler: each mode, the identity it yields, 401s (AUTH-01, CTX-03, UTIL-06, EXE-12).
import { util, type Context } from '@aws-appsync/utils';
import { describe, expect, it } from 'vitest';
import { NONE, unit, type AuthConfig } from '@appsync-lambda/engine';
import { anAuthConfig, cognitoIdToken, createSigningKey, oidcToken, testUserPool, TEST_CLIENT_ID, TEST_OIDC_CLIENT_ID, TEST_OIDC_ISSUER, TEST_USER_POOL_ID } from '@appsync-lambda/test-support';
import { createRuntimeApi, json } from '../../helpers/harness';

const cognitoKey = createSigningKey();
const oidcKey = createSigningKey();

const SDL = /* GraphQL */ `
  type Query @aws_api_key @aws_cognito_user_pools @aws_oidc @aws_iam @aws_lambda {
    whoami: AWSJSON
  }
`;

const whoami = unit(
  { request: (ctx: Context) => ({ payload: { identity: ctx.identity, authType: util.authType() } }), response: (ctx: Context) => ctx.result },
  NONE,
);

const ALL_MODES = anAuthConfig({
  defaultMode: 'AMAZON_COGNITO_USER_POOLS',
  additionalModes: ['API_KEY', 'OPENID_CONNECT', 'AWS_IAM', 'AWS_LAMBDA'],
  apiKeys: ['da2-first-key', 'da2-second-key'],
  cognito: testUserPool(cognitoKey, { clientIds: [TEST_CLIENT_ID] }),
  oidc: { issuer: TEST_OIDC_ISSUER, clientId: TEST_OIDC_CLIENT_ID, jwks: oidcKey.jwks },
});

function api(auth: AuthConfig = ALL_MODES) {
  return createRuntimeApi({ sdl: SDL, resolvers: { 'Query.whoami': whoami }, auth });
}
const modes = api();

async function ask(options: Parameters<typeof modes.graphql>[2]) {
  const { status, body } = await modes.graphql('{ whoami }', undefined, options);
  return { status, body, probe: body.data ? json(body.data.whoami) : undefined };
}

describe('authorization modes (AUTH-01)', () => {
  it('AUTH-01 accepts a configured API key and exposes no identity (CTX-03, UTIL-06)', async () => {
    const { status, probe } = await ask({ headers: { 'x-api-key': 'da2-second-key' } });
    expect(status).toBe(200);
    expect(probe).toEqual({ identity: null, authType: 'API Key Authorization' });
  });

  it('AUTH-01 accepts a user-pool token with or without the Bearer prefix and exposes the user-pool identity', async () => {
    const token = cognitoIdToken(cognitoKey, { 'cognito:groups': ['recruiters'] });
    for (const authorization of [token, `Bearer ${token}`]) {
      const { status, probe } = await ask({ headers: { authorization, 'x-forwarded-for': '198.51.100.1' }, sourceIp: '203.0.113.9' });
      expect(status).toBe(200);
      expect(probe.authType).toBe('User Pool Authorization');
      expect(probe.identity).toMatchObject({
        username: 'rita.recruiter',
        groups: ['recruiters'],
        issuer: `https://cognito-idp.eu-west-1.amazonaws.com/${TEST_USER_POOL_ID}`,
        defaultAuthStrategy: 'ALLOW',
        sourceIp: ['198.51.100.1', '203.0.113.9'],
        claims: { email: 'rita@example.com', 'cognito:groups': ['recruiters'], aud: TEST_CLIENT_ID },
      });
    }
  });

  it('AUTH-01 accepts an OpenID Connect token from the configured issuer', async () => {
    const { status, probe } = await ask({ headers: { authorization: oidcToken(oidcKey) } });
    expect(status).toBe(200);
    expect(probe).toMatchObject({ authType: 'Open ID Connect Authorization', identity: { sub: 'oidc-user-1', issuer: TEST_OIDC_ISSUER } });
  });

  it('AUTH-01 accepts a SigV4 request API Gateway authenticated (IAM)', async () => {
    const iam = { accountId: '123456789012', userArn: 'arn:aws:iam::123456789012:user/ci', userId: 'AIDAEXAMPLE', accessKey: 'AKIAEXAMPLE' };
    const { status, probe } = await ask({ authorizer: { iam }, headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/…' } });
    expect(status).toBe(200);
    expect(probe).toMatchObject({ authType: 'IAM Authorization', identity: { accountId: '123456789012', username: 'AIDAEXAMPLE', userArn: iam.userArn } });
  });

  it('CTX-03 takes an IAM caller’s amr that is not a list as absent', async () => {
    const fresh = api();
    const iam = { accountId: '1', userId: 'AIDAEXAMPLE', cognitoIdentity: { amr: 'authenticated', identityId: 'eu-west-1:identity-1' } };
    const { status, body } = await fresh.graphql('{ whoami }', undefined, { authorizer: { iam } });
    expect(status).toBe(200);
    expect(json(body.data.whoami)).toMatchObject({
      authType: 'IAM Authorization',
      identity: { username: 'AIDAEXAMPLE', cognitoIdentityId: 'eu-west-1:identity-1', cognitoIdentityAuthType: null, cognitoIdentityAuthProvider: null },
    });
    expect(fresh.errors).toEqual([]);
  });

  it('AUTH-01 accepts a request an HTTP API Lambda authorizer let through, its context as resolverContext (AUTH-07)', async () => {
    const { status, probe } = await ask({ authorizer: { lambda: { tenant: 'acme', roles: ['viewer'] } }, headers: { authorization: 'custom-token' } });
    expect(status).toBe(200);
    expect(probe).toEqual({ authType: 'Lambda Authorization', identity: { resolverContext: { tenant: 'acme', roles: ['viewer'] } } });
  });

  it('AUTH-01 ignores gateway authorizers of modes the API does not have', async () => {
    const keyOnly = api(anAuthConfig({ apiKeys: ['k'] }));
    const { status, body } = await keyOnly.graphql('{ whoami }', undefined, { authorizer: { iam: { accountId: '1' } } });
    expect(status).toBe(401);
    expect(body.errors[0].errorType).toBe('UnauthorizedException');
  });
});

describe('request-level rejection (EXE-12)', () => {
  const rejected = async (options: Parameters<typeof modes.graphql>[2], message: string, api = modes) => {
    const { status, body } = await api.graphql('{ whoami }', undefined, options);
    expect(status).toBe(401);
    expect(body).toEqual({ errors: [{ errorType: 'UnauthorizedException', message }] });
  };

  it('EXE-12 rejects a request with no credentials', async () => {
    await rejected({}, 'Valid authorization header not provided.');
  });

  it('EXE-12 rejects a malformed token', async () => {
    await rejected({ headers: { authorization: 'Bearer not-a-jwt' } }, 'Unable to parse JWT token.');
    await rejected({ headers: { authorization: 'a.b.c' } }, 'Unable to parse JWT token.');
  });

  it('EXE-12 rejects an expired token', async () => {
    const expired = cognitoIdToken(cognitoKey, { iat: 1_700_000_000, exp: 1_700_003_600 });
    await rejected({ headers: { authorization: expired } }, 'Token has expired.');
  });

  it('EXE-12 rejects a token from another issuer, for another client, or signed with another key', async () => {
    const stranger = createSigningKey(cognitoKey.kid);
    await rejected({ headers: { authorization: cognitoIdToken(cognitoKey, { iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other' }) } }, 'Valid authorization header not provided.');
    await rejected({ headers: { authorization: cognitoIdToken(cognitoKey, { aud: 'another-client' }) } }, 'Valid authorization header not provided.');
    await rejected({ headers: { authorization: oidcToken(oidcKey, { aud: 'another-app' }) } }, 'Valid authorization header not provided.');
    await rejected({ headers: { authorization: cognitoIdToken(stranger) } }, 'Valid authorization header not provided.');
  });

  it('EXE-12 rejects a wrong API key', async () => {
    await rejected({ headers: { 'x-api-key': 'da2-first-ke' } }, 'You are not authorized to make this call.');
  });

  it('EXE-12 rejects every request when nothing is configured (closed by default)', async () => {
    await rejected({ headers: { 'x-api-key': '' } }, 'You are not authorized to make this call.', api(anAuthConfig()));
    await rejected({}, 'Valid authorization header not provided.', api(anAuthConfig()));
  });
});
