/**
 * Deleting records nobody may keep, on every path: a closed connection's (`$disconnect`, a
 * connection the server closes, one the fan-out finds gone) and a subscription a client was told
 * failed but whose write may have been done (its answer lost). A deletion that fails (the table
 * throttling or unreachable after the SDK's retries) is not dropped: it is kept in this container's
 * list and tried again after later events, once the table answers. What a container that is
 * recycled meanwhile leaves behind still expires with the records' TTL (store.ts).
 */
import type { EngineLogger as Logger } from '../../core/hooks';
import { faultDetails } from '../../data-sources/dynamodb/errors';
import type { RealtimeStore } from './store';

/** Deletions a sweep retries at most, so an event pays for few of them. */
const SWEEP_BATCH = 25;
/** After a failed sweep, the next one waits this long: an outage costs one failed call per interval. */
const SWEEP_BACKOFF_MS = 5_000;
/** Deletions kept at most; past it the oldest are left to the TTL. */
const MAX_PENDING = 10_000;

type Deletion = { connectionId: string; subscription?: { id: string; requestId: string } };

export interface RecordCleanup {
  /** Deletes a closed connection's records; false when that failed and it awaits a sweep. */
  disconnect(connectionId: string): Promise<boolean>;
  /** Deletes the subscription this request stored, if any; false when that failed and it awaits a sweep. */
  unsubscribe(connectionId: string, id: string, requestId: string): Promise<boolean>;
  /** Retries the deletions that failed (a few, and not during an outage); resolves with those done. */
  sweep(): Promise<number>;
  /** Deletions still waiting. */
  pending(): number;
  /** Deletions that failed so far: an event that adds one does not sweep (the table is failing). */
  failures(): number;
}

const keyOf = ({ connectionId, subscription }: Deletion) => (subscription ? `${connectionId}#${subscription.id}` : connectionId);

export function createRecordCleanup(store: RealtimeStore, logger?: Logger, now: () => number = Date.now): RecordCleanup {
  const pending = new Map<string, Deletion>();
  let nextSweepAt = 0;
  let failures = 0;

  const run = async (deletion: Deletion) => {
    const { connectionId, subscription } = deletion;
    if (subscription) await store.unsubscribe(connectionId, subscription.id, subscription.requestId);
    else await store.disconnect(connectionId);
    pending.delete(keyOf(deletion));
  };

  /** Deletes now, or keeps the deletion for a sweep. */
  async function attempt(deletion: Deletion, what: string, severity: 'error' | 'warn'): Promise<boolean> {
    try {
      await run(deletion);
      return true;
    } catch (error) {
      const key = keyOf(deletion);
      pending.delete(key);
      pending.set(key, deletion);
      if (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value!);
      failures += 1;
      logger?.[severity](`${what} could not be deleted; swept later`, { connectionId: deletion.connectionId, ...faultDetails(error), error });
      return false;
    }
  }

  return {
    disconnect: (connectionId) => attempt({ connectionId }, 'The records of a closed connection', 'error'),
    // The subscribe's own failure is logged at ERROR already; its write was most likely not done.
    unsubscribe: (connectionId, id, requestId) => attempt({ connectionId, subscription: { id, requestId } }, 'A failed subscribe\'s record, if any,', 'warn'),

    async sweep() {
      if (pending.size === 0 || now() < nextSweepAt) return 0;
      let swept = 0;
      for (const deletion of [...pending.values()].slice(0, SWEEP_BATCH)) {
        try {
          await run(deletion);
        } catch (error) {
          nextSweepAt = now() + SWEEP_BACKOFF_MS;
          logger?.warn('Sweeping records failed; retried later', { connectionId: deletion.connectionId, pending: pending.size, ...faultDetails(error) });
          break;
        }
        swept += 1;
      }
      if (swept > 0) logger?.info('Records swept', { swept, pending: pending.size });
      return swept;
    },

    pending: () => pending.size,
    failures: () => failures,
  };
}
