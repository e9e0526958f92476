// putJob: writes a new job for the company loaded by the previous step. PutItem PK=JOB#id if absent.
import { util } from '@aws-appsync/utils';
import { Jobs, type JobInput, type JobRecord } from '../data/jobs';
import type { ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

// The pipeline's request checked the input against the schema's limits and stashed it.
export function request(ctx: ResolverContext<'Mutation.createJob', unknown, { job: JobInput }>) {
  const now = util.time.nowISO8601();
  return Jobs.create({ id: util.autoId(), ...ctx.stash.job, createdAt: now, updatedAt: now });
}

export function response(ctx: ResolverContext<'Mutation.createJob', JobRecord>): JobRecord {
  if (ctx.error) raise(ctx.error);
  return ctx.result;
}
