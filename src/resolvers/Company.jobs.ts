// Company.jobs: a page of the parent company's jobs, newest first. Query GSI1 on COMPANY#source.id.
import { util, type Context } from '@aws-appsync/utils';
import type { CompanyRecord } from '../data/companies';
import { Jobs, type JobRecord } from '../data/jobs';
import { assertPageSize } from '../data/pages';

type Args = { limit?: number | null; nextToken?: string | null };

export function request(ctx: Context<Args, object, undefined, CompanyRecord>) {
  assertPageSize(ctx.args.limit);
  return Jobs.byCompany(ctx.source!.id, ctx.args.limit, ctx.args.nextToken);
}

export function response(ctx: Context<Args, object, undefined, CompanyRecord, { items: JobRecord[]; nextToken: string | null }>) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken };
}
