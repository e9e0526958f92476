// Job.applicationCount: the parent job's applications in any stage. GetItem PK=JOB#id, SK=#COUNTS
// (absent: 0). Issued with Job.stageCounts' read and the other jobs' of a page, it is coalesced into
// one BatchGetItem.
import { applicationCount, Jobs, type JobCountsRecord } from '../data/jobs';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

export function request(ctx: ResolverContext<'Job.applicationCount'>) {
  return Jobs.counts(ctx.source!.id);
}

export function response(ctx: ResolverContext<'Job.applicationCount', JobCountsRecord | null>): FieldResult<'Job.applicationCount'> {
  if (ctx.error) raise(ctx.error);
  return applicationCount(ctx.result);
}
