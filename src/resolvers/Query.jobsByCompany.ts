// Query.jobsByCompany: a page of a company's jobs, newest first. Query GSI1 on COMPANY#companyId.
import { util, type Context } from '@aws-appsync/utils';
import { Jobs, type JobRecord } from '../data/jobs';
import { assertPageSize } from '../data/pages';

type Args = { companyId: string; limit?: number | null; nextToken?: string | null };

export function request(ctx: Context<Args>) {
  assertPageSize(ctx.args.limit);
  return Jobs.byCompany(ctx.args.companyId, ctx.args.limit, ctx.args.nextToken);
}

export function response(ctx: Context<Args, object, undefined, undefined, { items: JobRecord[]; nextToken: string | null }>) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken };
}
