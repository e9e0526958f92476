/**
 * Query budgets: how much work one request may ask for, decided before anything runs, per
 * authorization mode. The API key ships inside every browser that loads the job board, so its
 * budget is the tightest; signed-in callers (user pools, OIDC, IAM, Lambda authorizer) get more.
 *
 * | limit | what is measured |
 * | --- | --- |
 * | `tokens` | lexical tokens of the query text (comments not counted), before it is parsed |
 * | `depth` | nesting of fields in an operation (root fields are 1; fragments are flattened; `__typename` not counted) |
 * | `aliases` | aliased fields in an operation, fragments included once per spread (`__typename` not counted) |
 * | `directives` | directives used in an operation, fragments included (once per spread) |
 * | `cost` | field values the response can hold: each field times the list sizes above it (cost.ts) |
 * | `dynamodbCalls` | DynamoDB requests the operation can make, GetItem batching counted (cost.ts) |
 *
 * Each limit is a positive integer, or null for none; `introspection` allows or refuses
 * `__schema`/`__type` for that mode (the API key's default refuses them). A document that selects
 * only introspection fields may nest to {@link INTROSPECTION_DEPTH} when the mode's depth limit is
 * lower; mixed with data fields, it gets the mode's. The engine checks the
 * budgets once, when it is built ({@link validateQueryBudgets}).
 */
import { AUTH_MODES, type AuthMode } from '../core/auth-modes';
import { OptionError } from '../core/option-error';

export const LIMIT_NAMES = ['tokens', 'depth', 'aliases', 'directives', 'cost', 'dynamodbCalls'] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];

/**
 * The depth allowed to a document that selects only `__schema`, `__type` and `__typename`: room for
 * graphql-js' `getIntrospectionQuery()` with every option GraphiQL sets (depth 15, its type
 * references nesting `ofType` nine levels), so playgrounds and code generators load the schema.
 */
export const INTROSPECTION_DEPTH = 15;

/** One mode's budget: a maximum per limit (null: unlimited), and whether introspection is allowed. */
export interface QueryBudget {
  limits: Readonly<Record<LimitName, number | null>>;
  introspection: boolean;
}

export type QueryBudgets = Readonly<Record<AuthMode, QueryBudget>>;

/**
 * The public job board's budget. Its largest operation (a company page with 100 jobs) has depth 4,
 * ~90 tokens, cost ~810 and 2 DynamoDB calls; Apollo Client adds `__typename`s (not counted).
 */
export const API_KEY_BUDGET: QueryBudget = {
  limits: { tokens: 1_000, depth: 6, aliases: 5, directives: 5, cost: 2_000, dynamodbCalls: 5 },
  introspection: false,
};

/**
 * Signed-in callers' budget: room for every SDK operation at 100 items a page (a candidate with 100
 * applications and their jobs: cost ~1,600, 3 calls) and for hand-written dashboards.
 */
export const SIGNED_IN_BUDGET: QueryBudget = {
  limits: { tokens: 5_000, depth: 10, aliases: 50, directives: 20, cost: 20_000, dynamodbCalls: 50 },
  introspection: true,
};

export const DEFAULT_QUERY_BUDGETS: QueryBudgets = Object.fromEntries(
  AUTH_MODES.map((mode) => [mode, mode === 'API_KEY' ? API_KEY_BUDGET : SIGNED_IN_BUDGET]),
) as Record<AuthMode, QueryBudget>;

/** Checks every mode's budget as the engine is built: each limit a positive integer or null. Returns them. */
export function validateQueryBudgets(budgets: QueryBudgets): QueryBudgets {
  for (const mode of AUTH_MODES) {
    const budget = budgets[mode] as QueryBudget | undefined;
    if (!budget) throw new OptionError(`queryBudgets.${mode}`, 'is missing: give every mode a budget (DEFAULT_QUERY_BUDGETS has them all)');
    for (const name of LIMIT_NAMES) {
      const limit = budget.limits[name];
      if (limit !== null && !(Number.isSafeInteger(limit) && limit >= 1)) {
        throw new OptionError(`queryBudgets.${mode}.limits.${name}`, `must be a positive integer or null (no limit), got ${JSON.stringify(limit)}`);
      }
    }
    if (typeof budget.introspection !== 'boolean') throw new OptionError(`queryBudgets.${mode}.introspection`, `must be true or false, got ${JSON.stringify(budget.introspection)}`);
  }
  return budgets;
}
