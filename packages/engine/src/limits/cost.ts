/**
 * The cost estimate of one operation with its variables, before it runs: what the response can
 * hold and how many DynamoDB requests it can make, as upper bounds.
 *
 * - A field with a `limit` argument is a page: the list under it (its `items`) holds `limit`
 *   entries, or the default page size when `limit` is absent or null, at most the maximum page
 *   size (a larger `limit` is refused by the resolver before it queries).
 * - Any other list (e.g. an application's `history`) counts `unboundedListSize` entries.
 * - `cost` adds 1 per field per value it resolves to, i.e. each field times the list sizes above
 *   it; `__typename` is free. `@skip`/`@include` are ignored (an upper bound).
 * - `dynamodbCalls` adds, per field with a resolver, its DynamoDB requests (a pipeline's functions
 *   count each) times the values it resolves for. Pages and mutations are a request each; single
 *   items fetched by key (GetItem) are coalesced by the runtime into BatchGetItem calls of up to
 *   100 keys, so they count `ceil(n / 100)` per coordinate.
 */
import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface CostOptions {
  /** DynamoDB requests one resolution of a field makes (0 when it has no DynamoDB resolver). */
  dynamodbCallsOf(coordinate: string): number;
  /** Entries of a page when `limit` is absent. */
  defaultPageSize: number;
  /** The largest `limit` a page accepts. */
  maxPageSize: number;
  /** Entries counted for a list without a `limit` (default 10). */
  unboundedListSize?: number;
}

export interface CostEstimate {
  cost: number;
  dynamodbCalls: number;
}

/** Keys per BatchGetItem call (DynamoDB's limit, LIM-11). */
const KEYS_PER_BATCH = 100;

function pageSize(value: ValueNode | undefined, variables: Readonly<Record<string, unknown>>, options: CostOptions): number {
  let limit: unknown;
  if (value?.kind === Kind.INT) limit = Number(value.value);
  else if (value?.kind === Kind.VARIABLE) limit = variables[value.name.value];
  if (typeof limit !== 'number' || !Number.isFinite(limit)) return options.defaultPageSize;
  return Math.max(0, Math.min(Math.floor(limit), options.maxPageSize));
}

/** The variables an operation passes as a page `limit`: the only ones the estimate depends on. */
function limitVariables(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const limit = selection.arguments?.find((arg) => arg.name.value === 'limit')?.value;
        if (limit?.kind === Kind.VARIABLE) names.add(limit.name.value);
        visit(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
    }
  };
  visit(operation.selectionSet);
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition.selectionSet);
  return [...names];
}

/** Estimates kept per operation, by the page sizes its limit variables give. */
const MAX_ESTIMATES_PER_OPERATION = 64;

/**
 * {@link estimateCost} with its results kept per operation node (Apollo's document cache hands back
 * the same nodes) and per page size of the operation's `limit` variables, so a repeated operation
 * costs a lookup.
 */
export function createCostEstimator(schema: GraphQLSchema, options: CostOptions) {
  const kept = new WeakMap<OperationDefinitionNode, { variables: string[]; estimates: Map<string, CostEstimate> }>();
  return (document: DocumentNode, operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>>): CostEstimate => {
    let entry = kept.get(operation);
    if (!entry) kept.set(operation, (entry = { variables: limitVariables(operation, document), estimates: new Map() }));
    const key = entry.variables.map((name) => pageSize({ kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } }, variables, options)).join(',');
    let estimate = entry.estimates.get(key);
    if (!estimate) {
      estimate = estimateCost(schema, document, operation, variables, options);
      if (entry.estimates.size >= MAX_ESTIMATES_PER_OPERATION) entry.estimates.clear();
      entry.estimates.set(key, estimate);
    }
    return estimate;
  };
}

/** Estimates one operation of `document` for the given variables (raw request values). */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  options: CostOptions,
): CostEstimate {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const unbounded = options.unboundedListSize ?? 10;
  const isMutation = operation.operation === 'mutation';
  const gets = new Map<string, number>();
  let cost = 0;
  let calls = 0;

  // `path` holds the fragments being expanded, so a (invalid) fragment cycle cannot loop.
  function walk(set: SelectionSetNode, type: GraphQLNamedType | null | undefined, times: number, page: number | null, path: ReadonlySet<string>): void {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        walk(selection.selectionSet, condition, times, page, path);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || path.has(fragment.name.value)) continue;
        walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), times, page, new Set([...path, fragment.name.value]));
        continue;
      }
      const name = selection.name.value;
      if (name === '__typename') continue;
      cost += times;
      const field = isObjectType(type) ? (type as GraphQLObjectType).getFields()[name] : undefined;
      if (!field) continue;
      const coordinate = `${type!.name}.${name}`;
      const limitArg = field.args.some((arg) => arg.name === 'limit');
      const perCall = options.dynamodbCallsOf(coordinate);
      const listed = isListType(getNullableType(field.type));
      if (perCall > 0) {
        if (limitArg || isMutation || listed) calls += times * perCall;
        else gets.set(coordinate, (gets.get(coordinate) ?? 0) + times * perCall);
      }
      if (!selection.selectionSet) continue;
      const limitNode = limitArg ? selection.arguments?.find((arg) => arg.name.value === 'limit')?.value : undefined;
      const childTimes = listed ? times * (page ?? unbounded) : times;
      walk(selection.selectionSet, getNamedType(field.type), childTimes, limitArg ? pageSize(limitNode, variables, options) : null, path);
    }
  }

  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  walk(operation.selectionSet, root, 1, null, new Set());
  for (const count of gets.values()) calls += Math.ceil(count / KEYS_PER_BATCH);
  return { cost, dynamodbCalls: calls };
}
