/**
 * How the HTTP function hands a committed mutation's result to the fan-out: an Invoke of the
 * WebSocket function (REALTIME_FUNCTION_NAME) with `{ realtimePublish: MutationEvent[],
 * invalidations?: SubscriptionInvalidation[] }`, so the HTTP bundle holds none of the fan-out
 * (REALTIME_PUBLISH=invoke; `off` publishes nothing).
 *
 * REALTIME_INVOCATION_TYPE:
 * - `Event` (deployed, the default): asynchronous. The mutation's response waits only for Lambda to
 *   queue the event (tens of ms), never for the deliveries. Lambda retries a failed fan-out twice
 *   (at least once: a retry may deliver an event twice), and two events may be handled out of order.
 * - `RequestResponse` (`npm start`, through serverless-offline's Lambda endpoint
 *   REALTIME_LAMBDA_ENDPOINT): the mutation's response waits for every delivery; events go out in
 *   commit order per request. At most once.
 */
import type { LambdaInvoker } from '../../core/runtime';
import type { MutationEvent } from '../service/fanout';
import type { SubscriptionInvalidation } from '../../core/current-execution';

export interface Publisher {
  /** The mutations that fire some subscription (computed on first use). */
  readonly mutations: ReadonlySet<string>;
  /** The events, then the invalidations (`extensions.invalidateSubscriptions`, UTIL-E2). */
  publish(events: MutationEvent[], invalidations?: SubscriptionInvalidation[]): Promise<void>;
}

export type InvocationType = 'Event' | 'RequestResponse';

export interface PublisherSettings {
  mode: 'invoke' | 'off';
  functionName?: string;
  invocationType: InvocationType;
  /** A local emulation of the Invoke API (serverless-offline's); unset in AWS. */
  lambdaEndpoint?: string;
}

/** REALTIME_PUBLISH (invoke, off), REALTIME_FUNCTION_NAME, REALTIME_INVOCATION_TYPE, REALTIME_LAMBDA_ENDPOINT. */
export function readPublisherSettings(env: NodeJS.ProcessEnv): PublisherSettings {
  const mode = env.REALTIME_PUBLISH || (env.REALTIME_FUNCTION_NAME ? 'invoke' : 'off');
  if (mode !== 'invoke' && mode !== 'off') throw new Error(`REALTIME_PUBLISH must be invoke or off, got ${JSON.stringify(mode)}`);
  if (mode === 'invoke' && !env.REALTIME_FUNCTION_NAME) throw new Error('REALTIME_PUBLISH=invoke needs REALTIME_FUNCTION_NAME (the WebSocket function)');
  const invocationType = env.REALTIME_INVOCATION_TYPE || 'Event';
  if (invocationType !== 'Event' && invocationType !== 'RequestResponse') {
    throw new Error(`REALTIME_INVOCATION_TYPE must be Event or RequestResponse, got ${JSON.stringify(invocationType)}`);
  }
  const lambdaEndpoint = env.REALTIME_LAMBDA_ENDPOINT?.trim() || undefined;
  if (lambdaEndpoint !== undefined && !/^https?:\/\/[^/\s]+/.test(lambdaEndpoint)) throw new Error(`REALTIME_LAMBDA_ENDPOINT must be an http(s) URL, got ${JSON.stringify(lambdaEndpoint)}`);
  return { mode, functionName: env.REALTIME_FUNCTION_NAME, invocationType, lambdaEndpoint };
}

/** A publisher that sends the events to the WebSocket function. */
export function invokePublisher(invoker: LambdaInvoker, functionName: string, invocationType: InvocationType, mutations: () => ReadonlySet<string>): Publisher {
  return {
    get mutations() {
      return mutations();
    },
    async publish(events, invalidations = []) {
      const payload = invalidations.length > 0 ? { realtimePublish: events, invalidations } : { realtimePublish: events };
      const answer = await invoker.invoke({ functionName, payload, invocationType });
      if (answer.functionError || (answer.statusCode !== undefined && answer.statusCode >= 300)) {
        throw new Error(`The fan-out failed: ${answer.functionError ?? answer.statusCode}`);
      }
    },
  };
}
