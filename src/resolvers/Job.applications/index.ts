// Job.applications: a page of the parent job's applications, optionally in one stage, for its
// company's recruiters and admins. Pipeline: findRecruiterMembership → assertRecruiterOfCompany →
// listJobApplications (Query GSI1 on JOB#source.id).
import { assertPageSize } from '../../data/pages';
import type { TenancyStash } from '../../data/recruiters';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

type Stash = TenancyStash & { jobId?: string };

export function request(ctx: ResolverContext<'Job.applications', unknown, Stash>) {
  assertPageSize(ctx.args.limit);
  ctx.stash.companyId = ctx.source!.companyId;
  ctx.stash.jobId = ctx.source!.id;
  return {};
}

export function response(ctx: ResolverContext<'Job.applications', unknown, Stash, { result: FieldResult<'Job.applications'> }>): FieldResult<'Job.applications'> {
  return ctx.prev.result;
}
