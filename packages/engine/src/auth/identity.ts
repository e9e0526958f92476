/**
 * `ctx.identity` in AppSync's shape for each mode (contract CTX-03, AUTH-01, AUTH-07, GAP-09), from
 * verified token claims or what API Gateway's authorizer established (auth/authenticate.ts).
 */
import type { AppSyncIdentityCognito, AppSyncIdentityIAM, AppSyncIdentityOIDC } from '@aws-appsync/utils';
import type { IamAuthorizer } from '../core/request';

type JwtClaims = Record<string, unknown>;

const LIST_CLAIMS = new Set(['cognito:groups', 'cognito:roles', 'amr']);
const NUMBER_CLAIMS = new Set(['exp', 'iat', 'nbf', 'auth_time']);
const BOOLEAN_CLAIMS = new Set(['email_verified', 'phone_number_verified']);

/** API Gateway stringifies list claims as "[a b]"; AppSync exposes the token's own values. */
function parseList(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value === '') return null;
  return value.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
}

/** The decoded token payload as AppSync shows it: lists, numbers and booleans restored. */
export function normaliseClaims(claims: JwtClaims): JwtClaims {
  const out: JwtClaims = {};
  for (const [name, value] of Object.entries(claims)) {
    if (LIST_CLAIMS.has(name) && typeof value === 'string') out[name] = parseList(value) ?? [];
    else if (NUMBER_CLAIMS.has(name) && typeof value === 'string' && /^\d+$/.test(value)) out[name] = Number(value);
    else if (BOOLEAN_CLAIMS.has(name) && (value === 'true' || value === 'false')) out[name] = value === 'true';
    else out[name] = value;
  }
  return out;
}

/** The IAM identity of a request API Gateway authenticated with SigV4 (CTX-03). */
export function iamIdentity(iam: IamAuthorizer, sourceIp: string[]): AppSyncIdentityIAM & { user: string | null } {
  // API Gateway sends amr as a list; anything else names no sign-in, as when it is absent.
  const listed: unknown = iam.cognitoIdentity?.amr;
  const amr = Array.isArray(listed) ? listed.filter((entry): entry is string => typeof entry === 'string') : [];
  const authType = amr.find((entry) => entry === 'authenticated' || entry === 'unauthenticated') ?? null;
  const providers = amr.filter((entry) => entry !== 'authenticated' && entry !== 'unauthenticated');
  // The Cognito fields are null when the credentials were not vended by an identity pool.
  const identity = {
    accountId: iam.accountId ?? null,
    cognitoIdentityPoolId: iam.cognitoIdentity?.identityPoolId ?? null,
    cognitoIdentityId: iam.cognitoIdentity?.identityId ?? null,
    sourceIp,
    username: iam.userId ?? null,
    userArn: iam.userArn ?? null,
    cognitoIdentityAuthType: authType,
    cognitoIdentityAuthProvider: providers.length > 0 ? providers.map((provider) => `"${provider}"`).join(',') : null,
    user: iam.userId ?? null,
  };
  return identity as unknown as AppSyncIdentityIAM & { user: string | null };
}

/** The user-pool identity of a token's claims (CTX-03). */
export function cognitoIdentity(rawClaims: JwtClaims, sourceIp: string[], defaultAuthStrategy: 'ALLOW' | 'DENY' = 'ALLOW'): AppSyncIdentityCognito {
  const claims = normaliseClaims(rawClaims);
  const sub = String(claims.sub ?? '');
  return {
    sub,
    issuer: String(claims.iss ?? ''),
    // ID tokens carry cognito:username, access tokens carry username.
    username: String(claims['cognito:username'] ?? claims.username ?? sub),
    claims,
    sourceIp,
    defaultAuthStrategy,
    groups: parseList(claims['cognito:groups']),
  };
}

/** The OpenID Connect identity of a token's claims (CTX-03). */
export function oidcIdentity(rawClaims: JwtClaims): AppSyncIdentityOIDC {
  const claims = normaliseClaims(rawClaims);
  return { sub: String(claims.sub ?? ''), issuer: String(claims.iss ?? ''), claims };
}

