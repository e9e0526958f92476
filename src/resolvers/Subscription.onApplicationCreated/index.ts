// Subscription.onApplicationCreated: a job's new applications, filtered by the jobId argument; without
// jobId, every job's for admins and the jobs of their companies for a recruiter (an enhanced filter on
// companyId). With jobId, ended when the job closes (closeJob invalidates it). Run once when a client
// subscribes. Pipeline: loadJob (GetItem PK=JOB#jobId) → findRecruiterMembership →
// assertRecruiterOfCompany → loadMyCompanies → loadMyCompaniesByEmail.
import { util, extensions } from '@aws-appsync/utils';
import { assertId } from '../../data/limits';
import { companiesOnlyFilter, type TenancyStash } from '../../data/recruiters';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

type Stash = TenancyStash & { jobId?: string | null };

export function request(ctx: ResolverContext<'Subscription.onApplicationCreated', unknown, Stash>) {
  if (ctx.args.jobId) assertId('jobId', ctx.args.jobId);
  ctx.stash.jobId = ctx.args.jobId ?? null;
  return {};
}

export function response(ctx: ResolverContext<'Subscription.onApplicationCreated', unknown, Stash>): FieldResult<'Subscription.onApplicationCreated'> {
  const filter = companiesOnlyFilter(ctx.args.jobId, ctx.stash.myCompanyIds);
  if (filter) extensions.setSubscriptionFilter(filter);
  // Closing the job ends the subscription: no application can follow (closeJob's invalidation).
  if (ctx.args.jobId) extensions.setSubscriptionInvalidationFilter(util.transform.toSubscriptionFilter({ jobId: { eq: ctx.args.jobId } }));
  return null;
}
