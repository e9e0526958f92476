// requireJob: loads the job named by ctx.stash.jobId (consistent read); NotFound when it does not exist.
import { util, type Context } from '@aws-appsync/utils';
import { Jobs, type JobRecord } from '../data/jobs';
import { raise } from '../data/errors';

export function request(ctx: Context<unknown, { jobId: string }>) {
  return { ...Jobs.get(ctx.stash.jobId), consistentRead: true };
}

export function response(ctx: Context<unknown, { jobId: string }, undefined, undefined, JobRecord | null>) {
  if (ctx.error) raise(ctx.error);
  if (!ctx.result) util.error(`Job ${ctx.stash.jobId} does not exist`, 'NotFound', null, { jobId: ctx.stash.jobId });
  return ctx.result;
}
