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
 * - `subscribe`: checked (its id, the connection's subscription count and the document: limits.ts,
 *   subscribe.ts), the field's resolver run, then stored (store.ts); refused, or failed on our side
 *   (the table after the SDK's retries) → an `error` message with AppSync's errors, each with an
 *   errorType, and nothing stored; else events arrive as `next` messages (fanout.ts). Before
 *   `connection_init` is accepted, or with an id already in use → the connection is closed.
 * - `complete`: the subscription is deleted.
 *
 * API Gateway cannot close a connection with a code of ours (DeleteConnection sends none), so where
 * the protocol asks for 4400/4401/4403/4409/4429 the server sends `connection_error` and closes;
 * graphql-ws clients then close with 4004 (bad response) and do not retry.
 */
import { randomUUID } from 'node:crypto';
import { MessageType, parseMessage, stringifyMessage, type Message } from 'graphql-ws';
import type { EngineLogger as Logger } from '../../core/hooks';
import { AuthenticationError } from '../../auth/authenticate';
import { type RequestAuthorization } from '../../core/request';
import { resolverHeaders, type EngineRequest } from '../../core/request';
import { ERROR_TYPES } from '../../core/error-types';
import type { GraphQLFormattedError } from 'graphql';
import type { RecordCleanup } from './cleanup';
import type { ConnectionApi } from './connections';
import { failureError, subscriptionError } from './errors';
import { filterKeyOf } from './filters';
import { subscriptionIdProblem, type RealtimeLimits } from './limits';
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
  limits: RealtimeLimits;
  /** Deletes closed connections' and failed subscribes' records, and sweeps those it could not. */
  cleanup: RecordCleanup;
  logger?: Logger;
}

/** `connection_init`'s payload as the headers an HTTP request would carry (string values only). */
function headersOf(payload: unknown): Record<string, string> {
  if (payload === null || typeof payload !== 'object') return {};
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) if (typeof value === 'string') headers[name.toLowerCase()] = value;
  return headers;
}

