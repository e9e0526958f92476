// listCompanyJobs: a page of the company ctx.stash.companyId's jobs, newest first: every status for
// its recruiters and admins (ctx.stash.member, from checkRecruiterOfCompany), only OPEN ones for the
// API key and other companies' recruiters (the job board's view). Query GSI1 on COMPANY#id; GSI4 on
// OPEN#COMPANY#id for the board's view.
import { util, type Context } from '@aws-appsync/utils';
import { raise } from '../data/errors';
import { Jobs, type JobRecord } from '../data/jobs';
import type { TenancyStash } from '../data/recruiters';

type Args = { limit?: number | null; nextToken?: string | null };

export function request(ctx: Context<Args, TenancyStash>) {
  const boardView = util.authType() === 'API Key Authorization' || ctx.stash.member === false;
  return Jobs.byCompany(ctx.stash.companyId!, ctx.args.limit, ctx.args.nextToken, boardView);
}

export function response(ctx: Context<Args, TenancyStash, undefined, undefined, { items: JobRecord[]; nextToken: string | null }>) {
  if (ctx.error) raise(ctx.error);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken };
}
