// loadJob: the job ctx.stash.jobId, or null (nothing read without an id); its company becomes
// ctx.stash.companyId for the tenancy steps (null when there is no job). GetItem PK=JOB#id.
import { runtime, type Context } from '@aws-appsync/utils';
import { raise } from '../data/errors';
import { Jobs, type JobRecord } from '../data/jobs';
import type { TenancyStash } from '../data/recruiters';

type Stash = TenancyStash & { jobId?: string | null };

export function request(ctx: Context<unknown, Stash>) {
  if (!ctx.stash.jobId) {
    ctx.stash.companyId = null;
    runtime.earlyReturn(null);
  }
  return Jobs.get(ctx.stash.jobId!);
}

export function response(ctx: Context<unknown, Stash, undefined, undefined, JobRecord | null>): JobRecord | null {
  if (ctx.error) raise(ctx.error);
  ctx.stash.companyId = ctx.result ? ctx.result.companyId : null;
  return ctx.result;
}
