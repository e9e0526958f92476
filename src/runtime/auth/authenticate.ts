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
 */
import type { Identity } from '@aws-appsync/utils';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { eventHeader } from '../http-request';
import { cognitoIdentity, iamIdentity, oidcIdentity, type IamAuthorizer } from '../identity';
import { createApiKeyMatcher } from './api-keys';
import { configuredModes, type AuthConfig } from './config';
import { createJwtVerifiers, isCognitoIssuer, unverifiedIssuer } from './jwt';
import type { AuthMode } from './modes';

/** How one request was authorized. */
export interface RequestAuthorization {
  mode: AuthMode;
  identity: Identity;
  /** The caller's `cognito:groups` (user pools only). */
  groups: readonly string[] | null;
  /** Coordinates the Lambda authorizer denied (AUTH-07); null when none. */
  deniedFields: ReadonlySet<string> | null;
}

/** A request without valid credentials: answered with HTTP 401 and no data (EXE-12). */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
}

export const MISSING_CREDENTIALS = 'Valid authorization header not provided.';
export const UNPARSABLE_TOKEN = 'Unable to parse JWT token.';
export const EXPIRED_TOKEN = 'Token has expired.';
export const INVALID_API_KEY = 'You are not authorized to make this call.';

interface Authorizer {
  lambda?: unknown;
  iam?: IamAuthorizer;
}

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

/** The authenticator for one configuration; reuse it across requests (it caches the providers' keys). */
export function createAuthenticator(config: AuthConfig): (event: APIGatewayProxyEventV2, sourceIp: string[]) => Promise<RequestAuthorization> {
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

  return async (event, sourceIp) => {
    const authorizer = (event.requestContext as { authorizer?: Authorizer }).authorizer;
    if (modes.has('AWS_LAMBDA') && authorizer?.lambda !== undefined) return lambdaAuthorization(authorizer.lambda);
    if (modes.has('AWS_IAM') && authorizer?.iam) {
      return { mode: 'AWS_IAM', identity: iamIdentity(authorizer.iam, sourceIp), groups: null, deniedFields: null };
    }
    const authorization = eventHeader(event, 'authorization');
    if (authorization && (config.cognito || config.oidc)) return fromToken(authorization, sourceIp);
    const apiKey = eventHeader(event, 'x-api-key');
    if (apiKey !== undefined && modes.has('API_KEY')) {
      if (!matchesApiKey(apiKey)) throw new AuthenticationError(INVALID_API_KEY);
      return { mode: 'API_KEY', identity: null, groups: null, deniedFields: null };
    }
    throw new AuthenticationError(MISSING_CREDENTIALS);
  };
}
