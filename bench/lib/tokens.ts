/**
 * Signed-in callers for the bench: an RSA key made per run, its public key set given to both
 * implementations (COGNITO_JWKS, so nothing is fetched), and user-pool ID tokens signed with it.
 */
import { generateKeyPairSync, sign } from 'node:crypto';

export interface BenchKey {
  jwks: { keys: Array<Record<string, unknown>> };
  /** An ID token of the pool; `claims` are added to (or replace) the defaults: sub `bench-user`, no email. */
  token(userPoolId: string, claims: Record<string, unknown>): string;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function createBenchKey(kid = 'bench'): BenchKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] },
    token(userPoolId, extra) {
      const region = userPoolId.split('_')[0];
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        sub: 'bench-user',
        iss: `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`,
        aud: 'bench-client',
        token_use: 'id',
        auth_time: now,
        iat: now,
        // Long enough for the longest run.
        exp: now + 6 * 3600,
        ...extra,
      };
      const input = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(claims)}`;
      return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
    },
  };
}
