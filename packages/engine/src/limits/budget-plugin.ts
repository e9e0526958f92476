/**
 * Applies the caller's query budget (budgets.ts) before anything runs, as an Apollo plugin: the
 * budget depends on the request's authorization mode, which Apollo's static validation rules
 * cannot see.
 *
 * - the token count is checked once the text is known, before it is parsed;
 * - depth, aliases, directives and introspection before Apollo validates the document (so a huge
 *   document is refused before graphql's costlier rules run), and again once the operation is
 *   resolved, since a document from Apollo's cache skips validation;
 * - the cost estimate (cost.ts) once the operation and its variables are known.
 *
 * Over budget: HTTP 400 with exactly one error, `QueryLimitExceeded`, errorInfo
 * `{ limit, maximum, actual }`; nothing executes. Refusals before the operation is resolved leave
 * Apollo's pipeline through its unexpected-error hook, which this plugin turns back into the error
 * itself (the same route GraphQL Armor's Apollo plugins take).
 */
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import { getOperationAST, GraphQLError, Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { RequestContext } from '../core/request-context';
import type { ResolverDefinition } from '../core/resolver';
import { INTROSPECTION_DEPTH, type LimitName, type QueryBudget, type QueryBudgets } from './budgets';
import { createCostEstimator, type CostOptions } from './cost';
import { measureDocument, tokensOver } from './measure';
import { ERROR_TYPES } from '../core/error-types';

/** Token counts kept (about 100 bytes each); the map starts over when full. */
const MAX_TOKEN_COUNTS = 1_000;

/** The errors this plugin raises, so its unexpected-error hook hands back only those. */
const refusals = new WeakSet<object>();

function refusal(message: string, errorType: string, errorInfo: unknown): GraphQLError {
  const error = new GraphQLError(message, { extensions: { errorType, errorInfo, http: { status: 400, headers: new HeaderMap() } } });
  refusals.add(error);
  return error;
}

/** The error for a request over one limit of its budget. */
export function queryLimitExceeded(limit: LimitName, maximum: number, actual: number): GraphQLError {
  return refusal(`The request exceeds its ${limit} limit: ${actual} is more than the maximum of ${maximum}.`, ERROR_TYPES.QueryLimitExceeded, { limit, maximum, actual });
}

function checkLimit(budget: QueryBudget, limit: LimitName, actual: number): void {
  const maximum = budget.limits[limit];
  if (maximum !== null && actual > maximum) throw queryLimitExceeded(limit, maximum, actual);
}

function checkDocument(document: DocumentNode, budget: QueryBudget): void {
  const measure = measureDocument(document);
  const depth = budget.limits.depth;
  // Introspection alone nests deeper than any data operation needs; it gets its own room, never less.
  const maximum = measure.introspection && !measure.data && depth !== null ? Math.max(depth, INTROSPECTION_DEPTH) : depth;
  if (maximum !== null && measure.depth > maximum) throw queryLimitExceeded('depth', maximum, measure.depth);
  checkLimit(budget, 'aliases', measure.aliases);
  checkLimit(budget, 'directives', measure.directives);
  if (measure.introspection && !budget.introspection) {
    throw refusal('GraphQL introspection is not allowed for this authorization mode.', ERROR_TYPES.ValidationError, null);
  }
}

/** The operations the estimate covers: the one that will run, or every one when none is chosen yet. */
function operationsOf(document: DocumentNode, chosen: OperationDefinitionNode | null | undefined): OperationDefinitionNode[] {
  if (chosen) return [chosen];
  return document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
}

export interface QueryBudgetOptions extends Omit<CostOptions, 'dynamodbCallsOf'> {
  budgets: QueryBudgets;
  /** The schema's resolvers, by coordinate: those on a DynamoDB data source make the calls counted. */
  resolvers: Readonly<Record<string, ResolverDefinition>>;
}

/** DynamoDB requests per resolution of each coordinate: 1 per unit resolver or pipeline function on a table. */
export function dynamodbCallsByCoordinate(resolvers: Readonly<Record<string, ResolverDefinition>>): Map<string, number> {
  const calls = new Map<string, number>();
  for (const [coordinate, resolver] of Object.entries(resolvers)) {
    if (resolver.kind === 'UNIT' && resolver.dataSource.kind === 'DYNAMODB') calls.set(coordinate, 1);
    if (resolver.kind === 'PIPELINE') {
      const count = resolver.functions.filter((step) => step.kind === 'JS' && step.dataSource.kind === 'DYNAMODB').length;
      if (count > 0) calls.set(coordinate, count);
    }
  }
  return calls;
}

/** The plugin; requests without an authorization (no auth configuration) have no budget. */
export function queryBudgetPlugin({ budgets, resolvers, ...pages }: QueryBudgetOptions): ApolloServerPlugin<RequestContext> {
  const calls = dynamodbCallsByCoordinate(resolvers);
  const costOptions: CostOptions = { ...pages, dynamodbCallsOf: (coordinate) => calls.get(coordinate) ?? 0 };
  // The estimates are kept per schema object (the server's; weakly held).
  const estimators = new WeakMap<GraphQLSchema, ReturnType<typeof createCostEstimator>>();
  const estimatorFor = (schema: GraphQLSchema) => {
    let estimator = estimators.get(schema);
    if (!estimator) estimators.set(schema, (estimator = createCostEstimator(schema, costOptions)));
    return estimator;
  };
  // Token counts by query hash (Apollo's SHA-256 of the text), so a repeated long text is lexed once.
  const tokenCounts = new Map<string, number | null>();
  const check = (context: GraphQLRequestContext<RequestContext>, document: DocumentNode, budget: QueryBudget) => {
    checkDocument(document, budget);
    estimate(context, document, budget);
  };
  const estimate = (context: GraphQLRequestContext<RequestContext>, document: DocumentNode, budget: QueryBudget) => {
    const operation = context.operation ?? getOperationAST(document, context.request.operationName);
    const variables = context.request.variables ?? {};
    for (const each of operationsOf(document, operation)) {
      const { cost, dynamodbCalls } = estimatorFor(context.schema)(document, each, variables);
      checkLimit(budget, 'cost', cost);
      checkLimit(budget, 'dynamodbCalls', dynamodbCalls);
    }
  };
  return {
    async unexpectedErrorProcessingRequest({ error }) {
      if (refusals.has(error)) throw error;
    },
    async requestDidStart({ contextValue }) {
      const mode = contextValue.authorization?.mode;
      if (!mode) return;
      const budget = budgets[mode];
      // Checked before validation, or (a document from Apollo's cache) once the operation is resolved.
      let checked = false;
      return {
        async didResolveSource({ source, queryHash }) {
          const maximum = budget.limits.tokens;
          if (maximum === null || source.length <= maximum) return;
          const key = `${maximum}:${queryHash}`;
          let actual = tokenCounts.get(key);
          if (actual === undefined) {
            actual = tokensOver(source, maximum);
            if (tokenCounts.size >= MAX_TOKEN_COUNTS) tokenCounts.clear();
            tokenCounts.set(key, actual);
          }
          if (actual !== null) throw queryLimitExceeded('tokens', maximum, actual);
        },
        async validationDidStart(context) {
          check(context, context.document, budget);
          checked = true;
        },
        async didResolveOperation(context) {
          if (!checked) check(context, context.document, budget);
        },
        async didEncounterErrors({ errors }) {
          // Callers who may not introspect get no schema hints either ("Did you mean …?").
          if (budget.introspection) return;
          for (const error of errors) error.message = error.message.replace(/ ?Did you mean .+\?$/, '');
        },
      };
    },
  };
}
