/**
 * The engine's request, whatever the transport: what an adapter (adapters/http-api for API
 * Gateway's HTTP API) takes from its event, and the rules for `ctx.request` and the caller's source
 * addresses (contract CTX-03, CTX-04, GAP-09): header names lower-cased, a header sent several
 * times exposed as an array, the cookie header never exposed, and `domainName` null on the default
 * endpoint.
 */
import type { Identity } from '@aws-appsync/utils';
import type { AuthMode } from './auth-modes';

/** What an authorizer in front of the engine (API Gateway's) established; trusted only in the `trustAuthorizer` auth mode or for the modes API Gateway verifies (IAM, Lambda). */
export interface AuthorizerContext {
  /** A JWT authorizer's verified claims. */
  jwt?: { claims?: Record<string, unknown> };
  /** A Lambda authorizer's `context`. */
  lambda?: unknown;
  /** SigV4 verification (IAM). */
  iam?: IamAuthorizer;
}

export interface IamAuthorizer {
  accessKey?: string | null;
  accountId?: string | null;
  userArn?: string | null;
  userId?: string | null;
  cognitoIdentity?: { amr?: string[] | null; identityId?: string | null; identityPoolId?: string | null } | null;
}

/** One GraphQL request as the engine sees it, built by an adapter from its transport's event. */
export interface EngineRequest {
  /** Lower-cased header names, no cookie (`ctx.request.headers`). */
  headers: ResolverHeaders;
  /** `identity.sourceIp`: forwarded addresses, then the peer's. */
  sourceIp: string[];
  /** The custom domain of the call, or null (`ctx.request.domainName`). */
  domainName: string | null;
  /** What an authorizer in front established, if any. */
  authorizer?: AuthorizerContext;
  /** The transport's request id (API Gateway's), for logs. */
  apiRequestId: string | null;
  /** The HTTP method and path, for logs; null when the transport has none. */
  method: string | null;
  path: string | null;
}

/** Headers as resolvers see them in `ctx.request.headers`. */
export type ResolverHeaders = Record<string, string | string[]>;

type RawHeaders = Readonly<Record<string, string | undefined>> | null | undefined;
type RawMultiValueHeaders = Readonly<Record<string, readonly string[] | undefined>> | null | undefined;

/**
 * Lower-cased headers without `cookie`. With `multiValueHeaders` (REST API and ALB events) a
 * repeated header becomes an array, as on AppSync. HTTP API (payload v2) events already arrive with
 * repeated headers joined by commas, and the original values cannot be told apart from a single
 * value holding commas, so they stay one string.
 */
export function resolverHeaders(headers: RawHeaders, multiValueHeaders?: RawMultiValueHeaders): ResolverHeaders {
  const out: ResolverHeaders = {};
  const add = (name: string, values: readonly string[]) => {
    const lower = name.toLowerCase();
    if (lower === 'cookie' || values.length === 0) return;
    const existing = out[lower];
    const merged = existing === undefined ? [...values] : [...(Array.isArray(existing) ? existing : [existing]), ...values];
    out[lower] = merged.length === 1 ? (merged[0] as string) : merged;
  };
  if (multiValueHeaders) {
    for (const [name, values] of Object.entries(multiValueHeaders)) if (values) add(name, values);
    return out;
  }
  for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) add(name, [value]);
  return out;
}

const DEFAULT_ENDPOINTS = [/\.execute-api\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/, /\.lambda-url\.[a-z0-9-]+\.on\.aws$/, /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/];

/** The custom domain used for the call; null on the API's default endpoint, as on AppSync. */
export function customDomain(domainName: string | undefined | null): string | null {
  if (!domainName || DEFAULT_ENDPOINTS.some((pattern) => pattern.test(domainName))) return null;
  return domainName;
}

/**
 * `identity.sourceIp`: the `x-forwarded-for` addresses followed by the peer address. API Gateway
 * already appends the client address to `x-forwarded-for`, so the peer is not repeated.
 */
export function sourceIps(peer: string | undefined, headers: ResolverHeaders): string[] {
  const header = headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((ip) => ip.trim())
    .filter(Boolean);
  if (!peer || forwarded.includes(peer)) return forwarded.length > 0 ? forwarded : peer ? [peer] : [];
  return [...forwarded, peer];
}

/** How one request was authorized. */
export interface RequestAuthorization {
  mode: AuthMode;
  identity: Identity;
  /** The caller's `cognito:groups` (user pools only). */
  groups: readonly string[] | null;
  /** Coordinates the Lambda authorizer denied (AUTH-07); null when none. */
  deniedFields: ReadonlySet<string> | null;
}
