// Job.stageCounts: the parent job's application count per stage, every stage in pipeline order.
// GetItem PK=JOB#id, SK=#COUNTS (absent: every count 0). Issued with Job.applicationCount's read and
// the other jobs' of a page, it is coalesced into one BatchGetItem.
import { Jobs, stageCounts, type JobCountsRecord } from '../data/jobs';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

export function request(ctx: ResolverContext<'Job.stageCounts'>) {
  return Jobs.counts(ctx.source!.id);
}

export function response(ctx: ResolverContext<'Job.stageCounts', JobCountsRecord | null>): FieldResult<'Job.stageCounts'> {
  if (ctx.error) raise(ctx.error);
  return stageCounts(ctx.result) as unknown as FieldResult<'Job.stageCounts'>;
}
