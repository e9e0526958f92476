// Subscription.onApplicationMoved: a job's moves (every job's without jobId), filtered by the jobId argument. NONE data source, run once when a client subscribes.
import { assertId } from '../data/limits';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';

export function request(ctx: ResolverContext<'Subscription.onApplicationMoved'>) {
  if (ctx.args.jobId) assertId('jobId', ctx.args.jobId);
  return { payload: null };
}

export function response(_ctx: ResolverContext<'Subscription.onApplicationMoved'>): FieldResult<'Subscription.onApplicationMoved'> {
  return null;
}
