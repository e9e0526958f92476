/**
 * The hiring API's authorization as its tests deploy it: the job board's API key and the modes
 * serverless.yml deploys, trusting a test signing key (signed tokens: @appsync-lambda/test-support).
 */
import { TEST_CLIENT_ID, TEST_USER_POOL_ID, type SigningKey } from '@appsync-lambda/test-support';
import { readAuthConfig, type AuthConfig } from '../../packages/engine/src/auth/config';

/** The API key the job board sends in tests of the deployed auth configuration. */
export const TEST_API_KEY = 'da2-job-board';

/** The auth modes serverless.yml deploys (user pools by default, API key for the job board), trusting `key`. */
export function deployedAuthConfig(key: SigningKey): AuthConfig {
  return readAuthConfig({
    AUTH_DEFAULT_MODE: 'AMAZON_COGNITO_USER_POOLS',
    AUTH_ADDITIONAL_MODES: 'API_KEY',
    API_KEYS: TEST_API_KEY,
    COGNITO_USER_POOL_ID: TEST_USER_POOL_ID,
    COGNITO_CLIENT_IDS: TEST_CLIENT_ID,
    COGNITO_JWKS: JSON.stringify(key.jwks),
  });
}
