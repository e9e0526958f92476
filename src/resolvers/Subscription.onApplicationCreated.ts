// Subscription.onApplicationCreated: a job's new applications (every job's without jobId), filtered by the jobId argument. NONE data source, run once when a client subscribes.
import { assertId } from '../data/limits';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';

export function request(ctx: ResolverContext<'Subscription.onApplicationCreated'>) {
  if (ctx.args.jobId) assertId('jobId', ctx.args.jobId);
  return { payload: null };
}

export function response(_ctx: ResolverContext<'Subscription.onApplicationCreated'>): FieldResult<'Subscription.onApplicationCreated'> {
  return null;
}
