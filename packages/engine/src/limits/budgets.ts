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
 * Read at cold start from `QUERY_BUDGET_<MODE>` (e.g. `QUERY_BUDGET_API_KEY=depth=6,aliases=5`):
 * a comma list of `name=value` overriding that mode's defaults, where value is a positive integer
 * or `off`. `introspection` (true/false) in the same list allows or refuses `__schema`/`__type`
 * for that mode; the API key's default is false. A bad value stops the cold start.
 */
import { AUTH_MODES, type AuthMode } from '../core/auth-modes';

export const LIMIT_NAMES = ['tokens', 'depth', 'aliases', 'directives', 'cost', 'dynamodbCalls'] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];

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

/** A mode's budget with the overrides of a `QUERY_BUDGET_<MODE>` value applied. */
export function parseBudget(name: string, raw: string, base: QueryBudget): QueryBudget {
  const limits: Record<LimitName, number | null> = { ...base.limits };
  let introspection = base.introspection;
  for (const entry of raw.split(',').map((part) => part.trim()).filter(Boolean)) {
    const [key = '', value = '', ...rest] = entry.split('=').map((part) => part.trim());
    if (key === 'introspection' && (value === 'true' || value === 'false') && rest.length === 0) {
      introspection = value === 'true';
      continue;
    }
    if (!(LIMIT_NAMES as readonly string[]).includes(key) || rest.length > 0) {
      throw new Error(`${name}: unknown entry ${JSON.stringify(entry)} (limits: ${LIMIT_NAMES.join(', ')}, introspection)`);
    }
    const number = Number(value);
    if (value !== 'off' && !(Number.isInteger(number) && number >= 1 && number <= 1_000_000)) {
      throw new Error(`${name}: ${key} must be an integer from 1 to 1000000 or off, got ${JSON.stringify(value)}`);
    }
    limits[key as LimitName] = value === 'off' ? null : number;
  }
  return { limits, introspection };
}

/**
 * Every mode's budget from the environment. `INTROSPECTION=false` (LIM-04) refuses introspection
 * to every mode whatever the budgets say.
 */
export function readQueryBudgets(env: NodeJS.ProcessEnv, introspection = true): QueryBudgets {
  const budgets = {} as Record<AuthMode, QueryBudget>;
  for (const mode of AUTH_MODES) {
    const name = `QUERY_BUDGET_${mode}`;
    const raw = env[name];
    const budget = raw ? parseBudget(name, raw, DEFAULT_QUERY_BUDGETS[mode]) : DEFAULT_QUERY_BUDGETS[mode];
    budgets[mode] = introspection ? budget : { ...budget, introspection: false };
  }
  return budgets;
}
