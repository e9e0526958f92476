/**
 * The bench's `env-credentials` variant: stands in for `@aws-sdk/credential-provider-node`
 * (measured: 134 KiB smaller, no clear CPU gain, so not used in production). Lambda hands the
 * function its role's credentials in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
 * AWS_SESSION_TOKEN, the first link of the SDK's default chain. The rest of the chain (SSO, ini
 * files, processes, web identity, container and instance metadata, with the STS and SSO clients
 * they bring) is never reached there, yet V8 parses it at every cold start. The local stack sets
 * the same variables (scripts/start.ts).
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

/** The SDK clients' default credential provider: environment variables only. */
export const defaultProvider = (init: Parameters<typeof fromEnv>[0] = {}): AwsCredentialIdentityProvider => fromEnv(init);

export const credentialsWillNeedRefresh = (credentials?: { expiration?: Date }) => credentials?.expiration !== undefined;

export const credentialsTreatedAsExpired = (credentials?: { expiration?: Date }) =>
  credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300_000;
