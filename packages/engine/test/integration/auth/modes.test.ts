// Request-level authorization through the real Lambda handler: each mode, the identity it yields, 401s (AUTH-01, CTX-03, UTIL-06, EXE-12).
import { util, type Context } from '@aws-appsync/utils';
import { describe, expect, it } from 'vitest';
import { readAuthConfig } from '../../../src/auth/config';
import { NONE, unit } from '@appsync-lambda/engine';
import { cognitoIdToken, createSigningKey, oidcToken, TEST_CLIENT_ID, TEST_OIDC_CLIENT_ID, TEST_OIDC_ISSUER, TEST_USER_POOL_ID, graphqlEvent } from '@appsync-lambda/test-support';
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

const ALL_MODES = {
  AUTH_DEFAULT_MODE: 'AMAZON_COGNITO_USER_POOLS',
  AUTH_ADDITIONAL_MODES: 'API_KEY,OPENID_CONNECT,AWS_IAM,AWS_LAMBDA',
  API_KEYS: 'da2-first-key,da2-second-key',
  COGNITO_USER_POOL_ID: TEST_USER_POOL_ID,
  COGNITO_CLIENT_IDS: TEST_CLIENT_ID,
  COGNITO_JWKS: JSON.stringify(cognitoKey.jwks),
  OIDC_ISSUER: TEST_OIDC_ISSUER,
  OIDC_CLIENT_ID: TEST_OIDC_CLIENT_ID,
  OIDC_JWKS: JSON.stringify(oidcKey.jwks),
};

function api(env: Record<string, string> = ALL_MODES) {
  return createRuntimeApi({ sdl: SDL, resolvers: { 'Query.whoami': whoami }, auth: readAuthConfig(env) });
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

  it('AUTH-01 accepts a request an HTTP API Lambda authorizer let through, its context as resolverContext (AUTH-07)', async () => {
    const { status, probe } = await ask({ authorizer: { lambda: { tenant: 'acme', roles: ['viewer'] } }, headers: { authorization: 'custom-token' } });
    expect(status).toBe(200);
    expect(probe).toEqual({ authType: 'Lambda Authorization', identity: { resolverContext: { tenant: 'acme', roles: ['viewer'] } } });
  });

  it('AUTH-01 ignores gateway authorizers of modes the API does not have', async () => {
    const keyOnly = api({ AUTH_DEFAULT_MODE: 'API_KEY', API_KEYS: 'k' });
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

  it('EXE-12 answers an authorizer context it cannot read with a masked JSON InternalFailure, logged once', async () => {
    const probe = api();
    // API Gateway sends amr as a list; anything else used to escape as the integration's plain-text 400.
    const iam = { accountId: '1', cognitoIdentity: { amr: 'authenticated' } };
    const result = await probe.invoke(graphqlEvent('{ whoami }', undefined, { authorizer: { iam } }), 'req-auth-fault');
    expect(result.statusCode).toBe(500);
    expect(result.headers?.['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(String(result.body));
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ errorType: 'InternalFailure', message: 'Internal server error' });
    expect(String(result.body)).not.toContain('amr');
    expect(probe.errors.filter((report) => report.severity === 'error')).toHaveLength(1);
    expect(probe.errors[0]).toMatchObject({ requestId: 'req-auth-fault', error: expect.any(TypeError) });
  });

  it('EXE-12 rejects every request when nothing is configured (closed by default)', async () => {
    await rejected({ headers: { 'x-api-key': '' } }, 'You are not authorized to make this call.', api({}));
    await rejected({}, 'Valid authorization header not provided.', api({}));
  });
});
