/**
 * AppSync's three globals (contract EXE-01): resolver code may use `util`, `runtime` and
 * `extensions` without importing them. The engine installs them itself when it builds a schema
 * (schema.ts), so resolvers work whatever else the process has loaded.
 */
import type { Extensions, ReturnOptions } from '@aws-appsync/utils';
import { EarlyReturnSignal, UnsupportedError } from './errors';
import { util } from './util/index';

/** `runtime`: ends the current handler with `obj` as its result (contract EXE-05). */
export const runtime = {
  earlyReturn(obj?: unknown, returnOptions?: ReturnOptions): never {
    throw new EarlyReturnSignal(obj ?? null, returnOptions?.skipTo === 'END' ? 'END' : 'NEXT');
  },
};

/** `extensions`: there is no server-side cache and no subscription in this runtime (contract UTIL-E1, UTIL-E2). */
export const extensions: Extensions = {
  evictFromApiCache() {
    // No resolver cache exists here, so there is nothing to evict (UTIL-E1).
  },
  setSubscriptionFilter() {
    throw new UnsupportedError('extensions.setSubscriptionFilter', 'subscriptions need a WebSocket API');
  },
  setSubscriptionInvalidationFilter() {
    throw new UnsupportedError('extensions.setSubscriptionInvalidationFilter', 'subscriptions need a WebSocket API');
  },
  invalidateSubscriptions() {
    throw new UnsupportedError('extensions.invalidateSubscriptions', 'subscriptions need a WebSocket API');
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
