/**
 * The real-time service of one table and authorization configuration: the WebSocket protocol
 * (protocol.ts) and the fan-out of committed mutations (fanout.ts), over the same store. Built
 * once per container by the WebSocket function's entry, and by tests with their own parts. Every
 * event it handles ends with a sweep of the records whose deletion failed before (cleanup.ts).
 */
import type { EngineLogger as Logger } from '../../core/hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAuthenticator } from '../../auth/authenticate';
import { validateAuthConfig, type AuthConfig } from '../../auth/config';
import type { ResolverDefinition } from '../../core/resolver';
import type { RuntimeConfig } from '../../core/runtime';
import { validateQueryBudgets, type QueryBudgets } from '../../limits/budgets';
import { buildExecutableSchema } from '../../execution/schema';
import type { ListSizes } from '../../execution/server';
import { createSubscriptionBudget } from './budget';
import { createRecordCleanup } from './cleanup';
import type { ConnectionApi } from './connections';
import { createDelivery, createDeliverySchema } from './delivery';
import { createFanOut, type FanOutReport } from './fanout';
import { fieldsByMutation, subscriptionFields } from './fields';
import { resolveRealtimeLimits, type RealtimeLimits } from './limits';
import { createProtocol } from './protocol';
import { createSubscriptionResolver } from './resolve';
import { createRealtimeStore } from './store';
import type { RealtimeTableContractOptions } from './table-contract';
import { createSubscribeCheck, type TrustedSubscriptions } from './subscribe';

export interface RealtimeOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  /**
   * The table's key, index and TTL attribute names, where they are not the defaults
   * (`DEFAULT_REALTIME_TABLE_CONTRACT`: PK/SK, GSI1 on GSI1PK/GSI1SK, GSI2 on GSI2PK/GSI2SK, expiresAt).
   */
  tableContract?: RealtimeTableContractOptions;
  auth: AuthConfig;
  /** The Management API of a WebSocket stage, by its endpoint. */
  connections: (endpoint: string) => ConnectionApi;
  logger?: Logger;
  /** The schema as deployed (the same SDL as the HTTP side's). */
  sdl: string;
  /**
   * The resolvers (the API's routing table) and what their data sources need: with them, a
   * subscription field's resolver runs when a client subscribes (resolve.ts).
   */
  resolvers?: { definitions: Readonly<Record<string, ResolverDefinition>>; runtime: RuntimeConfig };
  /** The trusted-documents manifest and the modes held to it (TRUSTED_DOCUMENTS), as over HTTP. */
  trustedDocuments?: TrustedSubscriptions;
  /**
   * Per authorization mode, what a subscription's document may ask for: the HTTP function's
   * `queryBudgets` (`readQueryBudgets`), checked when a client subscribes. Off when absent.
   */
  queryBudgets?: QueryBudgets;
  /** `{ defaultSize, maximumSize }` of list pages, for the cost estimate, as the engine's. */
  listSizes?: ListSizes;
  /**
   * Subscriptions per connection (AppSync's 100), the document's size (16 KiB) and a message's
   * (API Gateway's 128 KiB): `DEFAULT_REALTIME_LIMITS` for those left out.
   */
  limits?: Partial<RealtimeLimits>;
  /** Told what each fan-out did (one published event, one subscription field): for metrics. */
  onFanOut?: (report: FanOutReport) => void;
}

export type Realtime = ReturnType<typeof createRealtime>;

/** Builds the service once per container; an authorization configuration, a table contract or a limit that cannot work throws. */
export function createRealtime(options: RealtimeOptions) {
  const { client, tableName, tableContract, auth, connections, logger, sdl, resolvers, trustedDocuments, queryBudgets, listSizes, onFanOut } = options;
  validateAuthConfig(auth);
  const limits = resolveRealtimeLimits(options.limits);
  const store = createRealtimeStore({ client, tableName, tableContract });
  const cleanup = createRecordCleanup(store, logger);
  const schema = createDeliverySchema(sdl, auth);
  // Only the subscription fields' resolvers run here; the rest of the table is never called.
  const subscriptionResolvers = Object.fromEntries(Object.entries(resolvers?.definitions ?? {}).filter(([coordinate]) => coordinate.startsWith('Subscription.')));
  const budget = queryBudgets
    ? createSubscriptionBudget(schema, { budgets: validateQueryBudgets(queryBudgets), resolvers: subscriptionResolvers, listSizes: listSizes ?? { defaultSize: 20, maximumSize: 100 } })
    : undefined;
  const check = createSubscribeCheck(schema, auth, { trusted: trustedDocuments, budget, maxDocumentBytes: limits.maxDocumentBytes });
  const authenticate = createAuthenticator(auth);
  const fields = fieldsByMutation(schema);
  const deliver = createDelivery(schema);
  const argumentNames = new Map(subscriptionFields(schema).map((field) => [field.name, field.argumentNames]));
  const resolve = resolvers ? createSubscriptionResolver(buildExecutableSchema(sdl, subscriptionResolvers), resolvers.runtime, logger) : undefined;
  /** Runs one event's work, then the sweep (which never fails the event), unless a deletion just failed. */
  const thenSweep = async <T>(work: () => Promise<T>): Promise<T> => {
    const failures = cleanup.failures();
    const result = await work();
    if (cleanup.failures() === failures) await cleanup.sweep();
    return result;
  };
  return {
    /** The connection and subscription records (tests and diagnostics). */
    store,
    /** The limits in force. */
    limits,
    /** Deletions that failed and wait for a sweep (diagnostics). */
    pendingCleanups: () => cleanup.pending(),
    protocol: (endpoint: string) => {
      const protocol = createProtocol({ store, connections: connections(endpoint), authenticate, check, resolve, argumentNames: (field) => argumentNames.get(field) ?? [], limits, cleanup, logger });
      return {
        connect: (connectionId: string) => thenSweep(() => protocol.connect(connectionId)),
        disconnect: (connectionId: string) => thenSweep(() => protocol.disconnect(connectionId)),
        message: (...args: Parameters<typeof protocol.message>) => thenSweep(() => protocol.message(...args)),
      };
    },
    fanOut: (endpoint: string) => {
      const publish = createFanOut({ store, connections: connections(endpoint), fields, deliver, maxMessageBytes: limits.maxMessageBytes, cleanup, logger, onFanOut });
      return (...args: Parameters<typeof publish>) => thenSweep(() => publish(...args));
    },
  };
}
