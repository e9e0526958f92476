/**
 * The query budgets of HTTP requests (limits/budgets.ts), applied to subscription documents when a
 * client subscribes, with the caller's authorization mode: the same measures, the same maximums and
 * the same refusal (`QueryLimitExceeded`, errorInfo `{ limit, maximum, actual }`). A subscription's
 * document is run once per matching event, so what a budget bounds (aliases, cost: the values an
 * event can hold) bounds every delivery, and the work each mutation's fan-out does.
 *
 * The DynamoDB calls counted are those of the `Subscription` fields' resolvers, the only ones that run
 * (once, on subscribe); events are shaped from the mutation's result without a data source.
 */
import type { DocumentNode, GraphQLFormattedError, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { AuthMode } from '../../core/auth-modes';
import { ERROR_TYPES } from '../../core/error-types';
import type { ResolverDefinition } from '../../core/resolver';
import { dynamodbCallsByCoordinate, queryLimitExceeded } from '../../limits/budget-plugin';
import type { LimitName, QueryBudget, QueryBudgets } from '../../limits/budgets';
import { createCostEstimator } from '../../limits/cost';
import { measureDocument, tokensOver } from '../../limits/measure';
import type { ListSizes } from '../../execution/server';
import { subscriptionError } from './errors';

export interface SubscriptionBudgetOptions {
  budgets: QueryBudgets;
  /** The `Subscription` fields' resolvers: those on a DynamoDB data source count as calls. */
  resolvers: Readonly<Record<string, ResolverDefinition>>;
  /** The page sizes the cost estimate assumes, as over HTTP. */
  listSizes: ListSizes;
}

type Refusal = GraphQLFormattedError | null;

function over(budget: QueryBudget, limit: LimitName, actual: number): Refusal {
  const maximum = budget.limits[limit];
  if (maximum === null || actual <= maximum) return null;
  const error = queryLimitExceeded(limit, maximum, actual);
  return subscriptionError(error.message, ERROR_TYPES.QueryLimitExceeded, { errorInfo: error.extensions.errorInfo });
}

/** The checks, in the order a subscribe runs them: each returns the refusal, or null. */
export function createSubscriptionBudget(schema: GraphQLSchema, { budgets, resolvers, listSizes }: SubscriptionBudgetOptions) {
  const calls = dynamodbCallsByCoordinate(resolvers);
  const estimate = createCostEstimator(schema, {
    dynamodbCallsOf: (coordinate) => calls.get(coordinate) ?? 0,
    defaultPageSize: listSizes.defaultSize,
    maxPageSize: listSizes.maximumSize,
  });
  return {
    /** The document's tokens, before it is parsed. */
    text(query: string, mode: AuthMode): Refusal {
      const budget = budgets[mode];
      const maximum = budget.limits.tokens;
      const actual = maximum === null ? null : tokensOver(query, maximum);
      return actual === null ? null : over(budget, 'tokens', actual);
    },

    /** Depth, aliases, directives and introspection, before the document is validated. */
    document(document: DocumentNode, mode: AuthMode): Refusal {
      const budget = budgets[mode];
      const measure = measureDocument(document);
      if (measure.introspection && !budget.introspection) return subscriptionError('GraphQL introspection is not allowed for this authorization mode.', ERROR_TYPES.ValidationError);
      return over(budget, 'depth', measure.depth) ?? over(budget, 'aliases', measure.aliases) ?? over(budget, 'directives', measure.directives);
    },

    /** The values an event can hold and the resolver's DynamoDB calls, once the variables are known. */
    operation(document: DocumentNode, operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>>, mode: AuthMode): Refusal {
      const budget = budgets[mode];
      const { cost, dynamodbCalls } = estimate(document, operation, variables);
      return over(budget, 'cost', cost) ?? over(budget, 'dynamodbCalls', dynamodbCalls);
    },
  };
}

export type SubscriptionBudget = ReturnType<typeof createSubscriptionBudget>;
