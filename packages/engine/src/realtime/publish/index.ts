/**
 * What the HTTP function (src/handler.ts) needs of subscriptions: the publisher its settings choose
 * (publisher.ts) and the Apollo plugin that calls it (plugin.ts). None of the fan-out is in
 * the HTTP bundle: events go to the WebSocket function through Lambda's Invoke API, with the lazily
 * loaded Lambda client the API already has.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { EngineLogger as Logger } from '../../core/hooks';
import { createLambdaInvoker, LAMBDA_INVOKER_DEFAULTS } from '../../data-sources/lambda/invoker';
import { type LambdaInvoker } from '../../core/runtime';
import { subscribedMutations } from '../service/fields';
import { realtimePlugin } from './plugin';
import { invokePublisher, validatePublisherSettings, type Publisher, type PublisherSettings } from './publisher';

export interface HttpRealtimeOptions {
  /** Whether and how committed mutations reach the fan-out (publisher.ts); off when omitted. */
  publish?: PublisherSettings;
  /** The API's SDL, whose `@aws_subscribe` directives name the mutations to publish. */
  sdl: string;
  logger: Logger;
  /** The Lambda client; with `publish.lambdaEndpoint`, one of its own for that endpoint instead. */
  lambda: LambdaInvoker;
}

/** The plugin for the HTTP server; with publishing off it still refuses subscriptions over HTTP. */
export function httpRealtimePlugin({ publish = { mode: 'off' }, sdl, logger, lambda }: HttpRealtimeOptions): ApolloServerPlugin {
  const settings = validatePublisherSettings(publish);
  if (settings.mode === 'off') return realtimePlugin({ mutations: new Set(), publish: async () => undefined }, logger);
  let mutations: Set<string> | undefined;
  const lazyMutations = () => (mutations ??= subscribedMutations(sdl));
  // A local emulation (npm start) on a busy machine may take more than the 1 s connect timeout.
  const invoker = settings.lambdaEndpoint ? createLambdaInvoker({ ...LAMBDA_INVOKER_DEFAULTS, endpoint: settings.lambdaEndpoint, connectTimeoutMs: 5_000 }) : lambda;
  const publisher: Publisher = invokePublisher(invoker, settings.functionName, settings.invocationType ?? 'Event', lazyMutations);
  return realtimePlugin(publisher, logger);
}
