// Job.applications: a page of the parent job's applications, optionally in one stage. Query GSI1 on JOB#source.id.
import { Applications, type ApplicationRecord } from '../data/applications';
import { assertPageSize } from '../data/pages';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

export function request(ctx: ResolverContext<'Job.applications'>) {
  assertPageSize(ctx.args.limit);
  return Applications.byJob(ctx.source!.id, ctx.args.stage, ctx.args.limit, ctx.args.nextToken);
}

export function response(ctx: ResolverContext<'Job.applications', { items: ApplicationRecord[]; nextToken: string | null }>): FieldResult<'Job.applications'> {
  if (ctx.error) raise(ctx.error);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken };
}
