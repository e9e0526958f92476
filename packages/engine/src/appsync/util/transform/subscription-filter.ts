/**
 * `util.transform.toSubscriptionFilter` (contract UTIL-X4 [N]): a filter object expanded into
 * AppSync's OR-of-AND `filterGroup` form. This runtime has no subscriptions, so nothing consumes
 * the result; the transform is pure and kept faithful to AppSync's recorded outputs.
 */
import type { Util } from '@aws-appsync/utils';

interface Filter {
  fieldName: string;
  operator: string;
  value: unknown;
}
type Group = Filter[];

class Unreadable extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Every group of `left` joined with every group of `right` (AND distributes over OR). */
const product = (left: Group[], right: Group[]): Group[] => left.flatMap((a) => right.map((b) => [...a, ...b]));

/** Each operator of a field is an alternative (AppSync ORs them). */
function fieldAlternatives(fieldName: string, operators: unknown): Group[] {
  if (!isObject(operators)) throw new Unreadable();
  return Object.entries(operators)
    .filter(([, value]) => value !== undefined)
    .map(([operator, value]) => [{ fieldName, operator, value }]);
}

function groupsOf(filter: unknown, ignored: ReadonlySet<string>): Group[] {
  if (!isObject(filter)) throw new Unreadable();
  let groups: Group[] = [[]];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || ignored.has(key)) continue;
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) throw new Unreadable();
      const members = value.map((member) => groupsOf(member, ignored));
      const combined = key === 'and' ? members.reduce(product, [[]]) : members.flat();
      groups = product(groups, combined);
    } else {
      // `not` has no meaning here: AppSync reads it as a field name.
      groups = product(groups, fieldAlternatives(key, value));
    }
  }
  return groups;
}

/** The filter as `{ filterGroup }`; `null` for an input AppSync cannot read. */
export const toSubscriptionFilter = ((filter: unknown, ignoredFields?: unknown, rules?: unknown) => {
  try {
    const ignored = new Set(Array.isArray(ignoredFields) ? ignoredFields.map(String) : []);
    let groups = groupsOf(filter, ignored);
    if (isObject(rules)) {
      // At least one rule must hold: every group is copied once per rule alternative.
      const alternatives = Object.entries(rules).flatMap(([field, operators]) => fieldAlternatives(field, operators));
      if (alternatives.length > 0) groups = product(groups, alternatives);
    }
    return { filterGroup: groups.filter((group) => group.length > 0).map((filters) => ({ filters })) };
  } catch (error) {
    if (error instanceof Unreadable) return null;
    throw error;
  }
}) as Util['transform']['toSubscriptionFilter'];
