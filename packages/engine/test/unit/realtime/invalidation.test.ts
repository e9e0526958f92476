import { describe, expect, it } from 'vitest';
import { MAX_INVALIDATIONS_PER_REQUEST } from '@appsync-lambda/engine';
import { committedInvalidations, invalidationCandidateKeys, invalidationKey, matchesInvalidationFilter, withExecution, type RecordedInvalidation } from '@appsync-lambda/engine/testing';
import { thrownBy } from '@appsync-lambda/test-support';
import { extensions, util } from '@aws-appsync/utils';

const filter = (input: Record<string, unknown>) => util.transform.toSubscriptionFilter(input) as { filterGroup: Array<{ filters: Array<{ fieldName: string; operator: string; value: unknown }> }> };

describe('matchesInvalidationFilter', () => {
  it('UTIL-E2 evaluates the invalidation filter against the payload, with the operators of enhanced filters', () => {
    const byJob = filter({ jobId: { eq: 'j1' } });
    expect(matchesInvalidationFilter({ jobId: 'j1' }, byJob)).toBe(true);
    expect(matchesInvalidationFilter({ jobId: 'j2' }, byJob)).toBe(false);
    expect(matchesInvalidationFilter({}, byJob)).toBe(false);
    const staff = filter({ group: { in: ['admins', 'recruiters'] }, 'user.id': { eq: 'u1' } });
    expect(matchesInvalidationFilter({ group: 'admins', user: { id: 'u1' } }, staff)).toBe(true);
    expect(matchesInvalidationFilter({ group: 'candidates', user: { id: 'u1' } }, staff)).toBe(false);
  });

  it('UTIL-E2 never invalidates a subscription without an invalidation filter, or with an empty one', () => {
    expect(matchesInvalidationFilter({ jobId: 'j1' }, null)).toBe(false);
    expect(matchesInvalidationFilter({ jobId: 'j1' }, { filterGroup: [] })).toBe(false);
  });
});

describe('invalidationKey and invalidationCandidateKeys', () => {
  it('keys a subscription by the first field every group of its invalidation filter pins with eq', () => {
    expect(invalidationKey('onApplicationCreated', filter({ jobId: { eq: 'j 1' } }))).toBe('onApplicationCreated#jobId=j%201');
    expect(invalidationKey('onX', filter({ userId: { eq: 'u1' }, groupId: { eq: 'g1' } }))).toBe('onX#groupId=g1');
    expect(invalidationKey('onX', filter({ or: [{ jobId: { eq: 'j1' }, stage: { eq: 'HIRED' } }, { jobId: { eq: 'j1' }, stage: { eq: 'REJECTED' } }] }))).toBe('onX#jobId=j1');
    // Not pinned in every group, or not with eq: the field's catch-all key.
    expect(invalidationKey('onX', filter({ or: [{ jobId: { eq: 'j1' } }, { jobId: { eq: 'j2' } }] }))).toBe('onX#');
    expect(invalidationKey('onX', filter({ jobId: { ne: 'j1' } }))).toBe('onX#');
  });

  it('finds, for a payload, the catch-all key and one key per scalar field (nested ones by a dotted name)', () => {
    expect(invalidationCandidateKeys('onX', { jobId: 'j1', version: 3, user: { id: 'u1' }, tags: ['a'], note: null })).toEqual(['onX#', 'onX#jobId=j1', 'onX#version=3', 'onX#user.id=u1']);
  });

  it('gives every subscription a payload can invalidate a key the payload looks up', () => {
    const payload = { userId: 'u1', groupId: 'g1' };
    const filters = [filter({ userId: { eq: 'u1' }, groupId: { eq: 'g1' } }), filter({ userId: { eq: 'u1' } }), filter({ groupId: { in: ['g1', 'g2'] } })];
    for (const entry of filters) {
      expect(matchesInvalidationFilter(payload, entry)).toBe(true);
      expect(invalidationCandidateKeys('onX', payload)).toContain(invalidationKey('onX', entry));
    }
  });
});

/** `extensions.invalidateSubscriptions(value)` as the resolver of the mutation field `closeJob` calls it, recording into `recorded`. */
const recordInvalidation = (recorded: RecordedInvalidation[], value: unknown) =>
  withExecution({ appendedErrors: [], authType: null, invalidations: { recorded, responseKey: 'closeJob' } }, () => extensions.invalidateSubscriptions(value as never));

describe('extensions.invalidateSubscriptions', () => {
  it('UTIL-E2 records an invalidation once, with a copy of its payload', () => {
    const recorded: RecordedInvalidation[] = [];
    const payload = { jobId: 'j1' };
    recordInvalidation(recorded, { subscriptionField: 'onApplicationCreated', payload });
    recordInvalidation(recorded, { subscriptionField: 'onApplicationCreated', payload: { jobId: 'j1' } });
    payload.jobId = 'changed';
    expect(recorded).toEqual([{ subscriptionField: 'onApplicationCreated', payload: { jobId: 'j1' }, responseKey: 'closeJob' }]);
  });

  it(`UTIL-E2 fails with ValidationError past ${MAX_INVALIDATIONS_PER_REQUEST} different invalidations in a request, as AppSync`, () => {
    const recorded: RecordedInvalidation[] = [];
    for (let index = 0; index < MAX_INVALIDATIONS_PER_REQUEST; index += 1) recordInvalidation(recorded, { subscriptionField: 'onX', payload: { index } });
    expect(thrownBy(() => recordInvalidation(recorded, { subscriptionField: 'onX', payload: { index: 99 } }))).toMatchObject({
      errorType: 'ValidationError',
      errorInfo: { limit: 'invalidateSubscriptions', maximum: MAX_INVALIDATIONS_PER_REQUEST },
    });
    expect(recorded).toHaveLength(MAX_INVALIDATIONS_PER_REQUEST);
  });

  it('fails with ValidationError without a subscriptionField or a payload object', () => {
    for (const value of [null, { payload: {} }, { subscriptionField: '', payload: {} }, { subscriptionField: 'onX' }, { subscriptionField: 'onX', payload: [1] }]) {
      expect(thrownBy(() => recordInvalidation([], value)), JSON.stringify(value)).toMatchObject({ errorType: 'ValidationError' });
    }
  });
});

describe('committedInvalidations', () => {
  it('keeps the invalidations of the mutation fields whose value is not null, by response key', () => {
    const recorded: RecordedInvalidation[] = [
      { subscriptionField: 'onA', payload: { id: 1 }, responseKey: 'closed' },
      { subscriptionField: 'onB', payload: { id: 2 }, responseKey: 'failed' },
    ];
    expect(committedInvalidations(recorded, { closed: { id: 'j1' }, failed: null })).toEqual([{ subscriptionField: 'onA', payload: { id: 1 } }]);
    expect(committedInvalidations(recorded, null)).toEqual([]);
  });
});
