// Application.job: the job applied to, or null. GetItem PK=JOB#source.jobId (coalesced per request).
import { Jobs, type JobRecord } from '../data/jobs';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

export function request(ctx: ResolverContext<'Application.job'>) {
  return Jobs.get(ctx.source!.jobId);
}

export function response(ctx: ResolverContext<'Application.job', JobRecord | null>): FieldResult<'Application.job'> {
  if (ctx.error) raise(ctx.error);
  return ctx.result;
}
