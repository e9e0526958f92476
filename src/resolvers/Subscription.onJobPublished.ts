// Subscription.onJobPublished: a company's jobs (every company's without companyId) as they become OPEN. NONE data source; an enhanced filter keeps only OPEN jobs (createJob also fires it, with DRAFT jobs too).
import { util, extensions } from '@aws-appsync/utils';
import { assertId } from '../data/limits';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';

export function request(ctx: ResolverContext<'Subscription.onJobPublished'>) {
  if (ctx.args.companyId) assertId('companyId', ctx.args.companyId);
  return { payload: null };
}

export function response(ctx: ResolverContext<'Subscription.onJobPublished'>): FieldResult<'Subscription.onJobPublished'> {
  // An enhanced filter replaces argument filtering (as on AppSync): companyId is part of it.
  const filter = ctx.args.companyId ? { status: { eq: 'OPEN' }, companyId: { eq: ctx.args.companyId } } : { status: { eq: 'OPEN' } };
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(filter));
  return null;
}
