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
import { invokePublisher, readPublisherSettings, type Publisher } from './publisher';

export interface HttpRealtimeOptions {
  env: NodeJS.ProcessEnv;
  /** The API's SDL, whose `@aws_subscribe` directives name the mutations to publish. */
  sdl: string;
  logger: Logger;
  /** The Lambda client; with REALTIME_LAMBDA_ENDPOINT, one of its own for that endpoint instead. */
  lambda: LambdaInvoker;
}

/** The plugin for the HTTP server; with REALTIME_PUBLISH off it still refuses subscriptions over HTTP. */
export function httpRealtimePlugin({ env, sdl, logger, lambda }: HttpRealtimeOptions): ApolloServerPlugin {
  const settings = readPublisherSettings(env);
  let mutations: Set<string> | undefined;
  const lazyMutations = () => (mutations ??= subscribedMutations(sdl));
  // A local emulation (npm start) on a busy machine may take more than the 1 s connect timeout.
  const invoker = settings.lambdaEndpoint ? createLambdaInvoker({ ...LAMBDA_INVOKER_DEFAULTS, endpoint: settings.lambdaEndpoint, connectTimeoutMs: 5_000 }) : lambda;
  const publisher: Publisher =
    settings.mode === 'invoke'
      ? invokePublisher(invoker, settings.functionName!, settings.invocationType, lazyMutations)
      : { mutations: new Set(), publish: async () => undefined };
  return realtimePlugin(publisher, logger);
}
