/**
 * The real-time service of one table and authorization configuration: the WebSocket protocol
 * (protocol.ts) and the fan-out of committed mutations (fanout.ts), over the same store. Built
 * once per container by the WebSocket function's entry, and by tests with their own parts.
 */
import type { EngineLogger as Logger } from '../../core/hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAuthenticator } from '../../auth/authenticate';
import { validateAuthConfig, type AuthConfig } from '../../auth/config';
import type { ResolverDefinition } from '../../core/resolver';
import type { RuntimeConfig } from '../../core/runtime';
import { buildExecutableSchema } from '../../execution/schema';
import type { ConnectionApi } from './connections';
import { createDelivery, createDeliverySchema } from './delivery';
import { createFanOut, type FanOutReport } from './fanout';
import { fieldsByMutation, subscriptionFields } from './fields';
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
  /** Told what each fan-out did (one published event, one subscription field): for metrics. */
  onFanOut?: (report: FanOutReport) => void;
}

export type Realtime = ReturnType<typeof createRealtime>;

/** Builds the service once per container; an authorization configuration or a table contract that cannot work throws. */
export function createRealtime({ client, tableName, tableContract, auth, connections, logger, sdl, resolvers, trustedDocuments, onFanOut }: RealtimeOptions) {
  validateAuthConfig(auth);
  const store = createRealtimeStore({ client, tableName, tableContract });
  const schema = createDeliverySchema(sdl, auth);
  const check = createSubscribeCheck(schema, auth, trustedDocuments);
  const authenticate = createAuthenticator(auth);
  const fields = fieldsByMutation(schema);
  const deliver = createDelivery(schema);
  const argumentNames = new Map(subscriptionFields(schema).map((field) => [field.name, field.argumentNames]));
  // Only the subscription fields' resolvers run here; the rest of the table is never called.
  const subscriptionResolvers = Object.fromEntries(Object.entries(resolvers?.definitions ?? {}).filter(([coordinate]) => coordinate.startsWith('Subscription.')));
  const resolve = resolvers ? createSubscriptionResolver(buildExecutableSchema(sdl, subscriptionResolvers), resolvers.runtime, logger) : undefined;
  return {
    /** The connection and subscription records (tests and diagnostics). */
    store,
    protocol: (endpoint: string) =>
      createProtocol({ store, connections: connections(endpoint), authenticate, check, resolve, argumentNames: (field) => argumentNames.get(field) ?? [], logger }),
    fanOut: (endpoint: string) => createFanOut({ store, connections: connections(endpoint), fields, deliver, logger, onFanOut }),
  };
}
