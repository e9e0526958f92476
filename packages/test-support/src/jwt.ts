/**
 * Signed JWTs for auth tests, with no network: an RSA key pair made per test file, its public key
 * as a JSON Web Key Set to preload into the verifier, and tokens signed with node:crypto.
 */
import type { CognitoConfig } from '@appsync-lambda/engine';
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';

export const TEST_REGION = 'eu-west-1';
export const TEST_USER_POOL_ID = `${TEST_REGION}_TestPool1`;
export const TEST_CLIENT_ID = 'test-client';
export const TEST_COGNITO_ISSUER = `https://cognito-idp.${TEST_REGION}.amazonaws.com/${TEST_USER_POOL_ID}`;
export const TEST_OIDC_ISSUER = 'https://login.example.com';
export const TEST_OIDC_CLIENT_ID = 'test-web';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The public key set, as the provider publishes it (and COGNITO_JWKS / OIDC_JWKS take it). */
  jwks: NonNullable<CognitoConfig['jwks']>;
}

export function createSigningKey(kid: string = randomUUID()): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, jwks: { keys: [jwk] } as NonNullable<CognitoConfig['jwks']> };
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact RS256 JWS of `claims`, signed with `key` (its kid in the header). */
export function signJwt(key: Pick<SigningKey, 'kid' | 'privateKey'>, claims: Record<string, unknown>): string {
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${encode(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);

/** A user-pool ID token, valid for an hour unless `overrides` say otherwise. */
export function cognitoIdToken(key: SigningKey, overrides: Record<string, unknown> = {}): string {
  return signJwt(key, {
    sub: 'a1b2c3d4-0000-4000-8000-000000000001',
    iss: TEST_COGNITO_ISSUER,
    aud: TEST_CLIENT_ID,
    token_use: 'id',
    'cognito:username': 'rita.recruiter',
    email: 'rita@example.com',
    auth_time: now(),
    iat: now(),
    exp: now() + 3600,
    ...overrides,
  });
}

/** An OpenID Connect ID token from the test provider. */
export function oidcToken(key: SigningKey, overrides: Record<string, unknown> = {}): string {
  return signJwt(key, { sub: 'oidc-user-1', iss: TEST_OIDC_ISSUER, aud: TEST_OIDC_CLIENT_ID, iat: now(), exp: now() + 3600, ...overrides });
}
