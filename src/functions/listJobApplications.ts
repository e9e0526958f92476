// listJobApplications: a page of the job ctx.stash.jobId's applications, in one stage (the stage
// argument) or in all, longest in their stage first. Query GSI1 on JOB#jobId.
import type { Context } from '@aws-appsync/utils';
import { Applications, type ApplicationRecord, type Stage } from '../data/applications';
import { raise } from '../data/errors';

type Args = { stage?: Stage | null; limit?: number | null; nextToken?: string | null };

export function request(ctx: Context<Args, { jobId: string }>) {
  return Applications.byJob(ctx.stash.jobId, ctx.args.stage, ctx.args.limit, ctx.args.nextToken);
}

export function response(ctx: Context<Args, { jobId: string }, undefined, undefined, { items: ApplicationRecord[]; nextToken: string | null }>) {
  if (ctx.error) raise(ctx.error);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken };
}
