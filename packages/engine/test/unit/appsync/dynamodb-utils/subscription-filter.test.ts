import { describe, expect, it } from 'vitest';
import { util } from '@aws-appsync/utils';

const { toSubscriptionFilter } = util.transform;

// Expected values are AppSync's recorded outputs (EvaluateCode).
const sub = (filter: unknown, ignored?: string[], rules?: unknown) => toSubscriptionFilter(filter as never, ignored as never, rules as never);
const f = (fieldName: string, operator: string, value: unknown) => ({ fieldName, operator, value });
const groups = (...filterLists: ReturnType<typeof f>[][]) => ({ filterGroup: filterLists.map((filters) => ({ filters })) });

describe('util.transform.toSubscriptionFilter', () => {
  it('UTIL-X4 puts fields and and-members of one filter into one group, paths as written', () => {
    expect(sub({ z: { eq: 0 }, and: [{ a: { eq: 1 } }] })).toEqual(groups([f('z', 'eq', 0), f('a', 'eq', 1)]));
    expect(sub({ 'loc.addr.country': { eq: 'USA' } })).toEqual(groups([f('loc.addr.country', 'eq', 'USA')]));
  });

  it('UTIL-X4 makes every operator of a field and every or-member an alternative group', () => {
    expect(sub({ a: { eq: 1, ne: 2 } })).toEqual(groups([f('a', 'eq', 1)], [f('a', 'ne', 2)]));
    expect(sub({ and: [{ a: { eq: 1 } }, { or: [{ b: { eq: 2 } }, { c: { eq: 3 } }] }] })).toEqual(
      groups([f('a', 'eq', 1), f('b', 'eq', 2)], [f('a', 'eq', 1), f('c', 'eq', 3)]),
    );
  });

  it('UTIL-X4 multiplies operators and groups out in order', () => {
    const result = sub({
      percentageUp: { lte: 50, gte: 20 },
      and: [{ title: { ne: 'Book1' } }, { downvotes: { gt: 2000 } }],
      or: [{ author: { eq: 'Admin' } }, { isPublished: { eq: false } }],
    });
    const common = [f('title', 'ne', 'Book1'), f('downvotes', 'gt', 2000)];
    expect(result).toEqual(
      groups(
        [f('percentageUp', 'lte', 50), ...common, f('author', 'eq', 'Admin')],
        [f('percentageUp', 'lte', 50), ...common, f('isPublished', 'eq', false)],
        [f('percentageUp', 'gte', 20), ...common, f('author', 'eq', 'Admin')],
        [f('percentageUp', 'gte', 20), ...common, f('isPublished', 'eq', false)],
      ),
    );
  });

  it('UTIL-X4 carries operators through unchecked and reads not as a field name', () => {
    expect(sub({ a: { bogus: 1 } })).toEqual(groups([f('a', 'bogus', 1)]));
    expect(sub({ not: { a: { eq: 1 } } })).toEqual(groups([f('not', 'a', { eq: 1 })]));
  });

  it('UTIL-X4 drops ignored fields at any depth', () => {
    expect(sub({ a: { eq: 1 }, b: { eq: 2 } }, ['a'])).toEqual(groups([f('b', 'eq', 2)]));
    expect(sub({ a: { eq: 1 }, and: [{ b: { eq: 2 } }] }, ['b'])).toEqual(groups([f('a', 'eq', 1)]));
  });

  it('UTIL-X4 copies every group once per rule', () => {
    expect(sub({ a: { eq: 1 } }, [], { r1: { gte: 250 }, r2: { eq: 'p' } })).toEqual(
      groups([f('a', 'eq', 1), f('r1', 'gte', 250)], [f('a', 'eq', 1), f('r2', 'eq', 'p')]),
    );
    expect(sub({}, [], { r1: { eq: 1 } })).toEqual(groups([f('r1', 'eq', 1)]));
  });

  it('UTIL-X4 produces no group for empty filters and null for unreadable ones', () => {
    for (const empty of [{}, { a: {} }, { and: [] }]) expect(sub(empty)).toEqual({ filterGroup: [] });
    for (const bad of [null, undefined, [], '{"a":{"eq":1}}']) expect(sub(bad)).toBeNull();
  });
});
