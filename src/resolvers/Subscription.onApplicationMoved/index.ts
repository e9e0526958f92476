// Subscription.onApplicationMoved: a job's moves, filtered by the jobId argument; without jobId,
// every job's for admins and the jobs of their companies for a recruiter (an enhanced filter on
// companyId). Run once when a client subscribes. Pipeline: loadJob (GetItem PK=JOB#jobId) →
// findRecruiterMembership → assertRecruiterOfCompany → loadMyCompanies → loadMyCompaniesByEmail.
import { extensions } from '@aws-appsync/utils';
import { assertId } from '../../data/limits';
import { companiesOnlyFilter, type TenancyStash } from '../../data/recruiters';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

type Stash = TenancyStash & { jobId?: string | null };

export function request(ctx: ResolverContext<'Subscription.onApplicationMoved', unknown, Stash>) {
  if (ctx.args.jobId) assertId('jobId', ctx.args.jobId);
  ctx.stash.jobId = ctx.args.jobId ?? null;
  return {};
}

export function response(ctx: ResolverContext<'Subscription.onApplicationMoved', unknown, Stash>): FieldResult<'Subscription.onApplicationMoved'> {
  const filter = companiesOnlyFilter(ctx.args.jobId, ctx.stash.myCompanyIds);
  if (filter) extensions.setSubscriptionFilter(filter);
  return null;
}
