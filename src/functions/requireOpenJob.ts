// requireOpenJob: loads the job named by ctx.stash.jobId; NotFound when it does not exist, JobNotOpen unless OPEN.
import { util, type Context } from '@aws-appsync/utils';
import { Jobs, type JobRecord } from '../data/jobs';
import { raise } from '../data/errors';

export function request(ctx: Context<unknown, { jobId: string }>) {
  return { ...Jobs.get(ctx.stash.jobId), consistentRead: true };
}

export function response(ctx: Context<unknown, { jobId: string }, undefined, undefined, JobRecord | null>) {
  if (ctx.error) raise(ctx.error);
  const job = ctx.result;
  if (!job) util.error(`Job ${ctx.stash.jobId} does not exist`, 'NotFound', null, { jobId: ctx.stash.jobId });
  if (job.status !== 'OPEN') util.error(`Job ${job.id} is not open for applications`, 'JobNotOpen', null, { jobId: job.id, status: job.status });
  return job;
}
