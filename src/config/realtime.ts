/**
 * Subscriptions (docs/realtime.md): how the HTTP function hands committed mutations to the fan-out
 * (REALTIME_PUBLISH, REALTIME_FUNCTION_NAME, REALTIME_INVOCATION_TYPE, REALTIME_LAMBDA_ENDPOINT,
 * checked by the engine's validatePublisherSettings), and where the WebSocket function posts
 * (REALTIME_ENDPOINT).
 */
import { validatePublisherSettings, type InvocationType, type PublisherSettings } from '@appsync-lambda/engine/realtime';
import { checkedByEngine, type Env } from './values';

export interface RealtimeSettings {
  /** The HTTP function's publisher (the engine's httpRealtimePlugin). */
  publish: PublisherSettings;
  /** The Management API of the WebSocket stage, for the fan-out; WebSocket events carry their own. */
  endpoint?: string;
}

export function readRealtimeSettings(env: Env): RealtimeSettings {
  const functionName = env.REALTIME_FUNCTION_NAME ?? '';
  // Values are checked by the engine; until then they are whatever the variables hold.
  const mode = (env.REALTIME_PUBLISH || (functionName ? 'invoke' : 'off')) as PublisherSettings['mode'];
  const invocationType = (env.REALTIME_INVOCATION_TYPE || 'Event') as InvocationType;
  const lambdaEndpoint = env.REALTIME_LAMBDA_ENDPOINT?.trim() || undefined;
  const publish: PublisherSettings = mode === 'off' ? { mode } : { mode, functionName, invocationType, ...(lambdaEndpoint ? { lambdaEndpoint } : {}) };
  return { publish: checkedByEngine(validatePublisherSettings, publish), endpoint: env.REALTIME_ENDPOINT || undefined };
}
