/**
 * Request-level authentication, as AppSync does it before any resolver runs (contract AUTH-01,
 * CTX-03, EXE-12). Each request is matched to one configured mode:
 *
 * 1. `AWS_LAMBDA`: API Gateway's Lambda authorizer let it through (`requestContext.authorizer.lambda`,
 *    the authorizer's `context`). Its `deniedFields` entry (a list, or a comma list, of `Type.field`
 *    coordinates or AppSync field ARNs) is taken out; the rest is `identity.resolverContext` (AUTH-07).
 * 2. `AWS_IAM`: API Gateway verified a SigV4 signature (`requestContext.authorizer.iam`).
 * 3. `AMAZON_COGNITO_USER_POOLS` / `OPENID_CONNECT`: a JWT in the `Authorization` header (a bare
 *    token or `Bearer <token>`), verified here; its issuer picks the provider.
 * 4. `API_KEY`: an `x-api-key` header holding one of the configured keys.
 *
 * Anything else is refused with an {@link AuthenticationError} (HTTP 401).
 *
 * With `{ trustAuthorizer: true }` instead of a configuration, the engine verifies nothing itself
 * and takes what API Gateway's authorizer established (a JWT authorizer's claims: user pools for a
 * Cognito issuer, OIDC otherwise; a Lambda authorizer; IAM; none: API key), and enforces no
 * directive: for APIs whose every route is behind an authorizer, and for tests of resolvers.
 */
import { cognitoIdentity, iamIdentity, oidcIdentity } from './identity';
import type { EngineRequest, RequestAuthorization } from '../core/request';
import { createApiKeyMatcher } from './api-keys';
import { configuredModes, type AuthConfig, type AuthSettings } from './config';
import { createJwtVerifiers, isCognitoIssuer, unverifiedIssuer } from './jwt';

/** A request without valid credentials: answered with HTTP 401 and no data (EXE-12). */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
}

export const MISSING_CREDENTIALS = 'Valid authorization header not provided.';
export const UNPARSABLE_TOKEN = 'Unable to parse JWT token.';
export const EXPIRED_TOKEN = 'Token has expired.';
export const INVALID_API_KEY = 'You are not authorized to make this call.';

const FIELD_ARN = /^arn:aws:appsync:[^:]*:[^:]*:apis\/[^/]+\/types\/([^/]+)\/fields\/([^/]+)$/;

/** `deniedFields` entries as `Type.field` coordinates. */
export function deniedCoordinates(raw: unknown): Set<string> | null {
  let entries: unknown[] = [];
  if (Array.isArray(raw)) entries = raw;
  else if (typeof raw === 'string') entries = raw.trim().startsWith('[') ? (JSON.parse(raw) as unknown[]) : raw.split(',');
  const coordinates = entries.map((entry) => String(entry).trim()).filter(Boolean).map((entry) => {
    const arn = FIELD_ARN.exec(entry);
    return arn ? `${arn[1]}.${arn[2]}` : entry;
  });
  return coordinates.length ? new Set(coordinates) : null;
}

function lambdaAuthorization(context: unknown): RequestAuthorization {
  if (typeof context !== 'object' || context === null) {
    return { mode: 'AWS_LAMBDA', identity: { resolverContext: context ?? {} }, groups: null, deniedFields: null };
  }
  const { deniedFields, ...resolverContext } = context as Record<string, unknown>;
  let denied: Set<string> | null;
  try {
    denied = deniedCoordinates(deniedFields);
  } catch {
    throw new AuthenticationError(MISSING_CREDENTIALS);
  }
  return { mode: 'AWS_LAMBDA', identity: { resolverContext }, groups: null, deniedFields: denied };
}

