// Query.applicationsByJob: a page of a job's applications, optionally in one stage. Query GSI1 on JOB#jobId.
import { Applications, type ApplicationRecord } from '../data/applications';
import { assertPageSize } from '../data/pages';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

export function request(ctx: ResolverContext<'Query.applicationsByJob'>) {
  assertPageSize(ctx.args.limit);
  return Applications.byJob(ctx.args.jobId, ctx.args.stage, ctx.args.limit, ctx.args.nextToken);
}

export function response(
  ctx: ResolverContext<'Query.applicationsByJob', { items: ApplicationRecord[]; nextToken: string | null }>,
): FieldResult<'Query.applicationsByJob'> {
  if (ctx.error) raise(ctx.error);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken };
}
