/**
 * JWT verification for the user-pool and OpenID Connect modes with `aws-jwt-verify`: signature
 * against the issuer's JSON Web Key Set, expiry, issuer and audience. The verifiers (and the key
 * sets they fetched) live as long as the container, so keys are fetched once, not per request;
 * the library is loaded on the first token, keeping it off the cold path of API-key traffic.
 */
import type { CognitoConfig, OidcConfig } from './config';

/** A verified token's payload. */
export type JwtClaims = Record<string, unknown>;

export interface JwtVerifiers {
  /** Resolves with the claims of a valid user-pool token, rejects otherwise. */
  cognito(token: string): Promise<JwtClaims>;
  /** Resolves with the claims of a valid OIDC token, rejects otherwise. */
  oidc(token: string): Promise<JwtClaims>;
}

/** The verifiers for the configured providers, each created on its first token. */
export function createJwtVerifiers(cognito: CognitoConfig | undefined, oidc: OidcConfig | undefined): JwtVerifiers {
  let cognitoVerifier: Promise<(token: string) => Promise<JwtClaims>> | undefined;
  let oidcVerifier: Promise<(token: string) => Promise<JwtClaims>> | undefined;
  return {
    cognito(token) {
      if (!cognito) return Promise.reject(new Error('User pools are not configured'));
      cognitoVerifier ??= import('aws-jwt-verify').then(({ CognitoJwtVerifier }) => {
        // AppSync accepts both ID and access tokens of the pool.
        const verifier = CognitoJwtVerifier.create({ userPoolId: cognito.userPoolId, clientId: cognito.clientIds, tokenUse: null });
        if (cognito.jwks) verifier.cacheJwks(cognito.jwks);
        return (jwt) => verifier.verify(jwt) as Promise<JwtClaims>;
      });
      return cognitoVerifier.then((verify) => verify(token));
    },
    oidc(token) {
      if (!oidc) return Promise.reject(new Error('OpenID Connect is not configured'));
      oidcVerifier ??= import('aws-jwt-verify').then(({ JwtVerifier }) => {
        const verifier = JwtVerifier.create({
          issuer: oidc.issuer,
          audience: oidc.clientId,
          jwksUri: oidc.jwksUri ?? `${oidc.issuer.replace(/\/$/, '')}/.well-known/jwks.json`,
        });
        if (oidc.jwks) verifier.cacheJwks(oidc.jwks);
        return (jwt) => verifier.verify(jwt) as Promise<JwtClaims>;
      });
      return oidcVerifier.then((verify) => verify(token));
    },
  };
}

/** The `iss` claim of a token, read without verifying it (to pick the provider); null when unparsable. */
export function unverifiedIssuer(token: string): string | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[0] || !parts[1]) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as unknown;
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { iss?: unknown } | null;
    if (typeof header !== 'object' || header === null || typeof payload !== 'object' || payload === null) return null;
    return typeof payload.iss === 'string' ? payload.iss : '';
  } catch {
    return null;
  }
}

/** Whether an issuer is the configured user pool's (regional or global issuer format). */
export function isCognitoIssuer(issuer: string, userPoolId: string): boolean {
  const region = userPoolId.split('_')[0];
  return issuer === `https://cognito-idp.${region}.amazonaws.com/${userPoolId}` || issuer === `https://issuer-cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}