/** One header's value; a header sent twice is not a credential. */
function header(request: EngineRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

export type Authenticator = (request: EngineRequest) => Promise<RequestAuthorization>;

const COGNITO_ISSUER = /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\//;

/** The authorization API Gateway's authorizer established, trusted as it is (`trustAuthorizer`). */
function fromAuthorizer(request: EngineRequest, defaultAuthStrategy: 'ALLOW' | 'DENY'): RequestAuthorization {
  const { authorizer, sourceIp } = request;
  const claims = authorizer?.jwt?.claims;
  if (claims) {
    if (COGNITO_ISSUER.test(String(claims.iss ?? ''))) {
      const identity = cognitoIdentity(claims, sourceIp, defaultAuthStrategy);
      return { mode: 'AMAZON_COGNITO_USER_POOLS', identity, groups: identity.groups ?? null, deniedFields: null };
    }
    return { mode: 'OPENID_CONNECT', identity: oidcIdentity(claims), groups: null, deniedFields: null };
  }
  if (authorizer?.lambda !== undefined) return { mode: 'AWS_LAMBDA', identity: { resolverContext: authorizer.lambda }, groups: null, deniedFields: null };
  if (authorizer?.iam) return { mode: 'AWS_IAM', identity: iamIdentity(authorizer.iam, sourceIp), groups: null, deniedFields: null };
  return { mode: 'API_KEY', identity: null, groups: null, deniedFields: null };
}

/** The authenticator for one configuration; reuse it across requests (it caches the providers' keys). */
export function createAuthenticator(settings: AuthSettings): Authenticator {
  if ('trustAuthorizer' in settings) {
    const strategy = settings.defaultAuthStrategy ?? 'ALLOW';
    return async (request) => fromAuthorizer(request, strategy);
  }
  const config: AuthConfig = settings;
  const modes = new Set(configuredModes(config));
  const matchesApiKey = createApiKeyMatcher(config.apiKeys);
  const verifiers = createJwtVerifiers(config.cognito, config.oidc);
  const oidcIssuer = config.oidc?.issuer.replace(/\/$/, '');

  async function fromToken(value: string, sourceIp: string[]): Promise<RequestAuthorization> {
    const token = value.replace(/^Bearer\s+/i, '').trim();
    const issuer = unverifiedIssuer(token);
    if (issuer === null) throw new AuthenticationError(UNPARSABLE_TOKEN);
    const cognito = config.cognito;
    const useOidc = oidcIssuer !== undefined && (issuer.replace(/\/$/, '') === oidcIssuer || !cognito || !isCognitoIssuer(issuer, cognito.userPoolId));
    try {
      if (useOidc) return { mode: 'OPENID_CONNECT', identity: oidcIdentity(await verifiers.oidc(token)), groups: null, deniedFields: null };
      const claims = await verifiers.cognito(token);
      const identity = cognitoIdentity(claims, sourceIp, cognito!.defaultAction);
      return { mode: 'AMAZON_COGNITO_USER_POOLS', identity, groups: identity.groups ?? null, deniedFields: null };
    } catch (error) {
      const { JwtExpiredError } = await import('aws-jwt-verify/error');
      throw new AuthenticationError(error instanceof JwtExpiredError ? EXPIRED_TOKEN : MISSING_CREDENTIALS, { cause: error });
    }
  }

  return async (request) => {
    const { authorizer, sourceIp } = request;
    if (modes.has('AWS_LAMBDA') && authorizer?.lambda !== undefined) return lambdaAuthorization(authorizer.lambda);
    if (modes.has('AWS_IAM') && authorizer?.iam) {
      return { mode: 'AWS_IAM', identity: iamIdentity(authorizer.iam, sourceIp), groups: null, deniedFields: null };
    }
    const authorization = header(request, 'authorization');
    if (authorization && (config.cognito || config.oidc)) return fromToken(authorization, sourceIp);
    const apiKey = header(request, 'x-api-key');
    if (apiKey !== undefined && modes.has('API_KEY')) {
      if (!matchesApiKey(apiKey)) throw new AuthenticationError(INVALID_API_KEY);
      return { mode: 'API_KEY', identity: null, groups: null, deniedFields: null };
    }
    throw new AuthenticationError(MISSING_CREDENTIALS);
  };
}
