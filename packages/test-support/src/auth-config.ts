/** Typed authorization configurations for tests, built as the engine takes them. */
import type { AuthConfig, CognitoConfig } from '@appsync-lambda/engine';
import { TEST_USER_POOL_ID, type SigningKey } from './jwt';

/** An authorization configuration: API_KEY mode with no key (closed), unless `overrides` say otherwise. */
export function anAuthConfig(overrides: Partial<AuthConfig> = {}): AuthConfig {
  return { defaultMode: 'API_KEY', additionalModes: [], apiKeys: [], ...overrides };
}

/** The test user pool, any app client, default action ALLOW, trusting `key` (fetching no keys) unless `overrides` say otherwise. */
export function testUserPool(key?: SigningKey, overrides: Partial<CognitoConfig> = {}): CognitoConfig {
  return { userPoolId: TEST_USER_POOL_ID, clientIds: null, defaultAction: 'ALLOW', jwks: key?.jwks, ...overrides };
}
