/**
 * Signed JWTs for auth tests, with no network: an RSA key pair made per test file, its public key
 * as a JSON Web Key Set to preload into the verifier, and tokens signed with node:crypto.
 */
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { readAuthConfig, type AuthConfig } from '../../packages/engine/src/auth/config';

export const TEST_REGION = 'eu-west-1';
export const TEST_USER_POOL_ID = `${TEST_REGION}_TestPool1`;
export const TEST_CLIENT_ID = 'test-client';
export const TEST_COGNITO_ISSUER = `https://cognito-idp.${TEST_REGION}.amazonaws.com/${TEST_USER_POOL_ID}`;
export const TEST_OIDC_ISSUER = 'https://login.example.com';
export const TEST_OIDC_CLIENT_ID = 'hiring-web';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The public key set, as the provider publishes it (and COGNITO_JWKS / OIDC_JWKS take it). */
  jwks: { keys: Array<Record<string, unknown>> };
}

export function createSigningKey(kid: string = randomUUID()): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, jwks: { keys: [jwk] } };
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact RS256 JWS of `claims`, signed with `key` (its kid in the header). */
export function signJwt(key: Pick<SigningKey, 'kid' | 'privateKey'>, claims: Record<string, unknown>): string {
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${encode(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);

/** The `sub` of a user-pool token unless its claims say otherwise. */
export const TEST_USER_SUB = 'a1b2c3d4-0000-4000-8000-000000000001';

/** A user-pool ID token, valid for an hour unless `overrides` say otherwise. */
export function cognitoIdToken(key: SigningKey, overrides: Record<string, unknown> = {}): string {
  return signJwt(key, {
    sub: TEST_USER_SUB,
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

/** The API key the job board sends in tests of the deployed auth configuration. */
export const TEST_API_KEY = 'da2-job-board';

/** The auth modes serverless.yml deploys (user pools by default, API key for the job board), trusting `key`. */
export function deployedAuthConfig(key: SigningKey): AuthConfig {
  return readAuthConfig({
    AUTH_DEFAULT_MODE: 'AMAZON_COGNITO_USER_POOLS',
    AUTH_ADDITIONAL_MODES: 'API_KEY',
    API_KEYS: TEST_API_KEY,
    COGNITO_USER_POOL_ID: TEST_USER_POOL_ID,
    COGNITO_CLIENT_IDS: TEST_CLIENT_ID,
    COGNITO_JWKS: JSON.stringify(key.jwks),
  });
}
