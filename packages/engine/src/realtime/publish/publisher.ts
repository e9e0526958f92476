/**
 * How the HTTP function hands a committed mutation's result to the fan-out: an Invoke of the
 * WebSocket function (`functionName`) with `{ realtimePublish: MutationEvent[],
 * invalidations?: SubscriptionInvalidation[] }`, so the HTTP bundle holds none of the fan-out
 * (mode `invoke`; `off` publishes nothing).
 *
 * `invocationType`:
 * - `Event` (deployed, the default): asynchronous. The mutation's response waits only for Lambda to
 *   queue the event (tens of ms), never for the deliveries. Lambda retries a failed fan-out twice
 *   (at least once: a retry may deliver an event twice), and two events may be handled out of order.
 * - `RequestResponse` (`npm start`, through serverless-offline's Lambda endpoint `lambdaEndpoint`):
 *   the mutation's response waits for every delivery; events go out in commit order per request.
 *   At most once.
 */
import type { LambdaInvoker } from '../../core/runtime';
import type { MutationEvent } from '../service/fanout';
import type { SubscriptionInvalidation } from '../../core/current-execution';
import { OptionError } from '../../core/option-error';

export interface Publisher {
  /** The mutations that fire some subscription (computed on first use). */
  readonly mutations: ReadonlySet<string>;
  /** The events, then the invalidations (`extensions.invalidateSubscriptions`, UTIL-E2). */
  publish(events: MutationEvent[], invalidations?: SubscriptionInvalidation[]): Promise<void>;
}

export type InvocationType = 'Event' | 'RequestResponse';

/** Whether and how committed mutations reach the fan-out; `{ mode: 'off' }` publishes nothing. */
export type PublisherSettings =
  | { mode: 'off' }
  | {
      mode: 'invoke';
      /** The WebSocket function (its name or ARN). */
      functionName: string;
      /** `Event` when omitted. */
      invocationType?: InvocationType;
      /** A local emulation of the Invoke API (serverless-offline's); unset in AWS. */
      lambdaEndpoint?: string;
    };

/** Checks the settings as the plugin is built; returns them. */
export function validatePublisherSettings(settings: PublisherSettings): PublisherSettings {
  const mode: string = settings.mode;
  if (mode !== 'invoke' && mode !== 'off') throw new OptionError('publish.mode', `must be invoke or off, got ${JSON.stringify(mode)}`);
  if (settings.mode === 'off') return settings;
  if (!settings.functionName) throw new OptionError('publish.functionName', 'must name the WebSocket function when publish.mode is invoke');
  const invocationType: string = settings.invocationType ?? 'Event';
  if (invocationType !== 'Event' && invocationType !== 'RequestResponse') {
    throw new OptionError('publish.invocationType', `must be Event or RequestResponse, got ${JSON.stringify(invocationType)}`);
  }
  const { lambdaEndpoint } = settings;
  if (lambdaEndpoint !== undefined && !/^https?:\/\/[^/\s]+/.test(lambdaEndpoint)) throw new OptionError('publish.lambdaEndpoint', `must be an http(s) URL, got ${JSON.stringify(lambdaEndpoint)}`);
  return settings;
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
