/**
 * Calls Lambda's Invoke API for the Lambda data source. The SDK's Lambda client is loaded with a
 * dynamic `import()` and created on the first call, so an API without Lambda data sources never
 * evaluates it at cold start; one client per invoker keeps its connections across requests.
 */
import type { LambdaInvoker } from '../../core/runtime';
import type { LambdaClient } from '@aws-sdk/client-lambda';

export interface LambdaInvokerSettings {
  /** LAMBDA_ENDPOINT: a local emulation of the Invoke API; unset in AWS. */
  endpoint?: string;
  /** LAMBDA_CONNECT_TIMEOUT_MS: time to establish a connection. */
  connectTimeoutMs: number;
  /** LAMBDA_REQUEST_TIMEOUT_MS: time for one attempt, the function's run included. */
  requestTimeoutMs: number;
  /** LAMBDA_MAX_ATTEMPTS: attempts per call, the first included (the SDK retries only service faults and throttling). */
  maxAttempts: number;
  /** Region and credentials, for tests; in AWS both come from the function's environment. */
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export const LAMBDA_INVOKER_DEFAULTS = {
  connectTimeoutMs: 1_000,
  // AppSync gives a resolver's data source 30 s; the request deadline usually ends a call first.
  requestTimeoutMs: 30_000,
  maxAttempts: 3,
} as const satisfies Omit<LambdaInvokerSettings, 'endpoint'>;

/** An invoker for the settings; nothing of the SDK is loaded until its first call. */
export function createLambdaInvoker(settings: LambdaInvokerSettings): LambdaInvoker {
  let loading: Promise<{ client: LambdaClient; InvokeCommand: typeof import('@aws-sdk/client-lambda').InvokeCommand }> | undefined;
  const load = () => {
    loading ??= import('@aws-sdk/client-lambda').then(({ LambdaClient, InvokeCommand }) => ({
      InvokeCommand,
      client: new LambdaClient({
        ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
        ...(settings.region ? { region: settings.region } : {}),
        ...(settings.credentials ? { credentials: settings.credentials } : {}),
        maxAttempts: settings.maxAttempts,
        requestHandler: {
          connectionTimeout: settings.connectTimeoutMs,
          requestTimeout: settings.requestTimeoutMs,
          throwOnRequestTimeout: true,
        },
      }),
    }));
    // A failed load is tried again on the next call rather than cached.
    loading.catch(() => (loading = undefined));
    return loading;
  };
  return {
    async invoke({ functionName, payload, invocationType, abortSignal }) {
      const { client, InvokeCommand } = await load();
      const command = new InvokeCommand({
        FunctionName: functionName,
        InvocationType: invocationType,
        Payload: new TextEncoder().encode(JSON.stringify(payload ?? null)),
      });
      const output = await client.send(command, abortSignal ? { abortSignal } : {});
      return {
        statusCode: output.StatusCode,
        functionError: output.FunctionError,
        payload: output.Payload ? new TextDecoder().decode(output.Payload) : '',
        requestId: output.$metadata.requestId,
      };
    },
  };
}

let shared: LambdaInvoker | undefined;

/** The invoker of a runtime configured without one: default settings, created on first use. */
export function defaultLambdaInvoker(): LambdaInvoker {
  shared ??= createLambdaInvoker(LAMBDA_INVOKER_DEFAULTS);
  return shared;
}
