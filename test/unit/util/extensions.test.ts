import { extensions, util } from '@aws-appsync/utils';
import { describe, expect, it } from 'vitest';
import { util as runtimeUtil } from '../../../packages/engine/src/util/index';
import { thrownBy } from '../../helpers/thrown';

describe('extensions', () => {
  it('UTIL-E1 evictFromApiCache is a no-op: this runtime has no resolver cache', () => {
    expect(extensions.evictFromApiCache('Query', 'job', { 'ctx.args.id': 'j1' })).toBeUndefined();
  });

  it('UTIL-E2 subscription helpers fail with an Unsupported error outside a subscription field\'s resolver (in one: test/integration/realtime/subscriptions.test.ts)', () => {
    const calls = {
      setSubscriptionFilter: () => extensions.setSubscriptionFilter({ filterGroup: [] }),
      setSubscriptionInvalidationFilter: () => extensions.setSubscriptionInvalidationFilter({ filterGroup: [] }),
      invalidateSubscriptions: () => extensions.invalidateSubscriptions({ subscriptionField: 'onJob', payload: {} }),
    };
    for (const [name, call] of Object.entries(calls)) {
      expect(thrownBy(call), name).toMatchObject({ errorType: 'Unsupported', message: expect.stringContaining(`extensions.${name}`) });
    }
  });

  it('UTIL-00 the util resolvers import from @aws-appsync/utils is the runtime util object (the global one: test/integration/runtime/appsync-globals.test.ts)', () => {
    expect(util).toBe(runtimeUtil);
  });
});
