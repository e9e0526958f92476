// requireMyCompany: Unauthorized unless the company ctx.stash.companyId is one of the caller's
// (ctx.stash.myCompanyIds, from loadMyCompanies): the membership check for a pipeline that loads the
// caller's companies anyway. Callers not bound to companies pass. Passes the previous result on.
// NONE data source: nothing is read.
import { runtime, util, type Context } from '@aws-appsync/utils';
import type { TenancyStash } from '../data/recruiters';

export function request(ctx: Context<unknown, TenancyStash, { result: unknown }>) {
  const { companyId, myCompanyIds } = ctx.stash;
  if (myCompanyIds && !(typeof companyId === 'string' && myCompanyIds.includes(companyId))) util.unauthorized();
  return runtime.earlyReturn(ctx.prev.result);
}

export function response(ctx: Context<unknown, TenancyStash, { result: unknown }>): unknown {
  return ctx.prev.result;
}
