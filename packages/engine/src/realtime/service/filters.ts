/**
 * Which events a subscription receives, as on AppSync:
 *
 * - its arguments: a non-null argument must equal the result's field of the same name; they also make the subscription's index key ({@link filterKey}), so an event is
 *   matched against only the subscriptions that can want it;
 * - an enhanced filter (`extensions.setSubscriptionFilter`, in the `filterGroup` form
 *   `util.transform.toSubscriptionFilter` returns, contract UTIL-E2): the groups are ORed, the
 *   filters of a group ANDed; `fieldName` may name a nested field with dots.
 */

export interface Filter {
  fieldName: string;
  operator: string;
  value: unknown;
}

export interface FilterGroup {
  filterGroup: Array<{ filters: Filter[] }>;
}

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The value at a dotted path of the event (undefined when absent). */
export function fieldValue(data: unknown, fieldName: string): unknown {
  let value: unknown = data;
  for (const part of fieldName.split('.')) {
    if (!isRow(value)) return undefined;
    value = value[part];
  }
  return value;
}

const comparable = (a: unknown, b: unknown): boolean =>
  (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');

const equal = (a: unknown, b: unknown): boolean => a === b || (a !== null && b !== null && typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b));

function contains(actual: unknown, value: unknown): boolean {
  if (typeof actual === 'string' && typeof value === 'string') return actual.includes(value);
  if (Array.isArray(actual)) return actual.some((entry) => equal(entry, value));
  return false;
}

/** One filter against the event; an unknown operator matches nothing. */
export function matchesFilter(data: unknown, { fieldName, operator, value }: Filter): boolean {
  const actual = fieldValue(data, fieldName);
  switch (operator) {
    case 'eq':
      return equal(actual, value);
    case 'ne':
      return !equal(actual, value);
    case 'lt':
      return comparable(actual, value) && (actual as number) < (value as number);
    case 'le':
      return comparable(actual, value) && (actual as number) <= (value as number);
    case 'gt':
      return comparable(actual, value) && (actual as number) > (value as number);
    case 'ge':
      return comparable(actual, value) && (actual as number) >= (value as number);
    case 'contains':
      return contains(actual, value);
    case 'notContains':
      return actual !== undefined && actual !== null && !contains(actual, value);
    case 'beginsWith':
      return typeof actual === 'string' && typeof value === 'string' && actual.startsWith(value);
    case 'in':
      return Array.isArray(value) && value.some((entry) => equal(actual, entry));
    case 'notIn':
      return Array.isArray(value) && !value.some((entry) => equal(actual, entry));
    case 'between': {
      if (!Array.isArray(value) || value.length !== 2) return false;
      const [low, high] = value as [unknown, unknown];
      return comparable(actual, low) && comparable(actual, high) && (actual as number) >= (low as number) && (actual as number) <= (high as number);
    }
    case 'containsAny':
      return Array.isArray(value) && value.some((entry) => contains(actual, entry));
    default:
      return false;
  }
}

/** Whether the event passes an enhanced filter (null: no filter, every event passes). */
export function matchesFilterGroup(data: unknown, filter: FilterGroup | null | undefined): boolean {
  if (!filter || filter.filterGroup.length === 0) return true;
  return filter.filterGroup.some(({ filters }) => filters.every((entry) => matchesFilter(data, entry)));
}

/** Whether the event's fields equal every non-null subscription argument. */
export function matchesArguments(data: unknown, args: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(args).every(([name, value]) => value === null || value === undefined || equal(fieldValue(data, name), value));
}

/** Whether `value` is a filter in AppSync's `filterGroup` form (what setSubscriptionFilter accepts). */
export function isFilterGroup(value: unknown): value is FilterGroup {
  return (
    isRow(value) &&
    Array.isArray(value.filterGroup) &&
    value.filterGroup.every((group) => isRow(group) && Array.isArray(group.filters) && group.filters.every((entry) => isRow(entry) && typeof entry.fieldName === 'string' && typeof entry.operator === 'string'))
  );
}

const keyPart = (name: string, value: unknown) => `${name}=${encodeURIComponent(String(value))}`;

/**
 * The index key of a subscription: its field and the arguments it set, e.g.
 * `onApplicationMoved#jobId=j1`, or `onApplicationMoved#` with none.
 */
export function filterKey(field: string, args: Readonly<Record<string, unknown>>): string {
  const parts = Object.keys(args)
    .filter((name) => args[name] !== null && args[name] !== undefined)
    .sort()
    .map((name) => keyPart(name, args[name]));
  return `${field}#${parts.join('&')}`;
}

/**
 * The index keys of the subscriptions an event can match: one per subset of the field's
 * arguments the event has a value for (2^n for n arguments; 2 for `onApplicationMoved(jobId)`).
 */
export function candidateKeys(field: string, argumentNames: readonly string[], data: unknown): string[] {
  let subsets: Array<Record<string, unknown>> = [{}];
  for (const name of argumentNames) {
    const value = fieldValue(data, name);
    if (value === null || value === undefined || typeof value === 'object') continue;
    subsets = subsets.flatMap((subset) => [subset, { ...subset, [name]: value }]);
  }
  return subsets.map((subset) => filterKey(field, subset));
}

/**
 * The index key of a subscription with an enhanced filter, which replaces its arguments (as on
 * AppSync): the argument-named fields every group of the filter pins with `eq` to one scalar value,
 * so such subscriptions are still found by key; with none, the field's catch-all key.
 */
export function filterKeyOf(field: string, argumentNames: readonly string[], filter: FilterGroup): string {
  const pinned: Record<string, unknown> = {};
  for (const name of argumentNames) {
    const values = filter.filterGroup.map(({ filters }) => filters.find((entry) => entry.fieldName === name && entry.operator === 'eq')?.value);
    const [first] = values;
    if (filter.filterGroup.length > 0 && (typeof first === 'string' || typeof first === 'number' || typeof first === 'boolean') && values.every((value) => value === first)) pinned[name] = first;
  }
  return filterKey(field, pinned);
}
