/**
 * The HTTP side of subscriptions, as an Apollo Server plugin:
 *
 * - once a mutation operation has run, each root field whose mutation fires a subscription
 *   (`@aws_subscribe`) and whose result is not null (it committed) is published with its result,
 *   under its field name (aliases undone), in the order the fields ran;
 * - with them go the `extensions.invalidateSubscriptions` calls the mutation's resolvers made
 *   (appsync/invalidation.ts), those of fields that committed only (UTIL-E2), whether or not the mutation
 *   fires any subscription;
 * - a subscription operation sent over HTTP is refused (errorType `UnsupportedOperation`): it only
 *   runs over the WebSocket API.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { EngineLogger as Logger } from '../../core/hooks';
import type { RequestContext } from '../../core/request-context';
import { GraphQLError, Kind, type FieldNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { MutationEvent } from '../service/fanout';
import type { RecordedInvalidation, SubscriptionInvalidation } from '../../core/current-execution';
import type { Publisher } from './publisher';

/** Root fields of an operation with the response key of each, fragments included (each named one once). */
function rootFields(selectionSet: SelectionSetNode, operation: { fragments: Record<string, { selectionSet: SelectionSetNode }> }, followed = new Set<string>()): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, operation, followed);
    if (followed.has(selection.name.value)) return [];
    followed.add(selection.name.value);
    const fragment = operation.fragments[selection.name.value];
    return fragment ? rootFields(fragment.selectionSet, operation, followed) : [];
  });
}

/** The events a mutation's response publishes. */
export function mutationEvents(operation: OperationDefinitionNode, fragments: Record<string, { selectionSet: SelectionSetNode }>, data: Record<string, unknown> | null | undefined, mutations: ReadonlySet<string>): MutationEvent[] {
  if (!data) return [];
  const seen = new Set<string>();
  const events: MutationEvent[] = [];
  for (const field of rootFields(operation.selectionSet, { fragments })) {
    const key = field.alias?.value ?? field.name.value;
    if (seen.has(key)) continue;
    seen.add(key);
    const name = field.name.value;
    if (!mutations.has(name)) continue;
    const value = data[key];
    if (value !== null && value !== undefined) events.push({ mutation: name, data: value });
  }
  return events;
}

/** The invalidations of the mutation fields that committed (their value is not null). */
export function committedInvalidations(recorded: readonly RecordedInvalidation[] | undefined, data: Record<string, unknown> | null | undefined): SubscriptionInvalidation[] {
  if (!data || !recorded) return [];
  return recorded.filter(({ responseKey }) => data[responseKey] !== null && data[responseKey] !== undefined).map(({ subscriptionField, payload }) => ({ subscriptionField, payload }));
}

export function realtimePlugin(publisher: Publisher, logger: Logger): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError('Subscriptions run over the WebSocket API (graphql-transport-ws), not over HTTP.', {
            extensions: { errorType: 'UnsupportedOperation', errorInfo: { operation: 'subscription', protocol: 'graphql-transport-ws' }, data: null, http: { status: 400 } },
          });
        },
        async willSendResponse({ operation, document, response, contextValue }) {
          if (operation?.operation !== 'mutation' || response.body.kind !== 'single' || !document) return;
          const { data } = response.body.singleResult;
          const fragments = Object.fromEntries(document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [])));
          const events = mutationEvents(operation, fragments, data, publisher.mutations);
          const invalidations = committedInvalidations((contextValue as Partial<RequestContext>).subscriptionInvalidations, data);
          if (events.length === 0 && invalidations.length === 0) return;
          try {
            await publisher.publish(events, invalidations);
          } catch (error) {
            // The mutation has committed: its response stands, the failure is logged.
            logger.error('Subscription events could not be published', {
              mutations: events.map((event) => event.mutation),
              invalidated: invalidations.map((invalidation) => invalidation.subscriptionField),
              error,
            });
          }
        },
      };
    },
  };
}
