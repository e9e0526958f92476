// Company.jobs: a page of the parent company's jobs, newest first. Query GSI1 on COMPANY#source.id; for the API key, GSI4 on OPEN#COMPANY#source.id.
import { util } from '@aws-appsync/utils';
import { Jobs, type JobRecord } from '../data/jobs';
import { assertPageSize } from '../data/pages';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

export function request(ctx: ResolverContext<'Company.jobs'>) {
  assertPageSize(ctx.args.limit);
  return Jobs.byCompany(ctx.source!.id, ctx.args.limit, ctx.args.nextToken, util.authType() === 'API Key Authorization');
}

export function response(ctx: ResolverContext<'Company.jobs', { items: JobRecord[]; nextToken: string | null }>): FieldResult<'Company.jobs'> {
  if (ctx.error) raise(ctx.error);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken };
}
