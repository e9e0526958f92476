/**
 * The DynamoDB client: one per container (src/handler.ts), built here so that tests and the
 * reliability suite run exactly the configuration that is deployed. Every call has a connection
 * timeout and a per-attempt request timeout (a connection that is accepted and never answered
 * fails instead of hanging), a few retries with backoff, and a retry quota that refills.
 */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RefillingRetryStrategy, type RetryStrategySettings } from './retry-strategy';

export interface DynamoDBClientSettings {
  /** DYNAMODB_ENDPOINT: DynamoDB Local in development; unset in AWS. */
  endpoint?: string;
  /** DYNAMODB_CONNECT_TIMEOUT_MS: time to establish a connection. */
  connectTimeoutMs: number;
  /** DYNAMODB_REQUEST_TIMEOUT_MS: time for one attempt, from sending the request to the full response. */
  requestTimeoutMs: number;
  /** DYNAMODB_MAX_ATTEMPTS: attempts per call, the first included. */
  maxAttempts: number;
}

export const DYNAMODB_CLIENT_DEFAULTS = {
  connectTimeoutMs: 1_000,
  requestTimeoutMs: 3_000,
  maxAttempts: 3,
} as const;

export interface ClientOverrides {
  region?: string;
  credentials?: DynamoDBClientConfig['credentials'];
  /** Quota and backoff of the retry strategy (the defaults are RETRY_DEFAULTS). */
  retry?: Omit<RetryStrategySettings, 'maxAttempts'>;
  /**
   * Connections the client may hold open at once (the SDK's default is 50). A call waiting for one
   * spends its connect and request timeouts waiting: a process that serves many invocations at once
   * (serverless-offline) needs more.
   */
  maxSockets?: number;
}

/** The document client the runtime uses, and its retry strategy (whose quota can be read). */
export function createDynamoDBClient(
  settings: DynamoDBClientSettings,
  overrides: ClientOverrides = {},
): { client: DynamoDBDocumentClient; retryStrategy: RefillingRetryStrategy } {
  const retryStrategy = new RefillingRetryStrategy({ ...overrides.retry, maxAttempts: settings.maxAttempts });
  const base = new DynamoDBClient({
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(overrides.region ? { region: overrides.region } : {}),
    ...(overrides.credentials ? { credentials: overrides.credentials } : {}),
    maxAttempts: settings.maxAttempts,
    retryStrategy,
    requestHandler: {
      connectionTimeout: settings.connectTimeoutMs,
      requestTimeout: settings.requestTimeoutMs,
      // Without it the SDK only logs a warning when requestTimeout passes, and keeps waiting.
      throwOnRequestTimeout: true,
      ...(overrides.maxSockets ? { httpAgent: { maxSockets: overrides.maxSockets }, httpsAgent: { maxSockets: overrides.maxSockets } } : {}),
    },
  });
  const client = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  return { client, retryStrategy };
}
