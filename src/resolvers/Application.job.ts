// Application.job: the job applied to, or null. GetItem PK=JOB#source.jobId (coalesced per request).
import { util } from '@aws-appsync/utils';
import { Jobs, type JobRecord } from '../data/jobs';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';

export function request(ctx: ResolverContext<'Application.job'>) {
  return Jobs.get(ctx.source!.jobId);
}

export function response(ctx: ResolverContext<'Application.job', JobRecord | null>): FieldResult<'Application.job'> {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
