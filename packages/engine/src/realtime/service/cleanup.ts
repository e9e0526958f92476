/**
 * Deleting a closed connection's records, on every path: `$disconnect`, a connection the server
 * closes, a connection the fan-out finds gone. A deletion that fails (the table throttling or
 * unreachable after the SDK's retries) is not dropped: the connection is kept in this container's
 * list and swept again after later events, once the table answers. What a container that is
 * recycled meanwhile leaves behind still expires with the records' TTL (store.ts).
 */
import type { EngineLogger as Logger } from '../../core/hooks';
import { faultDetails } from '../../data-sources/dynamodb/errors';
import type { RealtimeStore } from './store';

/** Connections a sweep retries at most, so an event pays for few of them. */
const SWEEP_BATCH = 25;
/** After a failed sweep, the next one waits this long: an outage costs one failed call per interval. */
const SWEEP_BACKOFF_MS = 5_000;
/** Connections kept at most; past it the oldest are left to the TTL. */
const MAX_PENDING = 10_000;

export interface ConnectionCleanup {
  /** Deletes the connection's records; false when that failed and the connection awaits a sweep. */
  disconnect(connectionId: string): Promise<boolean>;
  /** Retries the deletions that failed (a few, and not during an outage); resolves with those done. */
  sweep(): Promise<number>;
  /** Connections whose records still wait for deletion. */
  pending(): number;
  /** Deletions that failed so far: an event that adds one does not sweep (the table is failing). */
  failures(): number;
}

export function createConnectionCleanup(store: RealtimeStore, logger?: Logger, now: () => number = Date.now): ConnectionCleanup {
  const pending = new Set<string>();
  let nextSweepAt = 0;
  let failures = 0;

  const remember = (connectionId: string) => {
    pending.delete(connectionId);
    pending.add(connectionId);
    if (pending.size > MAX_PENDING) pending.delete(pending.values().next().value!);
  };

  return {
    async disconnect(connectionId) {
      try {
        await store.disconnect(connectionId);
        pending.delete(connectionId);
        return true;
      } catch (error) {
        remember(connectionId);
        failures += 1;
        logger?.error('The records of a closed connection could not be deleted; they will be swept later', { connectionId, ...faultDetails(error), error });
        return false;
      }
    },

    async sweep() {
      if (pending.size === 0 || now() < nextSweepAt) return 0;
      let swept = 0;
      for (const connectionId of [...pending].slice(0, SWEEP_BATCH)) {
        try {
          await store.disconnect(connectionId);
        } catch (error) {
          nextSweepAt = now() + SWEEP_BACKOFF_MS;
          logger?.warn('Sweeping the records of closed connections failed; retried later', { connectionId, pending: pending.size, ...faultDetails(error) });
          break;
        }
        pending.delete(connectionId);
        swept += 1;
      }
      if (swept > 0) logger?.info('Records of closed connections swept', { swept, pending: pending.size });
      return swept;
    },

    pending: () => pending.size,
    failures: () => failures,
  };
}
