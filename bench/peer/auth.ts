/**
 * The peer's authentication, as a team writes it in Apollo's context function: an `x-api-key` from
 * the configured list, or a Cognito user-pool JWT verified with aws-jwt-verify; the groups come
 * from `cognito:groups`. Authorization is checked in the resolvers (see `allow`).
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';

export type Caller = { mode: 'API_KEY' } | { mode: 'USER_POOL'; sub: string; username: string; groups: string[]; email: string | null; emailVerified: boolean };

export interface AuthSettings {
  apiKeys: string[];
  userPoolId: string;
  /** App client ids a token must carry; null accepts any. */
  clientIds: string[] | null;
  /** The pool's keys, when they must not be fetched (bench and tests). */
  jwks?: Jwks;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export function unauthorized(message = 'You are not authorized to make this call.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHORIZED', errorType: 'Unauthorized', http: { status: 401 } } });
}

/** Returns the function that turns a request's headers into its caller, or throws a 401. */
export function createAuthenticator(settings: AuthSettings): (headers: Record<string, string | undefined>) => Promise<Caller> {
  const verifier = CognitoJwtVerifier.create({ userPoolId: settings.userPoolId, clientId: settings.clientIds, tokenUse: null });
  if (settings.jwks) verifier.cacheJwks(settings.jwks);
  const keys = settings.apiKeys.map(digest);
  return async (headers) => {
    const token = headers.authorization;
    if (token) {
      try {
        const claims = await verifier.verify(token.replace(/^Bearer /i, ''));
        const groups = claims['cognito:groups'];
        const sub = String(claims.sub);
        return {
          mode: 'USER_POOL',
          sub,
          // ID tokens carry cognito:username, access tokens username.
          username: String(claims['cognito:username'] ?? claims.username ?? sub),
          groups: Array.isArray(groups) ? groups.map(String) : [],
          email: typeof claims.email === 'string' ? claims.email : null,
          emailVerified: claims.email_verified === true || claims.email_verified === 'true',
        };
      } catch {
        throw unauthorized();
      }
    }
    const apiKey = headers['x-api-key'];
    if (apiKey) {
      const given = digest(apiKey);
      if (keys.some((key) => timingSafeEqual(key, given))) return { mode: 'API_KEY' };
    }
    throw unauthorized();
  };
}

/**
 * The schema's rules in a resolver: `apiKey` lets API-key callers in; `groups` (when given)
 * restricts user-pool callers to those groups, any signed-in user otherwise.
 */
export function allow(caller: Caller, rule: { apiKey?: boolean; groups?: readonly string[] }): void {
  if (caller.mode === 'API_KEY') {
    if (rule.apiKey) return;
  } else if (!rule.groups || caller.groups.some((group) => rule.groups!.includes(group))) {
    return;
  }
  throw notAuthorized();
}

export function notAuthorized(): GraphQLError {
  return new GraphQLError('Not Authorized to access this field', { extensions: { code: 'FORBIDDEN', errorType: 'Unauthorized' } });
}

export type User = Extract<Caller, { mode: 'USER_POOL' }>;

/** The signed-in user; Unauthorized for an API key. */
export function signedIn(caller: Caller): User {
  if (caller.mode !== 'USER_POOL') throw notAuthorized();
  return caller;
}

export const isStaff = (caller: Caller) => caller.mode === 'USER_POOL' && caller.groups.some((group) => group === 'recruiters' || group === 'admins');
