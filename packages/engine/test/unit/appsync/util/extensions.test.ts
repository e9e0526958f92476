import { extensions, util } from '@aws-appsync/utils';
import { describe, expect, it } from 'vitest';
import { installAppSyncGlobals, withExecution, type Execution, type RecordedInvalidation } from '@appsync-lambda/engine/testing';
import { thrownBy } from '@appsync-lambda/test-support';

describe('extensions', () => {
  it('UTIL-E1 evictFromApiCache is a no-op: this runtime has no resolver cache', () => {
    expect(extensions.evictFromApiCache('Query', 'job', { 'ctx.args.id': 'j1' })).toBeUndefined();
  });

  it('UTIL-E2 subscription filter helpers fail with an Unsupported error outside a subscription field\'s resolver', () => {
    const calls = {
      setSubscriptionFilter: () => extensions.setSubscriptionFilter({ filterGroup: [] }),
      setSubscriptionInvalidationFilter: () => extensions.setSubscriptionInvalidationFilter({ filterGroup: [] }),
    };
    for (const [name, call] of Object.entries(calls)) {
      expect(thrownBy(call), name).toMatchObject({ errorType: 'Unsupported', message: expect.stringContaining(`extensions.${name}`) });
    }
  });

  it('UTIL-E2 invalidateSubscriptions fails with an Unsupported error outside a mutation\'s resolvers (a query\'s, or none)', () => {
    const invalidate = () => extensions.invalidateSubscriptions({ subscriptionField: 'onJob', payload: {} });
    expect(thrownBy(invalidate)).toMatchObject({ errorType: 'Unsupported', message: expect.stringContaining('extensions.invalidateSubscriptions') });
    const inQuery: Execution = { appendedErrors: [], authType: null };
    expect(thrownBy(() => withExecution(inQuery, invalidate))).toMatchObject({ errorType: 'Unsupported' });
  });

  it('UTIL-E2 invalidateSubscriptions records the invalidation in the request, under the mutation field\'s response key', () => {
    const recorded: RecordedInvalidation[] = [];
    const inMutation: Execution = { appendedErrors: [], authType: null, invalidations: { recorded, responseKey: 'closed' } };
    withExecution(inMutation, () => extensions.invalidateSubscriptions({ subscriptionField: 'onApplicationCreated', payload: { jobId: 'j1' } }));
    expect(recorded).toEqual([{ subscriptionField: 'onApplicationCreated', payload: { jobId: 'j1' }, responseKey: 'closed' }]);
  });

  it('UTIL-00 the util resolvers import from @aws-appsync/utils is the object the engine installs as the global util', () => {
    const host: { util?: unknown } = {};
    installAppSyncGlobals(host);
    expect(host.util).toBe(util);
  });
});
