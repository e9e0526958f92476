/**
 * `ctx.identity` and `util.authType()` from what API Gateway's authorizer established
 * (contract CTX-03, UTIL-06). No authorizer (local development, or an API-key style setup) gives
 * `null`, as AppSync does for API keys.
 */
import type { AppSyncIdentityCognito, AppSyncIdentityOIDC, Identity } from '@aws-appsync/utils';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { AuthTypeName } from './execution';

type JwtClaims = Record<string, unknown>;

/** Claims arrive as strings from API Gateway; Cognito groups look like "[admin recruiter]". */
function groupsOf(claims: JwtClaims): string[] | null {
  const raw = claims['cognito:groups'];
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw !== 'string' || raw === '') return null;
  return raw.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
}

export interface ResolvedIdentity {
  identity: Identity;
  authType: AuthTypeName | null;
}

export function identityFromEvent(event: APIGatewayProxyEventV2, sourceIp: string[]): ResolvedIdentity {
  const authorizer = (event.requestContext as { authorizer?: { jwt?: { claims?: JwtClaims }; lambda?: unknown } }).authorizer;
  const claims = authorizer?.jwt?.claims;
  if (claims) {
    const issuer = String(claims.iss ?? '');
    if (issuer.includes('cognito-idp.')) {
      const identity: AppSyncIdentityCognito = {
        sub: String(claims.sub ?? ''),
        issuer,
        username: String(claims['cognito:username'] ?? claims.username ?? claims.sub ?? ''),
        claims,
        sourceIp,
        defaultAuthStrategy: 'ALLOW',
        groups: groupsOf(claims),
      };
      return { identity, authType: 'User Pool Authorization' };
    }
    const identity: AppSyncIdentityOIDC = { sub: String(claims.sub ?? ''), issuer, claims };
    return { identity, authType: 'Open ID Connect Authorization' };
  }
  if (authorizer?.lambda !== undefined) {
    return { identity: { resolverContext: authorizer.lambda }, authType: 'Lambda Authorization' };
  }
  return { identity: null, authType: 'API Key Authorization' };
}
