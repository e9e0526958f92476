/**
 * `ctx.identity` and `util.authType()` from what API Gateway's authorizer established, in
 * AppSync's shape for each mode (contract CTX-03, AUTH-01, AUTH-07, UTIL-06, GAP-09):
 * JWT authorizer with a Cognito issuer → user pools; other JWT issuers → OIDC; Lambda authorizer →
 * `{ resolverContext }`; IAM authorization → the IAM identity; no authorizer → `null` (API key).
 */
import type { AppSyncIdentityCognito, AppSyncIdentityIAM, AppSyncIdentityOIDC, Identity } from '@aws-appsync/utils';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { AuthTypeName } from './execution';

type JwtClaims = Record<string, unknown>;

export interface IamAuthorizer {
  accessKey?: string | null;
  accountId?: string | null;
  userArn?: string | null;
  userId?: string | null;
  cognitoIdentity?: { amr?: string[] | null; identityId?: string | null; identityPoolId?: string | null } | null;
}

interface Authorizer {
  jwt?: { claims?: JwtClaims };
  lambda?: unknown;
  iam?: IamAuthorizer;
}

export interface ResolvedIdentity {
  identity: Identity;
  authType: AuthTypeName | null;
}

export interface IdentityOptions {
  /** The user pool's default action, exposed as `identity.defaultAuthStrategy` (AUTH-06). */
  defaultAuthStrategy?: 'ALLOW' | 'DENY';
}

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
  const amr = iam.cognitoIdentity?.amr ?? [];
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

/**
 * The identity and auth mode of one HTTP API (payload v2) request, trusting what API Gateway's
 * authorizer established. Used when the function itself enforces no authorization configuration
 * (see src/runtime/auth/authenticate.ts for the one that does).
 */
export function identityFromEvent(event: APIGatewayProxyEventV2, sourceIp: string[], options: IdentityOptions = {}): ResolvedIdentity {
  const authorizer = (event.requestContext as { authorizer?: Authorizer }).authorizer;
  const rawClaims = authorizer?.jwt?.claims;
  if (rawClaims) {
    const issuer = String(rawClaims.iss ?? '');
    if (/^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\//.test(issuer)) {
      return { identity: cognitoIdentity(rawClaims, sourceIp, options.defaultAuthStrategy), authType: 'User Pool Authorization' };
    }
    return { identity: oidcIdentity(rawClaims), authType: 'Open ID Connect Authorization' };
  }
  if (authorizer?.lambda !== undefined) {
    return { identity: { resolverContext: authorizer.lambda }, authType: 'Lambda Authorization' };
  }
  if (authorizer?.iam) return { identity: iamIdentity(authorizer.iam, sourceIp), authType: 'IAM Authorization' };
  return { identity: null, authType: 'API Key Authorization' };
}
