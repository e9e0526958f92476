/**
 * A `subscribe` message checked as AppSync checks a subscription request: a valid document against
 * the schema, one subscription field, variables coerced, and the field's auth directives applied to
 * the subscriber (a refusal is AppSync's `Unauthorized` error). Its arguments become the
 * subscription's filter and index key (filters.ts).
 */
import {
  getArgumentValues,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { RequestAuthorization } from '../../core/request';
import type { AuthConfig } from '../../auth/config';
import type { AuthMode } from '../../core/auth-modes';
import { resolveFieldRules, type FieldRule } from '../../auth/directives';
import { isAllowed } from '../../auth/enforce';
import { unauthorizedMessage } from '../../core/errors';
import { coerceVariables } from '../../execution/variables';
import { MAX_RESPONSE_ERRORS } from '../../limits/error-count';
import { subscriptionError } from './errors';
import { filterKey } from './filters';

interface SubscribePayload {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface AcceptedSubscription {
  field: string;
  args: Record<string, unknown>;
  filterKey: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
}

type SubscribeCheck = { ok: true; subscription: AcceptedSubscription } | { ok: false; errors: GraphQLFormattedError[] };

const validationErrors = (errors: readonly GraphQLError[]): SubscribeCheck => ({
  ok: false,
  errors: errors.map((error) => subscriptionError(error.message, 'ValidationError', { error })),
});

/** The one root field of a subscription (SingleFieldSubscriptionsRule has checked there is one). */
function rootField(selectionSet: SelectionSetNode, document: DocumentNode): FieldNode | undefined {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) return selection;
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootField(selection.selectionSet, document);
    const fragment = document.definitions.find((definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value);
    if (fragment?.kind === Kind.FRAGMENT_DEFINITION) return rootField(fragment.selectionSet, document);
  }
  return undefined;
}

/** The trusted documents (adapters/http-api/trusted-documents.ts): restricted modes may subscribe with their texts only. */
export interface TrustedSubscriptions {
  documents: Readonly<Record<string, string>>;
  modes: readonly AuthMode[];
}

/** The checker for one schema and authorization configuration; reuse it across messages. */
export function createSubscribeCheck(schema: GraphQLSchema, auth: AuthConfig, trusted: TrustedSubscriptions = { documents: {}, modes: [] }) {
  const rules: Map<string, FieldRule> = resolveFieldRules(schema, auth);
  const defaultAction = auth.cognito?.defaultAction ?? 'ALLOW';
  const trustedTexts = new Set(Object.values(trusted.documents));

  return (payload: SubscribePayload, authorization: RequestAuthorization): SubscribeCheck => {
    // As over HTTP, a restricted mode (the API key) may run only the SDK's documents, checked first.
    if (trusted.modes.includes(authorization.mode) && !trustedTexts.has(payload.query)) {
      return { ok: false, errors: [subscriptionError('This API key may run only the trusted documents (the SDK\'s operations).', 'PersistedQueryNotAllowed')] };
    }
    let document: DocumentNode;
    try {
      document = parse(payload.query);
    } catch (error) {
      return validationErrors([error as GraphQLError]);
    }
    const errors = validate(schema, document, undefined, { maxErrors: MAX_RESPONSE_ERRORS - 1 });
    if (errors.length > 0) return validationErrors(errors);
    const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
    const operation = payload.operationName ? operations.find((entry) => entry.name?.value === payload.operationName) : operations.length === 1 ? operations[0] : undefined;
    if (!operation) {
      return { ok: false, errors: [subscriptionError(payload.operationName ? `Unknown operation named "${payload.operationName}".` : 'Must provide operation name if query contains multiple operations.', 'ValidationError')] };
    }
    if (operation.operation !== 'subscription') {
      return {
        ok: false,
        errors: [subscriptionError(`Only subscriptions run over the WebSocket API; send a ${operation.operation} over HTTP.`, 'UnsupportedOperation', { errorInfo: { operation: operation.operation } })],
      };
    }
    // One error for the first invalid value, as over HTTP: never one per key of a large input.
    const coerced = coerceVariables(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
    if (coerced.errors) return validationErrors(coerced.errors);
    const node = rootField(operation.selectionSet, document);
    const field = node ? schema.getSubscriptionType()?.getFields()[node.name.value] : undefined;
    if (!node || !field) return { ok: false, errors: [subscriptionError('The subscription selects no field of Subscription.', 'ValidationError')] };
    const coordinate = `Subscription.${field.name}`;
    const rule = rules.get(coordinate);
    if (!rule || !isAllowed(rule, authorization, coordinate, defaultAction)) {
      return {
        ok: false,
        errors: [subscriptionError(unauthorizedMessage({ fieldName: field.name, parentType: { name: 'Subscription' } }), 'Unauthorized', { path: [node.alias?.value ?? field.name] })],
      };
    }
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, node, coerced.coerced);
    } catch (error) {
      return validationErrors([error as GraphQLError]);
    }
    return { ok: true, subscription: { field: field.name, args, filterKey: filterKey(field.name, args), document, operation, variables: coerced.coerced } };
  };
}
