/**
 * AppSync's three globals (contract EXE-01): resolver code may use `util`, `runtime` and
 * `extensions` without importing them. The engine installs them itself when it builds a schema
 * (execution/schema.ts), so resolvers work whatever else the process has loaded.
 */
import type { Extensions, ReturnOptions } from '@aws-appsync/utils';
import { EarlyReturnSignal, UnsupportedError } from '../core/errors';
import { currentExecution, type SubscriptionExtensions } from '../core/current-execution';
import { recordInvalidation } from './invalidation';
import { util } from './util/index';

/** `runtime`: ends the current handler with `obj` as its result (contract EXE-05). */
export const runtime = {
  earlyReturn(obj?: unknown, returnOptions?: ReturnOptions): never {
    throw new EarlyReturnSignal(obj ?? null, returnOptions?.skipTo === 'END' ? 'END' : 'NEXT');
  },
};

/** The subscription being made by the resolver running now (core/current-execution.ts); `Unsupported` anywhere else. */
function subscriptionOf(name: keyof SubscriptionExtensions): SubscriptionExtensions {
  const found = currentExecution()?.subscription;
  if (!found) throw new UnsupportedError(`extensions.${name}`, 'only a subscription field\'s resolver, run when a client subscribes over the WebSocket API, can use it');
  return found;
}

/**
 * `extensions`: there is no server-side cache (contract UTIL-E1); the subscription filter calls
 * (UTIL-E2) act on the subscription being made, `invalidateSubscriptions` on the mutation being
 * run (invalidation.ts), and each fails with `Unsupported` anywhere else.
 */
export const extensions: Extensions = {
  evictFromApiCache() {
    // No resolver cache exists here, so there is nothing to evict (UTIL-E1).
  },
  setSubscriptionFilter(filter) {
    subscriptionOf('setSubscriptionFilter').setSubscriptionFilter(filter);
  },
  setSubscriptionInvalidationFilter(filter) {
    subscriptionOf('setSubscriptionInvalidationFilter').setSubscriptionInvalidationFilter(filter);
  },
  invalidateSubscriptions(invalidation) {
    const target = currentExecution()?.invalidations;
    if (!target) throw new UnsupportedError('extensions.invalidateSubscriptions', 'only the resolvers of a mutation can use it');
    recordInvalidation(target.recorded, target.responseKey, invalidation);
  },
};

/**
 * Defines the globals `util`, `runtime` and `extensions` as the engine's own. Idempotent: a global
 * already defined (by an earlier call, or by the host) is left as it is.
 */
export function installAppSyncGlobals(target: object = globalThis): void {
  const globals = target as Record<string, unknown>;
  globals.util ??= util;
  globals.runtime ??= runtime;
  globals.extensions ??= extensions;
}
