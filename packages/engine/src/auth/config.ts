/**
 * The API's authorization configuration, as on AppSync: one default mode plus any additional
 * modes, and what each mode needs to check a credential (contract AUTH-01). The application builds
 * it (from its environment, a file, code); the engine checks it once, when it is built
 * ({@link validateAuthConfig}), and a configuration that cannot work stops the cold start.
 *
 * Closed by default: `API_KEY` mode with no key refuses every request (HTTP 401). API keys are
 * compared in constant time (api-keys.ts).
 */
import type { Jwks } from 'aws-jwt-verify/jwk';
import { isAuthMode, type AuthMode } from '../core/auth-modes';
import { OptionError } from '../core/option-error';

export type UserPoolDefaultAction = 'ALLOW' | 'DENY';

export interface CognitoConfig {
  /** The user pool, `<region>_<id>`. */
  userPoolId: string;
  /** App client ids a token's `aud`/`client_id` must match; null accepts any client of the pool. */
  clientIds: string[] | null;
  /** The user pool's default action (AUTH-06), also `identity.defaultAuthStrategy`. */
  defaultAction: UserPoolDefaultAction;
  /** The pool's keys, when they must not be fetched from Cognito. */
  jwks?: Jwks;
}

export interface OidcConfig {
  /** The provider's issuer URL. */
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
  /** Required when AMAZON_COGNITO_USER_POOLS is a mode. */
  cognito?: CognitoConfig;
  /** Required when OPENID_CONNECT is a mode. */
  oidc?: OidcConfig;
}

/**
 * How requests are authenticated: an AppSync authorization configuration the engine enforces, or
 * `trustAuthorizer`: what API Gateway's authorizer established, taken as it is (auth/authenticate.ts).
 */
export type AuthSettings = AuthConfig | { trustAuthorizer: true; defaultAuthStrategy?: UserPoolDefaultAction };

/** Whether `settings` is a configuration the engine enforces. */
export function isEnforced(settings: AuthSettings): settings is AuthConfig {
  return !('trustAuthorizer' in settings);
}

/** Every mode the API accepts: the default first. */
export function configuredModes(config: AuthConfig): AuthMode[] {
  return [config.defaultMode, ...config.additionalModes];
}

const USER_POOL_ID = /^(?:eusc-[a-z]{2}|[a-z]{2})-(?:gov-)?[a-z]+-\d_[a-zA-Z0-9]+$/;
const HTTP_URL = /^https?:\/\/\S+$/;

function checkJwks(option: string, jwks: Jwks | undefined): void {
  if (jwks !== undefined && !Array.isArray((jwks as Partial<Jwks> | null)?.keys)) throw new OptionError(option, 'must be a JSON Web Key Set ({ "keys": [...] })');
}

/** Checks `config` as the engine is built: AppSync's modes only, each with what it needs. Returns it. */
export function validateAuthConfig(config: AuthConfig): AuthConfig {
  for (const [option, modes] of [['auth.defaultMode', [config.defaultMode]], ['auth.additionalModes', config.additionalModes]] as const) {
    const unknown = modes.find((mode) => !isAuthMode(mode));
    if (unknown !== undefined) throw new OptionError(option, `holds an unknown authorization mode ${JSON.stringify(unknown)}`);
  }
  const modes = new Set(configuredModes(config));
  const { cognito, oidc } = config;
  if (cognito || modes.has('AMAZON_COGNITO_USER_POOLS')) {
    const when = modes.has('AMAZON_COGNITO_USER_POOLS') ? ' when AMAZON_COGNITO_USER_POOLS is a mode' : '';
    if (!cognito || !USER_POOL_ID.test(cognito.userPoolId)) {
      throw new OptionError('auth.cognito.userPoolId', `must name the user pool (<region>_<id>)${when}, got ${JSON.stringify(cognito?.userPoolId ?? '')}`);
    }
    if (cognito.defaultAction !== 'ALLOW' && cognito.defaultAction !== 'DENY') {
      throw new OptionError('auth.cognito.defaultAction', `must be ALLOW or DENY, got ${JSON.stringify(cognito.defaultAction)}`);
    }
    checkJwks('auth.cognito.jwks', cognito.jwks);
  }
  if (oidc || modes.has('OPENID_CONNECT')) {
    const when = modes.has('OPENID_CONNECT') ? ' when OPENID_CONNECT is a mode' : '';
    if (!oidc || !HTTP_URL.test(oidc.issuer)) throw new OptionError('auth.oidc.issuer', `must be the provider's issuer URL${when}, got ${JSON.stringify(oidc?.issuer ?? '')}`);
    checkJwks('auth.oidc.jwks', oidc.jwks);
  }
  return config;
}
