// requireJob: loads the job named by ctx.stash.jobId (consistent read); NotFound when it does not exist.
// Its company becomes ctx.stash.companyId, for the tenancy steps after it.
import { util, type Context } from '@aws-appsync/utils';
import { Jobs, type JobRecord } from '../data/jobs';
import { raise } from '../data/errors';

type Stash = { jobId: string; companyId?: string | null };

export function request(ctx: Context<unknown, Stash>) {
  return { ...Jobs.get(ctx.stash.jobId), consistentRead: true };
}

export function response(ctx: Context<unknown, Stash, undefined, undefined, JobRecord | null>) {
  if (ctx.error) raise(ctx.error);
  if (!ctx.result) util.error(`Job ${ctx.stash.jobId} does not exist`, 'NotFound', null, { jobId: ctx.stash.jobId });
  ctx.stash.companyId = ctx.result.companyId;
  return ctx.result;
}
