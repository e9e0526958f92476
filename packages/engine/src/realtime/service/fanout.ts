/**
 * Fan-out: a committed mutation's result to the subscriptions that match it. For each subscription
 * field the mutation fires, one index Query per candidate key (filters.ts), then per matching
 * subscription one PostToConnection of a graphql-transport-ws `next` message. A connection found
 * gone has its records deleted then and there.
 *
 * Cost per event: DynamoDB Queries = sum over fired fields of 2^(its arguments with a value in the
 * result), plus one per page of more than 1 MB of matches; Management API calls = matching
 * subscribers. Nothing grows with the connections that do not match.
 *
 * After the events, the invalidations the mutation made (`extensions.invalidateSubscriptions`) end
 * the subscriptions they match (invalidate.ts).
 */
import { MessageType, stringifyMessage } from 'graphql-ws';
import type { EngineLogger as Logger } from '../../core/hooks';
import type { ConnectionApi } from './connections';
import type { createDelivery } from './delivery';
import type { SubscriptionField } from './fields';
import { candidateKeys, matchesArguments, matchesFilterGroup } from './filters';
import { invalidateSubscriptions } from './invalidate';
import type { SubscriptionInvalidation } from '../../core/current-execution';
import { loadAuthorization, type RealtimeStore, type SubscriptionRecord } from './store';

/** A committed mutation's result, as the HTTP request published it. */
export interface MutationEvent {
  /** The mutation field, e.g. `moveApplication`. */
  mutation: string;
  /** The field's value in the mutation's response (its selection set). */
  data: unknown;
}

export interface FanOutStats {
  queries: number;
  matched: number;
  delivered: number;
  gone: number;
  failed: number;
  /** Subscriptions ended by an invalidation. */
  invalidated: number;
}

/**
 * One fan-out: what one published mutation event did for one subscription field it fires, for an
 * application's metrics (the engine only counts; it emits nothing).
 */
export interface FanOutReport extends FanOutStats {
  /** The mutation field that published the event, e.g. `moveApplication`. */
  mutation: string;
  /** The subscription field fired, e.g. `onApplicationMoved` (one of the schema's Subscription fields). */
  subscriptionField: string;
  /** From the field's first index Query to its last post's answer. */
  durationMs: number;
}

interface FanOutOptions {
  store: RealtimeStore;
  connections: ConnectionApi;
  fields: ReadonlyMap<string, readonly SubscriptionField[]>;
  deliver: ReturnType<typeof createDelivery>;
  logger?: Logger;
  /** Called once per event and fired field, after its deliveries, even when nothing matched. */
  onFanOut?: (report: FanOutReport) => void;
}

const emptyStats = (): FanOutStats => ({ queries: 0, matched: 0, delivered: 0, gone: 0, failed: 0, invalidated: 0 });

export function createFanOut({ store, connections, fields, deliver, logger, onFanOut }: FanOutOptions) {
  async function send(record: SubscriptionRecord, data: unknown, stats: FanOutStats, gone: Set<string>): Promise<void> {
    try {
      const payload = await deliver(record, data, loadAuthorization(record.authorization));
      const outcome = await connections.post(record.connectionId, stringifyMessage({ type: MessageType.Next, id: record.id, payload: payload as never }));
      if (outcome === 'gone') {
        stats.gone += 1;
        gone.add(record.connectionId);
      } else stats.delivered += 1;
    } catch (error) {
      stats.failed += 1;
      logger?.error('A subscription event could not be delivered', { connectionId: record.connectionId, subscriptionId: record.id, error });
    }
  }

  /** One event to the subscribers of one field it fires: its Queries, then its posts in parallel. */
  async function fanOutField(event: MutationEvent, field: SubscriptionField, gone: Set<string>): Promise<FanOutStats> {
    const started = performance.now();
    const stats = emptyStats();
    const keys = candidateKeys(field.name, field.argumentNames, event.data);
    stats.queries = keys.length;
    const pages = await Promise.all(keys.map((key) => store.subscriptions(key)));
    const deliveries: Array<Promise<void>> = [];
    for (const record of pages.flat()) {
      if (gone.has(record.connectionId)) continue;
      // An enhanced filter replaces the arguments (as on AppSync).
      if (record.filter ? !matchesFilterGroup(event.data, record.filter) : !matchesArguments(event.data, record.args)) continue;
      stats.matched += 1;
      deliveries.push(send(record, event.data, stats, gone));
    }
    await Promise.all(deliveries);
    if (onFanOut) {
      try {
        onFanOut({ mutation: event.mutation, subscriptionField: field.name, ...stats, durationMs: performance.now() - started });
      } catch (error) {
        // An observer's fault must not fail (and so retry) a fan-out that was delivered.
        logger?.error('The fan-out observer failed', { error });
      }
    }
    return stats;
  }

  /**
   * Delivers the events in order (each event's fields and deliveries in parallel, then the next
   * event's), then ends the subscriptions the invalidations match.
   */
  return async function publish(events: readonly MutationEvent[], invalidations: readonly SubscriptionInvalidation[] = []): Promise<FanOutStats> {
    const stats = emptyStats();
    const gone = new Set<string>();
    for (const event of events) {
      if (event.data === null || event.data === undefined) continue;
      for (const fieldStats of await Promise.all((fields.get(event.mutation) ?? []).map((field) => fanOutField(event, field, gone)))) {
        for (const name of Object.keys(stats) as Array<keyof FanOutStats>) stats[name] += fieldStats[name];
      }
    }
    if (invalidations.length > 0) {
      const invalidation = { queries: 0, invalidated: 0, gone };
      await invalidateSubscriptions({ store, connections, logger }, invalidations, invalidation);
      stats.queries += invalidation.queries;
      stats.invalidated = invalidation.invalidated;
    }
    await Promise.all([...gone].map((connectionId) => store.disconnect(connectionId)));
    if (stats.matched > 0 || stats.invalidated > 0) logger?.debug('Subscription events delivered', { ...stats });
    return stats;
  };
}
