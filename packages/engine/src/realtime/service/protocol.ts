/**
 * The server side of the GraphQL over WebSocket protocol (`graphql-transport-ws`, as the graphql-ws
 * library speaks it) on API Gateway's WebSocket routes. Every message is one Lambda invocation, so
 * the protocol's state lives in the store: the connection's authorization (set by an accepted
 * `connection_init`) and its subscriptions.
 *
 * - `connection_init`: its payload carries the credentials under the HTTP headers' names
 *   (`{ authorization }` or `{ "x-api-key" }`), checked by the same authenticator as HTTP; accepted
 *   → `connection_ack`; refused, or sent twice → `connection_error` (errorType
 *   `UnauthorizedException`, as AppSync sends) and the connection is closed.
 * - `ping` → `pong`; `pong` is ignored.
 * - `subscribe`: checked (subscribe.ts); refused → an `error` message with AppSync's errors; else
 *   stored, and events arrive as `next` messages (fanout.ts). Before `connection_init` is accepted,
 *   or with an id already in use → the connection is closed.
 * - `complete`: the subscription is deleted.
 *
 * API Gateway cannot close a connection with a code of ours (DeleteConnection sends none), so where
 * the protocol asks for 4400/4401/4403/4409/4429 the server sends `connection_error` and closes;
 * graphql-ws clients then close with 4004 (bad response) and do not retry.
 */
import { MessageType, parseMessage, stringifyMessage, type Message } from 'graphql-ws';
import type { EngineLogger as Logger } from '../../core/hooks';
import { AuthenticationError } from '../../auth/authenticate';
import { type RequestAuthorization } from '../../core/request';
import { resolverHeaders, type EngineRequest } from '../../core/request';
import type { ConnectionApi } from './connections';
import { filterKeyOf } from './filters';
import { invalidationKey } from './invalidate';
import type { createSubscriptionResolver } from './resolve';
import type { createSubscribeCheck } from './subscribe';
import { loadAuthorization, type RealtimeStore } from './store';

type Authenticate = (request: EngineRequest) => Promise<RequestAuthorization>;

interface ProtocolOptions {
  store: RealtimeStore;
  connections: ConnectionApi;
  authenticate: Authenticate;
  check: ReturnType<typeof createSubscribeCheck>;
  /** Runs the subscription field's resolver, when the field has one. */
  resolve?: ReturnType<typeof createSubscriptionResolver>;
  /** Argument names of each subscription field (for the index key of an enhanced filter). */
  argumentNames: (field: string) => readonly string[];
  logger?: Logger;
}

/** `connection_init`'s payload as the headers an HTTP request would carry (string values only). */
function headersOf(payload: unknown): Record<string, string> {
  if (payload === null || typeof payload !== 'object') return {};
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) if (typeof value === 'string') headers[name.toLowerCase()] = value;
  return headers;
}

export function createProtocol({ store, connections, authenticate, check, resolve, argumentNames, logger }: ProtocolOptions) {
  const send = (connectionId: string, message: Message) => connections.post(connectionId, stringifyMessage(message));

  /**
   * Closes the connection and deletes its records, after AppSync's `connection_error` message (its
   * real-time protocol's, verbatim). A graphql-ws client takes that unknown message as a bad
   * response and closes with 4004, which it never retries: without it, the plain close API
   * Gateway gives would have it reconnect again and again.
   */
  async function refuse(connectionId: string, errorType: string, message: string): Promise<void> {
    logger?.info('WebSocket connection closed by the server', { connectionId, errorType, message });
    await connections.post(connectionId, JSON.stringify({ type: 'connection_error', payload: { errors: [{ errorType, message }] } }));
    await connections.close(connectionId);
    await store.disconnect(connectionId);
  }

  async function initialise(connectionId: string, payload: unknown, sourceIp: string[]): Promise<void> {
    // connection_init's payload carries the credentials under the HTTP headers' names; the same authenticator checks them.
    const request: EngineRequest = { headers: resolverHeaders(headersOf(payload)), sourceIp, domainName: null, apiRequestId: null, method: null, path: null };
    let authorization: RequestAuthorization;
    try {
      authorization = await authenticate(request);
    } catch (error) {
      if (error instanceof AuthenticationError) return refuse(connectionId, 'UnauthorizedException', error.message);
      throw error;
    }
    if (!(await store.authorize(connectionId, authorization))) return refuse(connectionId, 'TooManyInitialisationRequests', 'Too many initialisation requests');
    await send(connectionId, { type: MessageType.ConnectionAck });
  }

  async function subscribe(connectionId: string, message: Extract<Message, { type: MessageType.Subscribe }>, requestId: string): Promise<void> {
    const connection = await store.connection(connectionId);
    if (!connection?.authorization) return refuse(connectionId, 'UnauthorizedException', 'Unauthorized: subscribe before connection_ack');
    const authorization = connection.authorization;
    const checked = check(message.payload, loadAuthorization(authorization));
    if (!checked.ok) {
      await send(connectionId, { type: MessageType.Error, id: message.id, payload: checked.errors });
      return;
    }
    const { field, args } = checked.subscription;
    const resolved = resolve ? await resolve(checked.subscription, loadAuthorization(authorization), requestId) : { ok: true as const, filter: null, invalidationFilter: null };
    if (!resolved.ok) {
      await send(connectionId, { type: MessageType.Error, id: message.id, payload: resolved.errors });
      return;
    }
    const stored = await store.subscribe({
      connectionId,
      id: message.id,
      field,
      filterKey: resolved.filter ? filterKeyOf(field, argumentNames(field), resolved.filter) : checked.subscription.filterKey,
      args,
      query: message.payload.query,
      variables: message.payload.variables ?? null,
      operationName: message.payload.operationName ?? null,
      filter: resolved.filter,
      invalidationFilter: resolved.invalidationFilter,
      invalidationKey: resolved.invalidationFilter ? invalidationKey(field, resolved.invalidationFilter) : null,
      authorization,
    });
    if (!stored) return refuse(connectionId, 'SubscriberAlreadyExists', `Subscriber for ${message.id} already exists`);
  }

  return {
    async connect(connectionId: string): Promise<void> {
      await store.connect(connectionId);
    },

    async disconnect(connectionId: string): Promise<void> {
      await store.disconnect(connectionId);
    },

    /** One message from the client ($default route). */
    async message(connectionId: string, body: string | undefined, sourceIp: string[], requestId = connectionId): Promise<void> {
      let message: Message;
      try {
        message = parseMessage(body ?? '');
      } catch (error) {
        return refuse(connectionId, 'BadRequest', `Invalid message: ${(error as Error).message}`);
      }
      switch (message.type) {
        case MessageType.ConnectionInit:
          return initialise(connectionId, message.payload, sourceIp);
        case MessageType.Ping:
          await send(connectionId, { type: MessageType.Pong });
          return;
        case MessageType.Pong:
          return;
        case MessageType.Subscribe:
          return subscribe(connectionId, message, requestId);
        case MessageType.Complete:
          await store.unsubscribe(connectionId, message.id);
          return;
        default:
          return refuse(connectionId, 'BadRequest', `Unexpected message of type ${message.type}`);
      }
    },
  };
}
