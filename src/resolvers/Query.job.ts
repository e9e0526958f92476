// Query.job: a job by id, or null. GetItem PK=JOB#id.
import { util, type Context } from '@aws-appsync/utils';
import { Jobs, type JobRecord } from '../data/jobs';

export function request(ctx: Context<{ id: string }>) {
  return Jobs.get(ctx.args.id);
}

export function response(ctx: Context<{ id: string }, object, undefined, undefined, JobRecord | null>) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
