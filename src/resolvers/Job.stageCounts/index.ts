// Job.stageCounts: the parent job's application count per stage, every stage in pipeline order, for
// its company's recruiters and admins. Pipeline: findRecruiterMembership → assertRecruiterOfCompany →
// loadJobCounts (GetItem PK=JOB#id, SK=#COUNTS; absent: every count 0), coalesced with
// Job.applicationCount's read and the other jobs' of a page.
import { stageCounts, type JobCountsRecord } from '../../data/jobs';
import type { TenancyStash } from '../../data/recruiters';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

type Stash = TenancyStash & { jobId?: string };

export function request(ctx: ResolverContext<'Job.stageCounts', unknown, Stash>) {
  ctx.stash.companyId = ctx.source!.companyId;
  ctx.stash.jobId = ctx.source!.id;
  return {};
}

export function response(ctx: ResolverContext<'Job.stageCounts', unknown, Stash, { result: JobCountsRecord | null }>): FieldResult<'Job.stageCounts'> {
  return stageCounts(ctx.prev.result) as unknown as FieldResult<'Job.stageCounts'>;
}
