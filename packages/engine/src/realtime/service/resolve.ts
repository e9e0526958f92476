/**
 * A subscription field's resolver, run once when a client subscribes, as on AppSync: its request
 * and response run with the subscriber's identity and arguments (a NONE data source, as a rule),
 * and may set the subscription's enhanced filter and invalidation filter with
 * `extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(...))` and
 * `extensions.setSubscriptionInvalidationFilter(...)` (contract UTIL-E2, UTIL-X4). An error it
 * raises refuses the subscription with that error (errorType kept; unexpected ones masked).
 */
import { execute, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { EngineLogger as Logger } from '../../core/hooks';
import type { RequestAuthorization } from '../../core/request';
import { AppSyncError } from '../../core/errors';
import { formatAppSyncError } from '../../core/format-error';
import { createRequestContext, type RequestContext } from '../../core/request-context';
import { type RuntimeConfig } from '../../core/runtime';
import { isFilterGroup, type FilterGroup } from './filters';
import type { AcceptedSubscription } from './subscribe';

type ResolvedSubscription =
  | { ok: true; filter: FilterGroup | null; invalidationFilter: FilterGroup | null }
  | { ok: false; errors: GraphQLFormattedError[] };

function filterOf(name: string, value: unknown): FilterGroup {
  if (!isFilterGroup(value)) {
    throw new AppSyncError(`extensions.${name} needs a filter in the form util.transform.toSubscriptionFilter returns ({ filterGroup: [...] })`, 'ValidationError');
  }
  return value;
}

/** `schema` is the API's executable schema (with its resolvers); `runtime` what its data sources need. */
export function createSubscriptionResolver(schema: GraphQLSchema, runtime: RuntimeConfig, logger?: Logger) {
  return async (subscription: AcceptedSubscription, authorization: RequestAuthorization, requestId: string): Promise<ResolvedSubscription> => {
    let filter: FilterGroup | null = null;
    let invalidationFilter: FilterGroup | null = null;
    const context: RequestContext = createRequestContext({
      runtime,
      requestId,
      authorization,
      request: { headers: {}, sourceIp: [], domainName: null, apiRequestId: null, method: null, path: null },
    });
    context.subscription = {
      setSubscriptionFilter: (value: unknown) => void (filter = filterOf('setSubscriptionFilter', value)),
      setSubscriptionInvalidationFilter: (value: unknown) => void (invalidationFilter = filterOf('setSubscriptionInvalidationFilter', value)),
    };
    const result = await execute({ schema, document: subscription.document, operationName: subscription.operation.name?.value, variableValues: subscription.variables, contextValue: context });
    if (!result.errors?.length) return { ok: true, filter, invalidationFilter };
    return {
      ok: false,
      errors: result.errors.map((error) => {
        const { error: formatted, isMasked } = formatAppSyncError(error.toJSON());
        if (isMasked) logger?.error('A subscription resolver failed', { requestId, field: subscription.field, error: error.originalError ?? error });
        return formatted as GraphQLFormattedError;
      }),
    };
  };
}
