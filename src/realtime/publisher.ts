/**
 * How the HTTP function hands a committed mutation's result to the fan-out, chosen at cold start
 * (REALTIME_PUBLISH):
 *
 * - `invoke` (deployed): an asynchronous Invoke (InvocationType Event) of the WebSocket function
 *   (REALTIME_FUNCTION_NAME). The mutation's response waits only for Lambda to queue the event
 *   (tens of ms), never for the deliveries. Lambda retries a failed fan-out twice (at least once;
 *   a retry may deliver an event twice), and two events may be handled out of order.
 * - `inline` (`npm start`, tests): the fan-out runs in the HTTP request itself, after the mutation
 *   committed and before its response is sent; events go out in commit order per request.
 * - `off`: nothing is published (the default when neither is configured).
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { LambdaInvoker } from '../runtime/lambda/invoker';
import type { MutationEvent } from './fanout';

export interface Publisher {
  /** The mutations that fire some subscription; null: every mutation is offered. */
  readonly mutations: ReadonlySet<string> | null;
  publish(events: MutationEvent[]): Promise<void>;
}

/** A publisher that runs the fan-out in-process. */
export function inlinePublisher(mutations: ReadonlySet<string>, fanOut: (events: MutationEvent[]) => Promise<unknown>): Publisher {
  return {
    mutations,
    async publish(events) {
      await fanOut(events);
    },
  };
}

/** A publisher that sends the events to the WebSocket function asynchronously. */
export function invokePublisher(invoker: LambdaInvoker, functionName: string, mutations: ReadonlySet<string> | null = null): Publisher {
  return {
    mutations,
    async publish(events) {
      const answer = await invoker.invoke({ functionName, payload: { realtimePublish: events }, invocationType: 'Event' });
      if (answer.functionError || (answer.statusCode !== undefined && answer.statusCode >= 300)) {
        throw new Error(`The fan-out could not be queued: ${answer.functionError ?? answer.statusCode}`);
      }
    },
  };
}

export interface PublisherSettings {
  mode: 'invoke' | 'inline' | 'off';
  functionName?: string;
  endpoint?: string;
}

/** REALTIME_PUBLISH (invoke, inline, off), REALTIME_FUNCTION_NAME, REALTIME_ENDPOINT. */
export function readPublisherSettings(env: NodeJS.ProcessEnv): PublisherSettings {
  const mode = env.REALTIME_PUBLISH || (env.REALTIME_FUNCTION_NAME ? 'invoke' : env.REALTIME_ENDPOINT ? 'inline' : 'off');
  if (mode !== 'invoke' && mode !== 'inline' && mode !== 'off') throw new Error(`REALTIME_PUBLISH must be invoke, inline or off, got ${JSON.stringify(mode)}`);
  if (mode === 'invoke' && !env.REALTIME_FUNCTION_NAME) throw new Error('REALTIME_PUBLISH=invoke needs REALTIME_FUNCTION_NAME (the WebSocket function)');
  if (mode === 'inline' && !env.REALTIME_ENDPOINT) throw new Error('REALTIME_PUBLISH=inline needs REALTIME_ENDPOINT (the WebSocket API stage)');
  return { mode, functionName: env.REALTIME_FUNCTION_NAME, endpoint: env.REALTIME_ENDPOINT };
}

/** Logs a failed publish: the mutation has committed, so its response stands. */
export function logPublishFailure(logger: Logger, events: MutationEvent[], error: unknown): void {
  logger.error('Subscription events could not be published', { mutations: events.map((event) => event.mutation), error });
}
