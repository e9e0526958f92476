// Query.job: a job by id, or null. GetItem PK=JOB#id.
import { Jobs, type JobRecord } from '../data/jobs';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

export function request(ctx: ResolverContext<'Query.job'>) {
  return Jobs.get(ctx.args.id);
}

export function response(ctx: ResolverContext<'Query.job', JobRecord | null>): FieldResult<'Query.job'> {
  if (ctx.error) raise(ctx.error);
  return ctx.result;
}
