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
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { perFragment } from './fragments';

export interface CostOptions {
  /**
   * DynamoDB requests one resolution of a field makes (0 when it has no DynamoDB resolver). Asked
   * once per field of the operation and of each fragment it uses, never once per spread.
   */
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

/** Cost, DynamoDB requests, and GetItem keys per coordinate (batched once the whole operation is counted). */
interface Tally {
  cost: number;
  calls: number;
  gets: Map<string, number>;
}

/**
 * What a selection set adds once: `fixed + perEntry × entries`, where `entries` is the size counted
 * for the lists selected directly in it (the page size of the field above, or the unbounded list size).
 */
interface Contribution {
  fixed: Tally;
  perEntry: Tally;
}

const tally = (): Tally => ({ cost: 0, calls: 0, gets: new Map() });

function addTimes(target: Tally, source: Tally, times: number): void {
  target.cost += source.cost * times;
  target.calls += source.calls * times;
  for (const [coordinate, count] of source.gets) target.gets.set(coordinate, (target.gets.get(coordinate) ?? 0) + count * times);
}

function evaluate({ fixed, perEntry }: Contribution, entries: number): Tally {
  const total = tally();
  addTimes(total, fixed, 1);
  addTimes(total, perEntry, entries);
  return total;
}

/**
 * Estimates one operation of `document` for the given variables (raw request values). Everything a
 * selection set adds is linear in how often it resolves, so each named fragment is estimated once,
 * as a {@link Contribution}, and scaled at each spread: the work is linear in the document even
 * when its spreads expand exponentially, and the numbers are those of the expanded operation.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  options: CostOptions,
): CostEstimate {
  const unbounded = options.unboundedListSize ?? 10;
  const isMutation = operation.operation === 'mutation';
  const fragment = perFragment(
    document,
    (definition) => walk(definition.selectionSet, schema.getType(definition.typeCondition.name.value)),
    { fixed: tally(), perEntry: tally() },
  );

  function walk(set: SelectionSetNode, type: GraphQLNamedType | null | undefined): Contribution {
    const fixed = tally();
    const perEntry = tally();
    const include = (part: Contribution) => {
      addTimes(fixed, part.fixed, 1);
      addTimes(perEntry, part.perEntry, 1);
    };
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        include(walk(selection.selectionSet, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type));
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        include(fragment(selection.name.value));
        continue;
      }
      const name = selection.name.value;
      if (name === '__typename') continue;
      fixed.cost += 1;
      const field = isObjectType(type) ? (type as GraphQLObjectType).getFields()[name] : undefined;
      if (!field) continue;
      const coordinate = `${type!.name}.${name}`;
      const limitArg = field.args.some((arg) => arg.name === 'limit');
      const perCall = options.dynamodbCallsOf(coordinate);
      const listed = isListType(getNullableType(field.type));
      if (perCall > 0) {
        if (limitArg || isMutation || listed) fixed.calls += perCall;
        else fixed.gets.set(coordinate, (fixed.gets.get(coordinate) ?? 0) + perCall);
      }
      if (!selection.selectionSet) continue;
      // The lists right under a page hold its page size; under any other field, the unbounded size.
      const limitNode = limitArg ? selection.arguments?.find((arg) => arg.name.value === 'limit')?.value : undefined;
      const child = evaluate(walk(selection.selectionSet, getNamedType(field.type)), limitArg ? pageSize(limitNode, variables, options) : unbounded);
      // A list resolves its selections once per entry.
      addTimes(listed ? perEntry : fixed, child, 1);
    }
    return { fixed, perEntry };
  }

  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  const total = evaluate(walk(operation.selectionSet, root), unbounded);
  let calls = total.calls;
  for (const count of total.gets.values()) calls += Math.ceil(count / KEYS_PER_BATCH);
  return { cost: total.cost, dynamodbCalls: calls };
}
