/**
 * What the HTTP function (src/handler.ts) needs of subscriptions: the publisher its settings choose
 * (publisher.ts) and the Apollo plugin that calls it (publish-plugin.ts). Nothing of the WebSocket
 * side is loaded at cold start: the in-process fan-out (`inline`, local only) is imported on the
 * first event, and `invoke` only needs the Lambda client the API already has.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ApolloServerPlugin } from '@apollo/server';
import type { AuthConfig } from '../runtime/auth/config';
import type { LambdaInvoker } from '../runtime/lambda/invoker';
import type { ConnectionApi } from './connections';
import type { MutationEvent } from './fanout';
import { subscribedMutations } from './fields';
import { realtimePlugin } from './publish-plugin';
import { invokePublisher, readPublisherSettings, type Publisher } from './publisher';

export interface HttpRealtimeOptions {
  env: NodeJS.ProcessEnv;
  /** The API's SDL, whose `@aws_subscribe` directives name the mutations to publish. */
  sdl: string;
  logger: Logger;
  lambda: LambdaInvoker;
  client: DynamoDBDocumentClient;
  tableName: string;
  auth: AuthConfig;
  /** The Management API client of an endpoint (the SDK's, from the environment, by default). */
  connections?: (endpoint: string) => ConnectionApi;
}

/** The plugin for the HTTP server; with REALTIME_PUBLISH off it still refuses subscriptions over HTTP. */
export function httpRealtimePlugin({ env, sdl, logger, lambda, client, tableName, auth, connections }: HttpRealtimeOptions): ApolloServerPlugin {
  const settings = readPublisherSettings(env);
  let mutations: Set<string> | undefined;
  const lazyMutations = () => (mutations ??= subscribedMutations(sdl));
  let publisher: Publisher;
  if (settings.mode === 'invoke') {
    const invoke = invokePublisher(lambda, settings.functionName!);
    publisher = { get mutations() { return lazyMutations(); }, publish: invoke.publish };
  } else if (settings.mode === 'inline') {
    let fanOut: Promise<(events: MutationEvent[]) => Promise<unknown>> | undefined;
    const load = () =>
      (fanOut ??= Promise.all([import('./realtime'), import('./connections')]).then(([{ createRealtime }, { createConnectionApi }]) =>
        createRealtime({ client, tableName, auth, connections: connections ?? ((endpoint) => createConnectionApi(endpoint)), logger }).fanOut(settings.endpoint!),
      ));
    publisher = { get mutations() { return lazyMutations(); }, publish: async (events) => void (await (await load())(events)) };
  } else {
    publisher = { mutations: new Set(), publish: async () => undefined };
  }
  return realtimePlugin(publisher, logger);
}
