// Subscription.onApplicationCreated: a job's new applications (every job's without jobId), filtered by the jobId argument; ended when the job closes (closeJob invalidates it). NONE data source, run once when a client subscribes.
import { util, extensions } from '@aws-appsync/utils';
import { assertId } from '../data/limits';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';

export function request(ctx: ResolverContext<'Subscription.onApplicationCreated'>) {
  if (ctx.args.jobId) assertId('jobId', ctx.args.jobId);
  return { payload: null };
}

export function response(ctx: ResolverContext<'Subscription.onApplicationCreated'>): FieldResult<'Subscription.onApplicationCreated'> {
  // Closing the job ends the subscription: no application can follow (closeJob's invalidation).
  if (ctx.args.jobId) extensions.setSubscriptionInvalidationFilter(util.transform.toSubscriptionFilter({ jobId: { eq: ctx.args.jobId } }));
  return null;
}
