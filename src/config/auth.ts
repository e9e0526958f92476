/**
 * The API's authorization configuration (contract AUTH-01) from AUTH_DEFAULT_MODE,
 * AUTH_ADDITIONAL_MODES, API_KEYS, COGNITO_*, USER_POOL_DEFAULT_ACTION and OIDC_*. The engine checks
 * what it needs of each mode (validateAuthConfig); its errors name these variables.
 *
 * API keys live in the function's environment for now; a deployment that needs rotation should
 * read them from a secret store at cold start instead.
 */
import { validateAuthConfig, type AuthConfig, type AuthMode } from '@appsync-lambda/engine';
import { checkedByEngine, list, type Env } from './values';

type Jwks = NonNullable<NonNullable<AuthConfig['cognito']>['jwks']>;

/** A key set given as JSON text; the engine checks its shape. */
function jwks(name: string, raw: string | undefined): Jwks | undefined {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as Jwks;
  } catch {
    throw new Error(`${name} must be a JSON Web Key Set ({ "keys": [...] })`);
  }
}

export function readAuthConfig(env: Env): AuthConfig {
  // Mode names are checked by the engine; until then they are whatever the variables hold.
  const defaultMode = (env.AUTH_DEFAULT_MODE || 'API_KEY') as AuthMode;
  const additionalModes = [...new Set(list(env.AUTH_ADDITIONAL_MODES) as AuthMode[])].filter((additional) => additional !== defaultMode);
  const modes = new Set([defaultMode, ...additionalModes]);
  // Checked whatever the modes: a typo should not wait for the day user pools are turned on.
  const defaultAction = env.USER_POOL_DEFAULT_ACTION || 'ALLOW';
  if (defaultAction !== 'ALLOW' && defaultAction !== 'DENY') {
    throw new Error(`USER_POOL_DEFAULT_ACTION must be ALLOW or DENY, got ${JSON.stringify(defaultAction)}`);
  }
  const config: AuthConfig = { defaultMode, additionalModes, apiKeys: list(env.API_KEYS) };
  if (modes.has('AMAZON_COGNITO_USER_POOLS')) {
    const clientIds = list(env.COGNITO_CLIENT_IDS);
    config.cognito = { userPoolId: env.COGNITO_USER_POOL_ID ?? '', clientIds: clientIds.length ? clientIds : null, defaultAction, jwks: jwks('COGNITO_JWKS', env.COGNITO_JWKS) };
  }
  if (modes.has('OPENID_CONNECT')) {
    config.oidc = { issuer: env.OIDC_ISSUER ?? '', clientId: env.OIDC_CLIENT_ID || null, jwksUri: env.OIDC_JWKS_URI || undefined, jwks: jwks('OIDC_JWKS', env.OIDC_JWKS) };
  }
  return checkedByEngine(validateAuthConfig, config);
}
