/**
 * The engine's real-time entry, `@appsync-lambda/engine/realtime`: subscriptions over API Gateway
 * WebSockets (graphql-transport-ws), fanned out from committed mutations, with AppSync's filters
 * and invalidation.
 *
 *     // The WebSocket function.
 *     export const handler = createWebSocketHandler(createRealtime({ client, tableName, auth, sdl, connections: createConnectionApi }));
 *     // The HTTP function: its engine's plugins publish committed mutations.
 *     plugins: [httpRealtimePlugin({ publish: { mode: 'invoke', functionName }, sdl, logger, lambda })]
 */

// The WebSocket function: the service, its Lambda handler, API Gateway's Management API.
export { createRealtime, type Realtime, type RealtimeOptions } from './realtime/service/index';
export { createWebSocketHandler, type PublishEvent } from './adapters/websocket/index';
export { createConnectionApi, type ConnectionApi } from './realtime/service/connections';
export type { FanOutReport, FanOutStats, MutationEvent } from './realtime/service/fanout';

// The records, in a table of the caller's: its key, index and TTL attribute names.
export { createRealtimeStore, type RealtimeStore, type RealtimeStoreOptions, type ConnectionRecord, type SubscriptionRecord } from './realtime/service/store';
export {
  DEFAULT_REALTIME_TABLE_CONTRACT,
  type RealtimeTableContract,
  type RealtimeTableContractOptions,
  type RealtimeIndexContract,
} from './realtime/service/table-contract';

// The HTTP function: publishes committed mutations to the WebSocket function.
export { httpRealtimePlugin, type HttpRealtimeOptions } from './realtime/publish/index';
export { validatePublisherSettings, type PublisherSettings, type InvocationType } from './realtime/publish/publisher';
