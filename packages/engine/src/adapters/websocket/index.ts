/**
 * The WebSocket API's Lambda handler ($connect, $disconnect, $default) over one realtime service,
 * and the fan-out events the HTTP function sends it asynchronously (realtime/publish/publisher.ts):
 * `{ realtimePublish: MutationEvent[], invalidations?: SubscriptionInvalidation[] }`.
 */
import type { EngineLogger as Logger } from '../../core/hooks';
import type { APIGatewayProxyWebsocketEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { handleProtocols } from 'graphql-ws';
import { endpointOf } from '../../realtime/service/connections';
import type { FanOutStats, MutationEvent } from '../../realtime/service/fanout';
import type { SubscriptionInvalidation } from '../../core/current-execution';
import type { Realtime } from '../../realtime/service/index';

export interface PublishEvent {
  realtimePublish: MutationEvent[];
  /** `extensions.invalidateSubscriptions` calls of the mutation, handled after its events. */
  invalidations?: SubscriptionInvalidation[];
}

type WebSocketEvent = APIGatewayProxyWebsocketEventV2 & {
  headers?: Record<string, string | undefined>;
  requestContext: APIGatewayProxyWebsocketEventV2['requestContext'] & { identity?: { sourceIp?: string } };
};

/** The handler of one realtime service; `endpoint` overrides the events' own (REALTIME_ENDPOINT). */
export function createWebSocketHandler(realtime: Realtime, options: { endpoint?: string; logger?: Logger } = {}) {
  const endpointFor = (event?: WebSocketEvent) => {
    const endpoint = options.endpoint ?? (event ? endpointOf(event.requestContext) : undefined);
    if (!endpoint) throw new Error('REALTIME_ENDPOINT is not set: fan-out cannot reach the WebSocket API');
    return endpoint;
  };

  async function handle(event: WebSocketEvent | PublishEvent): Promise<APIGatewayProxyResultV2 | FanOutStats> {
    if ('realtimePublish' in event) return realtime.fanOut(endpointFor())(event.realtimePublish, event.invalidations ?? []);
    const { routeKey, connectionId } = event.requestContext;
    const protocol = realtime.protocol(endpointFor(event));
    if (routeKey === '$connect') {
      // Only graphql-transport-ws is spoken; a client offering nothing else is turned away.
      const offered = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'sec-websocket-protocol')?.[1] ?? '';
      const protocolName = handleProtocols(offered);
      if (!protocolName) return { statusCode: 400, body: 'Use the graphql-transport-ws subprotocol' };
      await protocol.connect(connectionId);
      return { statusCode: 200, headers: { 'Sec-WebSocket-Protocol': protocolName } };
    }
    if (routeKey === '$disconnect') {
      await protocol.disconnect(connectionId);
      return { statusCode: 200 };
    }
    const sourceIp = event.requestContext.identity?.sourceIp;
    await protocol.message(connectionId, event.body, sourceIp ? [sourceIp] : [], event.requestContext.requestId);
    return { statusCode: 200 };
  }

  return async (event: WebSocketEvent | PublishEvent) => {
    try {
      return await handle(event);
    } catch (error) {
      options.logger?.error('The WebSocket request failed', { routeKey: 'realtimePublish' in event ? 'publish' : event.requestContext.routeKey, error });
      // Asynchronous fan-out invocations are retried by Lambda on a thrown error (at least once).
      if ('realtimePublish' in event) throw error;
      return { statusCode: 500 };
    }
  };
}
