// Job.stageCounts: the parent job's application count per stage, every stage in pipeline order. NONE: read from the job's counters.
import { stageCounts, type JobRecord } from '../data/jobs';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';

export function request(ctx: ResolverContext<'Job.stageCounts'>) {
  return { payload: stageCounts(ctx.source as unknown as Record<string, unknown>) };
}

export function response(ctx: ResolverContext<'Job.stageCounts', Array<{ stage: JobRecord['status'] }>>): FieldResult<'Job.stageCounts'> {
  return ctx.result as unknown as FieldResult<'Job.stageCounts'>;
}
