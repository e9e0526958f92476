/**
 * The hiring API's authorization as its tests deploy it: the job board's API key and the modes
 * serverless.yml deploys, trusting a test signing key (signed tokens and generic builders:
 * @appsync-lambda/test-support).
 */
import type { AuthConfig } from '@appsync-lambda/engine';
import { anAuthConfig, TEST_CLIENT_ID, testUserPool, type SigningKey } from '@appsync-lambda/test-support';

/** The API key the job board sends in tests of the deployed auth configuration. */
export const TEST_API_KEY = 'da2-job-board';

/** The auth modes serverless.yml deploys (user pools by default, API key for the job board), trusting `key`. */
export function deployedAuthConfig(key: SigningKey): AuthConfig {
  return anAuthConfig({
    defaultMode: 'AMAZON_COGNITO_USER_POOLS',
    additionalModes: ['API_KEY'],
    apiKeys: [TEST_API_KEY],
    cognito: testUserPool(key, { clientIds: [TEST_CLIENT_ID] }),
  });
}
