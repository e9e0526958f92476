// loadJobCounts: the counts item of the job ctx.stash.jobId, or null before its first application.
// GetItem PK=JOB#id, SK=#COUNTS: the reads of a page's jobs (and of both count fields), issued
// together, are coalesced into one BatchGetItem.
import type { Context } from '@aws-appsync/utils';
import { raise } from '../data/errors';
import { Jobs, type JobCountsRecord } from '../data/jobs';

export function request(ctx: Context<unknown, { jobId: string }>) {
  return Jobs.counts(ctx.stash.jobId);
}

export function response(ctx: Context<unknown, { jobId: string }, undefined, undefined, JobCountsRecord | null>): JobCountsRecord | null {
  if (ctx.error) raise(ctx.error);
  return ctx.result;
}
