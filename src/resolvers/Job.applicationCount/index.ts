// Job.applicationCount: the parent job's applications in any stage, for its company's recruiters and
// admins. Pipeline: findRecruiterMembership → assertRecruiterOfCompany → loadJobCounts (GetItem
// PK=JOB#id, SK=#COUNTS; absent: 0). The reads of a page's jobs, issued together, are coalesced.
import { applicationCount, type JobCountsRecord } from '../../data/jobs';
import type { TenancyStash } from '../../data/recruiters';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

type Stash = TenancyStash & { jobId?: string };

export function request(ctx: ResolverContext<'Job.applicationCount', unknown, Stash>) {
  ctx.stash.companyId = ctx.source!.companyId;
  ctx.stash.jobId = ctx.source!.id;
  return {};
}

export function response(ctx: ResolverContext<'Job.applicationCount', unknown, Stash, { result: JobCountsRecord | null }>): FieldResult<'Job.applicationCount'> {
  return applicationCount(ctx.prev.result);
}
