import { util } from '@aws-appsync/utils';
import { describe, expect, it } from 'vitest';
import { candidateKeys, filterKey, filterKeyOf, matchesArguments, matchesFilter, matchesFilterGroup } from '@appsync-lambda/engine/testing';

const application = { id: 'a1', jobId: 'j1', stage: 'SCREEN', version: 2, tags: ['remote', 'senior'], job: { companyId: 'c1', title: 'Engineer' } };

describe('matchesArguments', () => {
  it('requires every non-null argument to equal the field of the same name', () => {
    expect(matchesArguments(application, { jobId: 'j1' })).toBe(true);
    expect(matchesArguments(application, { jobId: 'j2' })).toBe(false);
    expect(matchesArguments(application, { jobId: null })).toBe(true);
    expect(matchesArguments(application, {})).toBe(true);
  });
});

describe('matchesFilter', () => {
  const cases: Array<[string, unknown, boolean]> = [
    ['eq', 'SCREEN', true],
    ['ne', 'SCREEN', false],
    ['in', ['APPLIED', 'SCREEN'], true],
    ['notIn', ['APPLIED', 'SCREEN'], false],
    ['beginsWith', 'SC', true],
    ['contains', 'CRE', true],
    ['notContains', 'X', true],
  ];
  it.each(cases)('UTIL-X4 %s %j on a string field', (operator, value, expected) => {
    expect(matchesFilter(application, { fieldName: 'stage', operator, value })).toBe(expected);
  });

  it('UTIL-X4 compares numbers with lt, le, gt, ge and between (bounds included)', () => {
    const on = (operator: string, value: unknown) => matchesFilter(application, { fieldName: 'version', operator, value });
    expect([on('lt', 3), on('le', 2), on('gt', 2), on('ge', 2), on('between', [1, 2]), on('between', [3, 4])]).toEqual([true, true, false, true, true, false]);
  });

  it('UTIL-X4 reads list fields with contains, notContains and containsAny, and nested fields by a dotted name', () => {
    expect(matchesFilter(application, { fieldName: 'tags', operator: 'contains', value: 'remote' })).toBe(true);
    expect(matchesFilter(application, { fieldName: 'tags', operator: 'notContains', value: 'remote' })).toBe(false);
    expect(matchesFilter(application, { fieldName: 'tags', operator: 'containsAny', value: ['onsite', 'senior'] })).toBe(true);
    expect(matchesFilter(application, { fieldName: 'job.companyId', operator: 'eq', value: 'c1' })).toBe(true);
  });

  it('matches nothing for an unknown operator or a missing field', () => {
    expect(matchesFilter(application, { fieldName: 'stage', operator: 'like', value: 'SCREEN' })).toBe(false);
    expect(matchesFilter(application, { fieldName: 'missing', operator: 'gt', value: 0 })).toBe(false);
  });
});

describe('matchesFilterGroup', () => {
  it('UTIL-E2 ORs the groups of a toSubscriptionFilter filter and ANDs the filters of a group', () => {
    const filter = util.transform.toSubscriptionFilter({ or: [{ stage: { eq: 'HIRED' } }, { jobId: { eq: 'j1' }, version: { ge: 2 } }] } as never) as never;
    expect(matchesFilterGroup(application, filter)).toBe(true);
    expect(matchesFilterGroup({ ...application, version: 1 }, filter)).toBe(false);
    expect(matchesFilterGroup({ ...application, version: 1, stage: 'HIRED' }, filter)).toBe(true);
  });

  it('lets every event through without a filter', () => {
    expect(matchesFilterGroup(application, null)).toBe(true);
  });
});

describe('filterKey and candidateKeys', () => {
  it('keys a subscription by its field and the arguments it set, in name order', () => {
    expect(filterKey('onApplicationMoved', { jobId: 'j 1', stage: null })).toBe('onApplicationMoved#jobId=j%201');
    expect(filterKey('onApplicationMoved', {})).toBe('onApplicationMoved#');
  });

  it('finds, for an event, the key of every argument subset it can match (2^n)', () => {
    expect(candidateKeys('onApplicationMoved', ['jobId'], application).sort()).toEqual(['onApplicationMoved#', 'onApplicationMoved#jobId=j1']);
    expect(candidateKeys('onX', ['jobId', 'stage'], application)).toHaveLength(4);
    expect(candidateKeys('onApplicationMoved', ['jobId'], { id: 'a1' })).toEqual(['onApplicationMoved#']);
  });

  it('keys an enhanced filter by the argument fields every group pins with eq', () => {
    const pinned = util.transform.toSubscriptionFilter({ status: { eq: 'OPEN' }, companyId: { eq: 'c1' } } as never) as never;
    expect(filterKeyOf('onJobPublished', ['companyId'], pinned)).toBe('onJobPublished#companyId=c1');
    const loose = util.transform.toSubscriptionFilter({ or: [{ companyId: { eq: 'c1' } }, { companyId: { eq: 'c2' } }] } as never) as never;
    expect(filterKeyOf('onJobPublished', ['companyId'], loose)).toBe('onJobPublished#');
  });
});