export function createProtocol({ store, connections, authenticate, check, resolve, argumentNames, limits, cleanup, logger }: ProtocolOptions) {
  const send = (connectionId: string, message: Message) => connections.post(connectionId, stringifyMessage(message));
  const maxSubscriptions = limits.maxSubscriptionsPerConnection;
  const tooManySubscriptions = () =>
    subscriptionError(`Max number of ${maxSubscriptions} subscriptions reached`, ERROR_TYPES.MaxSubscriptionsReachedError, { errorInfo: { limit: 'subscriptionsPerConnection', maximum: maxSubscriptions } });

  /** The subscription's `error` message; a post that fails is logged (the client is then unreachable). */
  async function answer(connectionId: string, id: string, errors: GraphQLFormattedError[]): Promise<void> {
    const errorTypes = errors.map((error) => (error as { errorType?: unknown }).errorType);
    logger?.info('Subscription refused', { connectionId, ...(subscriptionIdProblem(id) ? {} : { subscriptionId: id }), errorTypes });
    try {
      await send(connectionId, { type: MessageType.Error, id, payload: errors });
    } catch (error) {
      logger?.error('A refused subscription\'s error message could not be sent', { connectionId, error });
    }
  }

  /**
   * Closes the connection and deletes its records, after AppSync's `connection_error` message (its
   * real-time protocol's, verbatim). A graphql-ws client takes that unknown message as a bad
   * response and closes with 4004, which it never retries: without it, the plain close API
   * Gateway gives would have it reconnect again and again.
   */
  async function refuse(connectionId: string, errorType: string, reason: string): Promise<void> {
    // `reason`, not `message`: Powertools' logger reserves that key for the line's own message.
    logger?.info('WebSocket connection closed by the server', { connectionId, errorType, reason });
    try {
      await connections.post(connectionId, JSON.stringify({ type: 'connection_error', payload: { errors: [{ errorType, message: reason }] } }));
      await connections.close(connectionId);
    } catch (error) {
      logger?.error('A refused connection could not be told or closed', { connectionId, error });
    }
    await cleanup.disconnect(connectionId);
  }

  async function initialise(connectionId: string, payload: unknown, sourceIp: string[], requestId: string): Promise<void> {
    // connection_init's payload carries the credentials under the HTTP headers' names; the same authenticator checks them.
    const request: EngineRequest = { headers: resolverHeaders(headersOf(payload)), sourceIp, domainName: null, apiRequestId: null, method: null, path: null };
    let authorization: RequestAuthorization;
    try {
      authorization = await authenticate(request);
    } catch (error) {
      if (error instanceof AuthenticationError) return refuse(connectionId, 'UnauthorizedException', error.message);
      throw error;
    }
    if (!(await store.authorize(connectionId, authorization, requestId))) return refuse(connectionId, 'TooManyInitialisationRequests', 'Too many initialisation requests');
    await send(connectionId, { type: MessageType.ConnectionAck });
  }

  async function subscribe(connectionId: string, message: Extract<Message, { type: MessageType.Subscribe }>, requestId: string): Promise<void> {
    const { id, payload } = message;
    const idProblem = subscriptionIdProblem(id);
    if (idProblem) return answer(connectionId, id, [subscriptionError(idProblem.message, ERROR_TYPES.ValidationError, { errorInfo: idProblem.errorInfo })]);
    let storing = false;
    try {
      const connection = await store.connection(connectionId);
      if (!connection?.authorization) return refuse(connectionId, 'UnauthorizedException', 'Unauthorized: subscribe before connection_ack');
      // The count read here spares a full connection the work below; the store's transaction decides.
      if ((connection.subscriptionCount ?? 0) >= maxSubscriptions) return answer(connectionId, id, [tooManySubscriptions()]);
      const authorization = loadAuthorization(connection.authorization);
      const checked = check(payload, authorization);
      if (!checked.ok) return answer(connectionId, id, checked.errors);
      const { field, args } = checked.subscription;
      const resolved = resolve ? await resolve(checked.subscription, authorization, requestId) : { ok: true as const, filter: null, invalidationFilter: null };
      if (!resolved.ok) return answer(connectionId, id, resolved.errors);
      storing = true;
      const outcome = await store.subscribe(
        {
          connectionId,
          id,
          field,
          filterKey: resolved.filter ? filterKeyOf(field, argumentNames(field), resolved.filter) : checked.subscription.filterKey,
          args,
          query: payload.query,
          variables: payload.variables ?? null,
          operationName: payload.operationName ?? null,
          filter: resolved.filter,
          invalidationFilter: resolved.invalidationFilter,
          invalidationKey: resolved.invalidationFilter ? invalidationKey(field, resolved.invalidationFilter) : null,
          authorization: connection.authorization,
          requestId,
        },
        maxSubscriptions,
      );
      if (outcome === 'duplicate') return refuse(connectionId, 'SubscriberAlreadyExists', `Subscriber for ${id} already exists`);
      if (outcome === 'limit') return answer(connectionId, id, [tooManySubscriptions()]);
      // 'gone': the connection closed meanwhile, nothing was stored and nobody is left to tell.
    } catch (cause) {
      const { error, severity } = failureError(cause);
      logger?.[severity]('A subscribe failed', { connectionId, subscriptionId: id, errorType: (error as { errorType?: unknown }).errorType, error: cause });
      // An attempt whose answer was lost may have been done even when the last one was refused (the
      // SDK resends after a reset, then meets throttling): the client is told nothing was stored, so
      // the record this request may have written goes, now or with a later sweep.
      if (storing) await cleanup.unsubscribe(connectionId, id, requestId);
      await answer(connectionId, id, [error]);
    }
  }

  /** connection_init: a fault of ours closes the connection, and the client (graphql-ws) reconnects. */
  async function initialiseOrClose(connectionId: string, payload: unknown, sourceIp: string[], requestId: string): Promise<void> {
    try {
      await initialise(connectionId, payload, sourceIp, requestId);
    } catch (error) {
      logger?.error('connection_init failed; the connection is closed', { connectionId, error });
      await connections.close(connectionId).catch(() => undefined);
      await cleanup.disconnect(connectionId);
    }
  }

  return {
    async connect(connectionId: string): Promise<void> {
      await store.connect(connectionId);
    },

    /** $disconnect: the records go now, or with a later sweep when the table fails. */
    async disconnect(connectionId: string): Promise<void> {
      await cleanup.disconnect(connectionId);
    },

    /** One message from the client ($default route). */
    async message(connectionId: string, body: string | undefined, sourceIp: string[], requestId: string = randomUUID()): Promise<void> {
      let message: Message;
      try {
        message = parseMessage(body ?? '');
      } catch (error) {
        return refuse(connectionId, 'BadRequest', `Invalid message: ${(error as Error).message}`);
      }
      switch (message.type) {
        case MessageType.ConnectionInit:
          return initialiseOrClose(connectionId, message.payload, sourceIp, requestId);
        case MessageType.Ping:
          await send(connectionId, { type: MessageType.Pong });
          return;
        case MessageType.Pong:
          return;
        case MessageType.Subscribe:
          return subscribe(connectionId, message, requestId);
        case MessageType.Complete:
          // The client expects no answer: a failure leaves the record to $disconnect.
          await store.unsubscribe(connectionId, message.id).catch((error: unknown) => logger?.error('A completed subscription could not be deleted', { connectionId, error }));
          return;
        default:
          return refuse(connectionId, 'BadRequest', `Unexpected message of type ${message.type}`);
      }
    },
  };
}
