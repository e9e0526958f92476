// requireOpenJob: loads the job named by ctx.stash.jobId; NotFound when it does not exist, JobNotOpen unless OPEN.
// Its company becomes ctx.stash.companyId, for the tenancy steps and the application.
import { util, type Context } from '@aws-appsync/utils';
import { Jobs, type JobRecord } from '../data/jobs';
import { raise } from '../data/errors';

type Stash = { jobId: string; companyId?: string | null };

export function request(ctx: Context<unknown, Stash>) {
  return { ...Jobs.get(ctx.stash.jobId), consistentRead: true };
}

export function response(ctx: Context<unknown, Stash, undefined, undefined, JobRecord | null>) {
  if (ctx.error) raise(ctx.error);
  const job = ctx.result;
  if (!job) util.error(`Job ${ctx.stash.jobId} does not exist`, 'NotFound', null, { jobId: ctx.stash.jobId });
  if (job.status !== 'OPEN') util.error(`Job ${job.id} is not open for applications`, 'JobNotOpen', null, { jobId: job.id, status: job.status });
  ctx.stash.companyId = job.companyId;
  return job;
}
