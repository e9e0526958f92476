/**
 * Our implementation of `@aws-appsync/utils` (the npm package ships only types). Resolvers import
 * `util`, `runtime` and `extensions` from it exactly as on AppSync; build/aliases.ts points the
 * import here. AppSync also exposes the three as globals (contract EXE-01), and so do we.
 */
import type { Extensions, ReturnOptions } from '@aws-appsync/utils';
import { EarlyReturnSignal, UnsupportedError } from '../errors';
import { util } from '../util/index';

export const runtime = {
  /** Ends the current handler with `obj` as its result (contract EXE-05). */
  earlyReturn(obj?: unknown, returnOptions?: ReturnOptions): never {
    throw new EarlyReturnSignal(obj ?? null, returnOptions?.skipTo === 'END' ? 'END' : 'NEXT');
  },
};

/** There is no server-side cache and no subscription in this runtime (contract UTIL-E1, UTIL-E2). */
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

const globals = globalThis as Record<string, unknown>;
globals.util ??= util;
globals.runtime ??= runtime;
globals.extensions ??= extensions;

export { util };
export type * from '@aws-appsync/utils';
