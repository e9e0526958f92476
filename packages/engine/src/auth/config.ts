/**
 * The API's authorization configuration, as on AppSync: one default mode plus any additional
 * modes, and what each mode needs to check a credential (contract AUTH-01).
 *
 * Read from the environment at cold start ({@link readAuthConfig}):
 *
 * | variable | meaning |
 * | --- | --- |
 * | `AUTH_DEFAULT_MODE` | `API_KEY`, `AMAZON_COGNITO_USER_POOLS`, `OPENID_CONNECT`, `AWS_IAM` or `AWS_LAMBDA`; default `API_KEY` |
 * | `AUTH_ADDITIONAL_MODES` | comma list of further modes |
 * | `API_KEYS` | comma list of accepted `x-api-key` values (compared in constant time) |
 * | `COGNITO_USER_POOL_ID`, `COGNITO_CLIENT_IDS` | the user pool (`<region>_<id>`) and the app client ids tokens must carry (comma list; empty: any) |
 * | `COGNITO_JWKS` | optional JSON Web Key Set of the pool, used instead of fetching it (local stage, tests) |
 * | `USER_POOL_DEFAULT_ACTION` | `ALLOW` (default) or `DENY` (AUTH-06) |
 * | `OIDC_ISSUER`, `OIDC_CLIENT_ID`, `OIDC_JWKS_URI`, `OIDC_JWKS` | the OpenID Connect provider, the audience (empty: any), where its keys are |
 *
 * Closed by default: with nothing set the API runs in `API_KEY` mode with no key, so every
 * request is refused (HTTP 401) until a stage configures real modes. API keys live in the
 * function's environment for now; a deployment that needs rotation should read them from a
 * secret store at cold start instead.
 */
import type { Jwks } from 'aws-jwt-verify/jwk';
import { isAuthMode, type AuthMode } from '../core/auth-modes';

export type UserPoolDefaultAction = 'ALLOW' | 'DENY';

export interface CognitoConfig {
  userPoolId: string;
  /** App client ids a token's `aud`/`client_id` must match; null accepts any client of the pool. */
  clientIds: string[] | null;
  /** The user pool's default action (AUTH-06), also `identity.defaultAuthStrategy`. */
  defaultAction: UserPoolDefaultAction;
  /** The pool's keys, when they must not be fetched from Cognito. */
  jwks?: Jwks;
}

export interface OidcConfig {
  issuer: string;
  /** The audience tokens must carry; null accepts any. */
  clientId: string | null;
  /** Where the provider publishes its keys; defaults to `<issuer>/.well-known/jwks.json`. */
  jwksUri?: string;
  jwks?: Jwks;
}

export interface AuthConfig {
  defaultMode: AuthMode;
  additionalModes: readonly AuthMode[];
  /** Accepted API keys (API_KEY mode). */
  apiKeys: readonly string[];
  cognito?: CognitoConfig;
  oidc?: OidcConfig;
}

function list(raw: string | undefined): string[] {
  return (raw ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
}

function mode(name: string, raw: string): AuthMode {
  if (!isAuthMode(raw)) throw new Error(`${name} holds an unknown authorization mode ${JSON.stringify(raw)}`);
  return raw;
}

function jwks(name: string, raw: string | undefined): Jwks | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Jwks;
    if (Array.isArray(parsed?.keys)) return parsed;
  } catch {
    // Reported below.
  }
  throw new Error(`${name} must be a JSON Web Key Set ({ "keys": [...] })`);
}

/** Every mode the API accepts: the default first. */
/**
 * How requests are authenticated: an AppSync authorization configuration the engine enforces, or
 * `trustAuthorizer`: what API Gateway's authorizer established, taken as it is (auth/authenticate.ts).
 */
export type AuthSettings = AuthConfig | { trustAuthorizer: true; defaultAuthStrategy?: UserPoolDefaultAction };

/** Whether `settings` is a configuration the engine enforces. */
export function isEnforced(settings: AuthSettings): settings is AuthConfig {
  return !('trustAuthorizer' in settings);
}

export function configuredModes(config: AuthConfig): AuthMode[] {
  return [config.defaultMode, ...config.additionalModes];
}

/** Reads and validates the authorization settings; a bad value stops the cold start. */
export function readAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const defaultMode = mode('AUTH_DEFAULT_MODE', env.AUTH_DEFAULT_MODE || 'API_KEY');
  const additionalModes = [...new Set(list(env.AUTH_ADDITIONAL_MODES).map((raw) => mode('AUTH_ADDITIONAL_MODES', raw)))].filter(
    (additional) => additional !== defaultMode,
  );
  const modes = new Set([defaultMode, ...additionalModes]);
  const defaultAction = env.USER_POOL_DEFAULT_ACTION || 'ALLOW';
  if (defaultAction !== 'ALLOW' && defaultAction !== 'DENY') {
    throw new Error(`USER_POOL_DEFAULT_ACTION must be ALLOW or DENY, got ${JSON.stringify(defaultAction)}`);
  }
  const config: AuthConfig = { defaultMode, additionalModes, apiKeys: list(env.API_KEYS) };
  if (modes.has('AMAZON_COGNITO_USER_POOLS')) {
    const userPoolId = env.COGNITO_USER_POOL_ID ?? '';
    if (!/^(?:eusc-[a-z]{2}|[a-z]{2})-(?:gov-)?[a-z]+-\d_[a-zA-Z0-9]+$/.test(userPoolId)) {
      throw new Error(`COGNITO_USER_POOL_ID must name the user pool (<region>_<id>) when AMAZON_COGNITO_USER_POOLS is a mode, got ${JSON.stringify(userPoolId)}`);
    }
    const clientIds = list(env.COGNITO_CLIENT_IDS);
    config.cognito = { userPoolId, clientIds: clientIds.length ? clientIds : null, defaultAction, jwks: jwks('COGNITO_JWKS', env.COGNITO_JWKS) };
  }
  if (modes.has('OPENID_CONNECT')) {
    const issuer = env.OIDC_ISSUER ?? '';
    if (!/^https?:\/\/\S+$/.test(issuer)) throw new Error(`OIDC_ISSUER must be the provider's issuer URL when OPENID_CONNECT is a mode, got ${JSON.stringify(issuer)}`);
    config.oidc = { issuer, clientId: env.OIDC_CLIENT_ID || null, jwksUri: env.OIDC_JWKS_URI || undefined, jwks: jwks('OIDC_JWKS', env.OIDC_JWKS) };
  }
  return config;
}
