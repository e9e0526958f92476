// Query.openJobs: a page of the job board, OPEN jobs newest first. Query GSI4 on OPEN#COMPANY#companyId, else GSI5 on OPEN#LOCATION#location, else GSI3 on OPEN; remote, employmentType (and location beside companyId) filter.
import { Jobs, type JobRecord } from '../data/jobs';
import { assertId, assertMaxLength, LIMITS } from '../data/limits';
import { assertPageSize } from '../data/pages';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

export function request(ctx: ResolverContext<'Query.openJobs'>) {
  const filter = ctx.args.filter || {};
  assertId('filter.companyId', filter.companyId);
  assertMaxLength('filter.location', filter.location, LIMITS.jobLocation);
  assertPageSize(ctx.args.limit);
  return Jobs.board(filter, ctx.args.limit, ctx.args.nextToken);
}

export function response(ctx: ResolverContext<'Query.openJobs', { items: JobRecord[]; nextToken: string | null }>): FieldResult<'Query.openJobs'> {
  if (ctx.error) raise(ctx.error);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken };
}
